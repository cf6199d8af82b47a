// The HID POS scanner driver: finds the scanner by vendor/product id and joins its input reports into scans. Looking
// for it again when it goes away (unplugged, read error) is ReconnectingCodeScanner's.

import type { CodeScanner } from './code-scanner';
import { HidScanAssembler, type AssembledScan, type HidReportLayout } from './hid-pos-report';
import type { HidConnection, HidDeviceInfo, HidTransport } from './hid-transport';
import { createNodeHidTransport } from './node-hid-transport';
import { ReconnectingCodeScanner } from './reconnecting-code-scanner';
import type { DiagnosableScanner } from './scanner-diagnostics';
import type { ScanEncoding } from './scanned-code-decoder';
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

export class HidCodeScanner extends ReconnectingCodeScanner {
  private readonly assembler: HidScanAssembler;
  private readonly transport: HidTransport;
  private readonly now: () => number;
  private connection: HidConnection | null = null;
  private readonly idleRule: StallTolerantDeadline<AssembledScan>;

  constructor(private readonly options: HidCodeScannerOptions) {
    super({ retryDelaysMs: options.retryDelaysMs, absentErrorCode: 'unplugged', lostPrefix: 'device lost' });
    const assemblerOptions: ConstructorParameters<typeof HidScanAssembler>[0] = { encoding: options.encoding ?? 'utf-8' };
    if (options.layout) assemblerOptions.layout = options.layout;
    if (options.idleMs !== undefined) assemblerOptions.idleMs = options.idleMs;
    if (options.aimIds !== undefined) assemblerOptions.aimIds = options.aimIds;
    this.assembler = new HidScanAssembler(assemblerOptions);
    this.transport = options.transport ?? createNodeHidTransport();
    this.now = options.now ?? (() => performance.now());
    this.idleRule = new StallTolerantDeadline(this.assembler, this.now, (scans) => this.deliver(scans));
  }

  protected get attached(): boolean {
    return this.connection !== null;
  }

  protected async attach(): Promise<boolean> {
    const { vendorId, productId } = this.options;
    let devices: HidDeviceInfo[];
    try {
      devices = await this.transport.list(vendorId, productId);
    } catch (error) {
      return this.problem('hardwareError', `cannot list HID devices: ${message(error)}`);
    }
    if (!this.isRunning) return false;
    const chosen = choosePosInterface(devices);
    if (chosen === 'none') return this.problem('noDevice', `no HID device ${hex4(vendorId)}:${hex4(productId)}`);
    if (chosen === 'notPos') {
      return this.problem(
        'hardwareError',
        `${hex4(vendorId)}:${hex4(productId)} has no HID POS interface (usage page 0x8C): set the scanner to HID POS mode`,
      );
    }

    const opened = await this.transport.open(chosen.path);
    if (!opened.ok) return this.problem('hardwareError', `cannot open ${chosen.path}: ${opened.error}`);
    const connection = opened.value;
    if (!this.isRunning) {
      await connection.close();
      return false;
    }
    this.connection = connection;
    connection.onReport((report) => this.received(connection, report));
    connection.onLost((reason) => {
      if (connection === this.connection) void this.lost(reason);
    });
    return this.attachedNow();
  }

  protected async detach(): Promise<void> {
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
