// The HID POS scanner driver: finds the scanner by vendor/product id, joins its input reports into scans, and keeps
// looking for it when it goes away (unplugged, read error) until it comes back — an unattended kiosk has nobody to
// restart it.

import { abortableDelay } from '../abortable-delay';
import { fail, succeed, type DeviceResult } from '../device-result';
import { EventHub } from '../event-hub';
import type { CodeScanner, CodeScannerEvents, CodeScannerStatus } from './code-scanner';
import { HidScanAssembler, type AssembledScan, type HidReportLayout } from './hid-pos-report';
import type { HidConnection, HidDeviceInfo, HidTransport } from './hid-transport';
import { createNodeHidTransport } from './node-hid-transport';
import { DEFAULT_RETRY_DELAYS_MS, retryDelay } from './reconnect-backoff';
import type { DiagnosableScanner, ScannerDiagnostics } from './scanner-diagnostics';
import type { ScanEncoding } from './scanned-code-decoder';
import { ScannerStatusTracker } from './scanner-status-tracker';
import { StallTolerantDeadline } from './stall-tolerant-deadline';

export const HID_POS_USAGE_PAGE = 0x8c;

export interface HidCodeScannerOptions {
  vendorId: number;
  productId: number;
  /** As the scanner is set: UTF-8 or GBK. */
  encoding?: ScanEncoding;
  layout?: HidReportLayout;
  /** The idle gap that ends a scan (devices.md: 50 ms). */
  idleMs?: number;
  aimIds?: boolean;
  retryDelaysMs?: readonly number[];
  /** node-hid unless a test brings its own. */
  transport?: HidTransport;
  /** Monotonic milliseconds. */
  now?: () => number;
}

export function createHidCodeScanner(options: HidCodeScannerOptions): CodeScanner & DiagnosableScanner {
  return new HidCodeScanner(options);
}

export class HidCodeScanner implements CodeScanner, DiagnosableScanner {
  readonly kind = 'code-scanner' as const;
  private readonly hub = new EventHub<CodeScannerEvents>();
  readonly events = this.hub;
  private readonly tracker = new ScannerStatusTracker(this.hub);
  private readonly assembler: HidScanAssembler;
  private readonly transport: HidTransport;
  private readonly now: () => number;
  private readonly retryDelays: readonly number[];
  private connection: HidConnection | null = null;
  /** Set between open() and close(); aborting it stops every wait. */
  private running: AbortController | null = null;
  /** The signal of the open() whose reconnection loop is running, if one is. */
  private retryLoop: AbortSignal | null = null;
  private readonly idleRule: StallTolerantDeadline<AssembledScan>;
  private readonly counts: ScannerDiagnostics = { attaches: 0, detaches: 0, rejected: {}, lastProblem: null };

  constructor(private readonly options: HidCodeScannerOptions) {
    const assemblerOptions: ConstructorParameters<typeof HidScanAssembler>[0] = { encoding: options.encoding ?? 'utf-8' };
    if (options.layout) assemblerOptions.layout = options.layout;
    if (options.idleMs !== undefined) assemblerOptions.idleMs = options.idleMs;
    if (options.aimIds !== undefined) assemblerOptions.aimIds = options.aimIds;
    this.assembler = new HidScanAssembler(assemblerOptions);
    this.transport = options.transport ?? createNodeHidTransport();
    this.now = options.now ?? (() => performance.now());
    this.retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.idleRule = new StallTolerantDeadline(this.assembler, this.now, (scans) => this.deliver(scans));
  }

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
    await this.dropConnection();
    this.tracker.update({ device: 'offline' });
  }

  async enable(): Promise<DeviceResult<void>> {
    const status = this.tracker.status();
    if (status.device !== 'online') return this.notReady();
    this.tracker.update({ enabled: true });
    return succeed(undefined);
  }

  /** Always possible: a scanner that is away is off too, and stays off when it comes back. */
  async disable(): Promise<DeviceResult<void>> {
    this.tracker.update({ enabled: false });
    return succeed(undefined);
  }

  /** Drops any half-received scan, reopens the device and leaves the scanner off, as at start. */
  async reset(): Promise<DeviceResult<void>> {
    if (!this.running) return fail('deviceNotReady', 'closed', 'the driver is not open');
    this.tracker.update({ enabled: false });
    await this.dropConnection();
    if (await this.attach()) return succeed(undefined);
    this.keepLooking();
    return this.notReady();
  }

  private notReady(): DeviceResult<void> {
    const { device } = this.tracker.status();
    const problem = this.counts.lastProblem ?? undefined;
    if (device === 'noDevice') return fail('noDevice', 'unplugged', problem);
    if (device === 'hardwareError') return fail('hardwareError', 'openFailed', problem);
    return fail('deviceNotReady', device, problem);
  }

  private async attach(): Promise<boolean> {
    const { vendorId, productId } = this.options;
    let devices: HidDeviceInfo[];
    try {
      devices = await this.transport.list(vendorId, productId);
    } catch (error) {
      return this.problem('hardwareError', `cannot list HID devices: ${message(error)}`);
    }
    if (!this.running) return false;
    const chosen = choosePosInterface(devices);
    if (chosen === 'none') return this.problem('noDevice', `no HID device ${hex4(vendorId)}:${hex4(productId)}`);
    if (chosen === 'notPos') {
      return this.problem('hardwareError', `${hex4(vendorId)}:${hex4(productId)} has no HID POS interface (usage page 0x8C): set the scanner to HID POS mode`);
    }

    const opened = await this.transport.open(chosen.path);
    if (!opened.ok) return this.problem('hardwareError', `cannot open ${chosen.path}: ${opened.reason}`);
    const connection = opened.connection;
    if (!this.running) {
      await connection.close();
      return false;
    }
    this.connection = connection;
    connection.onReport((report) => this.received(connection, report));
    connection.onLost((reason) => void this.lost(connection, reason));
    this.counts.attaches += 1;
    this.counts.lastProblem = null;
    this.tracker.update({ device: 'online' });
    return true;
  }

  private problem(device: 'noDevice' | 'hardwareError', why: string): false {
    this.counts.lastProblem = why;
    this.tracker.update({ device });
    return false;
  }

  private async lost(connection: HidConnection, reason: string): Promise<void> {
    if (connection !== this.connection) return;
    this.counts.detaches += 1;
    this.counts.lastProblem = `device lost: ${reason}`;
    await this.dropConnection();
    if (!this.running) return;
    this.tracker.update({ device: 'noDevice' });
    this.keepLooking();
  }

  /** Polls for the device with backoff until it is back or the driver is closed. One loop at a time. */
  private keepLooking(): void {
    if (!this.running || this.retryLoop === this.running.signal) return;
    const signal = this.running.signal;
    this.retryLoop = signal;
    void (async () => {
      try {
        for (let attempt = 0; !signal.aborted; attempt++) {
          await abortableDelay(retryDelay(attempt, this.retryDelays), signal);
          if (signal.aborted || this.connection) return;
          if (await this.attach()) return;
        }
      } finally {
        if (this.retryLoop === signal) this.retryLoop = null;
      }
    })();
  }

  private async dropConnection(): Promise<void> {
    this.idleRule.stop();
    this.assembler.discard();
    const connection = this.connection;
    this.connection = null;
    await connection?.close();
  }

  private received(connection: HidConnection, report: Uint8Array): void {
    if (connection !== this.connection) return;
    this.deliver(this.assembler.push(report, this.idleRule.arrivalTime()));
    this.idleRule.arm();
  }

  private deliver(scans: AssembledScan[]): void {
    for (const scan of scans) {
      if (!scan.ok) {
        const kind = scan.error.kind;
        this.counts.rejected[kind] = (this.counts.rejected[kind] ?? 0) + 1;
      } else if (this.tracker.status().scanner === 'on') {
        try {
          this.hub.emit('read', scan.code);
        } catch (error) {
          // A listener's bug must surface as the bug it is, not be taken for a device failure by the transport.
          setImmediate(() => {
            throw error;
          });
        }
      }
    }
  }
}

/** A scanner can expose several interfaces (keyboard wedge and HID POS): only the POS one carries report 0x02. */
function choosePosInterface(devices: HidDeviceInfo[]): HidDeviceInfo | 'none' | 'notPos' {
  if (devices.length === 0) return 'none';
  const pos = devices.find((device) => device.usagePage === HID_POS_USAGE_PAGE);
  if (pos) return pos;
  // hidapi's libusb backend (and old kernels) cannot tell the usage page: 0 or absent.
  const unknown = devices.find((device) => !device.usagePage);
  return unknown ?? 'notPos';
}

function hex4(id: number): string {
  return id.toString(16).padStart(4, '0');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
