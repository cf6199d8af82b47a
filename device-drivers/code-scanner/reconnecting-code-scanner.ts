// What the real scanner drivers (HID POS and serial) share: the status and diagnostics they keep, enable/disable/reset,
// and looking for the device again with backoff when it goes away (unplugged, read error) until it is back — an
// unattended kiosk has nobody to restart it. A driver supplies how to attach to its device and how to let go of it.

import { fail, type DeviceResult } from '../device-result';
import { ok } from '../result';
import type { DeviceState } from '../device-status';
import { EventHub } from '../event-hub';
import { Reconnector, steppedBackoff } from '../reconnect-with-backoff';
import type { Result } from '../result';
import type { CodeScanner, CodeScannerEvents, CodeScannerStatus, ScannedCode } from './code-scanner';
import type { DiagnosableScanner, ScannerDiagnostics } from './scanner-diagnostics';
import { ScannerStatusTracker } from './scanner-status-tracker';

/**
 * How long a real scanner driver waits before looking for its device again: quickly at first (a cable re-seated),
 * then every few seconds (a scanner left unplugged).
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [100, 250, 500, 1000, 2000, 5000];

/** A finished scan from a framing machine (the HID reassembler, the serial framer): a code, or why it was refused. */
export type ScanOutcome = Result<ScannedCode, { kind: string }>;

export interface ReconnectingCodeScannerOptions {
  retryDelaysMs?: readonly number[] | undefined;
  /** The errorCode of a noDevice refusal: what "not there" is for this kind of scanner. */
  absentErrorCode: string;
  /** Heads `lastProblem` when the device goes away: `port lost`, `device lost`. */
  lostPrefix: string;
}

export abstract class ReconnectingCodeScanner implements CodeScanner, DiagnosableScanner {
  readonly kind = 'code-scanner' as const;
  private readonly hub = new EventHub<CodeScannerEvents>();
  readonly events = this.hub;
  private readonly tracker = new ScannerStatusTracker(this.hub);
  private readonly reconnector: Reconnector;
  /** Set between open() and close(); aborting it stops every wait. */
  private running: AbortController | null = null;
  private readonly counts: ScannerDiagnostics = { attaches: 0, detaches: 0, rejected: {}, lastProblem: null };

  constructor(private readonly lifecycle: ReconnectingCodeScannerOptions) {
    this.reconnector = new Reconnector({
      backoff: steppedBackoff(lifecycle.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS),
      attempt: async () => this.attached || (await this.attach()),
    });
  }

  /** Finds and opens the device; false (after `problem()`) when it is not there or cannot be opened. */
  protected abstract attach(): Promise<boolean>;
  /** Lets go of the device and drops anything half-received. */
  protected abstract detach(): Promise<void>;
  protected abstract get attached(): boolean;

  status(): CodeScannerStatus {
    return this.tracker.status();
  }

  diagnostics(): ScannerDiagnostics {
    return { ...this.counts, rejected: { ...this.counts.rejected } };
  }

  /** Looks for the scanner once; when it is not there, keeps looking in the background. */
  async open(): Promise<void> {
    if (this.running) return;
    this.running = new AbortController();
    if (!(await this.attach())) this.keepLooking();
  }

  async close(): Promise<void> {
    this.running?.abort();
    this.running = null;
    await this.detach();
    this.tracker.update({ device: 'offline' });
  }

  async enable(): Promise<DeviceResult<void>> {
    if (this.tracker.status().device !== 'online') return this.notReady();
    this.tracker.update({ enabled: true });
    return ok(undefined);
  }

  /** Always possible: a scanner that is away is off too, and stays off when it comes back. */
  async disable(): Promise<DeviceResult<void>> {
    this.tracker.update({ enabled: false });
    return ok(undefined);
  }

  /** Drops any half-received scan, reopens the device and leaves the scanner off, as at start. */
  async reset(): Promise<DeviceResult<void>> {
    if (!this.running) return fail('deviceNotReady', 'closed', 'the driver is not open');
    this.tracker.update({ enabled: false });
    await this.detach();
    if (await this.attach()) return ok(undefined);
    this.keepLooking();
    return this.notReady();
  }

  /** Between open() and close(): a device found after close() is to be let go at once. */
  protected get isRunning(): boolean {
    return this.running !== null;
  }

  /** The device is attached and online. */
  protected attachedNow(): true {
    this.counts.attaches += 1;
    this.counts.lastProblem = null;
    this.tracker.update({ device: 'online' });
    return true;
  }

  protected problem(device: Extract<DeviceState, 'noDevice' | 'hardwareError'>, why: string): false {
    this.counts.lastProblem = why;
    this.tracker.update({ device });
    return false;
  }

  /** The attached device went away: noDevice, and look for it again. */
  protected async lost(reason: string): Promise<void> {
    this.counts.detaches += 1;
    this.counts.lastProblem = `${this.lifecycle.lostPrefix}: ${reason}`;
    await this.detach();
    if (!this.running) return;
    this.tracker.update({ device: 'noDevice' });
    this.keepLooking();
  }

  /** Counts refused scans; passes codes on while the scanner is on. */
  protected deliver(outcomes: readonly ScanOutcome[]): void {
    for (const outcome of outcomes) {
      if (!outcome.ok) {
        const kind = outcome.error.kind;
        this.counts.rejected[kind] = (this.counts.rejected[kind] ?? 0) + 1;
      } else if (this.tracker.status().scanner === 'on') {
        try {
          this.hub.emit('read', outcome.value);
        } catch (error) {
          // A listener's bug must surface as the bug it is, not be taken for a device failure by the transport.
          setImmediate(() => {
            throw error;
          });
        }
      }
    }
  }

  private notReady(): DeviceResult<void> {
    const { device } = this.tracker.status();
    const problem = this.counts.lastProblem ?? undefined;
    if (device === 'noDevice') return fail('noDevice', this.lifecycle.absentErrorCode, problem);
    if (device === 'hardwareError') return fail('hardwareError', 'openFailed', problem);
    return fail('deviceNotReady', device, problem);
  }

  /** Polls for the device with backoff until it is back or the driver is closed. One loop at a time. */
  private keepLooking(): void {
    if (this.running) void this.reconnector.start(this.running.signal);
  }
}
