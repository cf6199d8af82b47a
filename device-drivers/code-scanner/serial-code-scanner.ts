// The serial (RS-232 or USB CDC) scanner driver: opens the port (the shared SerialTransport) and cuts the byte stream
// into codes. When the port goes away (cable pulled, USB re-enumerated) ReconnectingCodeScanner reports noDevice and
// reopens it with backoff until it is back.

import {
  SerialTransport,
  type DeviceNodeIdentifier,
  type SerialPortFactory,
  type SerialPortLike,
  type SerialTransportOptions,
} from '../serial-transport';
import type { CodeScanner } from './code-scanner';
import { ReconnectingCodeScanner } from './reconnecting-code-scanner';
import type { DiagnosableScanner } from './scanner-diagnostics';
import type { ScanEncoding } from './scanned-code-decoder';
import { SerialLineFramer, type SerialFrame, type SerialTerminator } from './serial-line-framer';
import { StallTolerantDeadline } from './stall-tolerant-deadline';

/** The part of a serialport stream the driver uses; tests hand in serialport's SerialPortMock. */
export type { SerialPortLike };

export type OpenSerialPort = SerialPortFactory;

export interface SerialCodeScannerOptions {
  path: string;
  /** 9600 (8N1) is what scanners ship with. */
  baudRate?: number;
  terminator?: SerialTerminator;
  encoding?: ScanEncoding;
  interByteTimeoutMs?: number;
  aimIds?: boolean;
  retryDelaysMs?: readonly number[];
  openPort?: OpenSerialPort;
  /**
   * How often to check that the device node the port was opened on is still there, and how to identify it. A
   * pulled USB cable or a closed pty hangs the tty up, and reads on a hung-up tty can return nothing forever instead
   * of an error, so the port alone does not always tell. A node re-created at the same path (a quick re-plug) has a
   * new identity. null turns the check off (a mock port has no node).
   */
  presence?: { intervalMs: number; identify: DeviceNodeIdentifier } | null;
  /** Monotonic milliseconds. */
  now?: () => number;
}

const DEFAULT_PRESENCE_INTERVAL_MS = 500;

export function createSerialCodeScanner(options: SerialCodeScannerOptions): CodeScanner & DiagnosableScanner {
  return new SerialCodeScanner(options);
}

export class SerialCodeScanner extends ReconnectingCodeScanner {
  private readonly framer: SerialLineFramer;
  private readonly transport: SerialTransport;
  private readonly now: () => number;
  private readonly timeoutRule: StallTolerantDeadline<SerialFrame>;

  constructor(options: SerialCodeScannerOptions) {
    super({ retryDelaysMs: options.retryDelaysMs, absentErrorCode: 'portMissing', lostPrefix: 'port lost' });
    const framerOptions: ConstructorParameters<typeof SerialLineFramer>[0] = {
      terminator: options.terminator ?? 'CR',
      encoding: options.encoding ?? 'utf-8',
    };
    if (options.interByteTimeoutMs !== undefined) framerOptions.interByteTimeoutMs = options.interByteTimeoutMs;
    if (options.aimIds !== undefined) framerOptions.aimIds = options.aimIds;
    this.framer = new SerialLineFramer(framerOptions);
    this.now = options.now ?? (() => performance.now());
    this.timeoutRule = new StallTolerantDeadline(this.framer, this.now, (frames) => this.deliver(frames));

    const transportOptions: SerialTransportOptions = { watchIntervalMs: 0 };
    if (options.openPort) transportOptions.createPort = options.openPort;
    if (options.presence === undefined) transportOptions.watchIntervalMs = DEFAULT_PRESENCE_INTERVAL_MS;
    else if (options.presence) {
      transportOptions.watchIntervalMs = options.presence.intervalMs;
      transportOptions.identifyNode = options.presence.identify;
    }
    this.transport = new SerialTransport({ path: options.path, baudRate: options.baudRate ?? 9600 }, transportOptions);
    this.transport.events.on('data', (chunk) => this.received(chunk));
    // serialport closes the port itself on a read error; the transport also watches the device node.
    this.transport.events.on('closed', ({ unplugged, reason }) => {
      if (unplugged) void this.lost(reason);
    });
  }

  protected get attached(): boolean {
    return this.transport.isOpen;
  }

  protected async attach(): Promise<boolean> {
    const opened = await this.transport.open();
    if (!opened.ok) {
      // A missing device node is an unplugged scanner; anything else (EACCES, EBUSY) needs a person.
      const device = opened.error.code === 'noDevice' ? 'noDevice' : 'hardwareError';
      return this.problem(device, opened.error.description ?? opened.error.errorCode ?? 'cannot open the port');
    }
    if (!this.isRunning) {
      await this.transport.close();
      return false;
    }
    return this.attachedNow();
  }

  protected async detach(): Promise<void> {
    this.timeoutRule.stop();
    this.framer.discard();
    await this.transport.close();
  }

  private received(chunk: Uint8Array): void {
    this.deliver(this.framer.push(chunk, this.timeoutRule.arrivalTime()));
    this.timeoutRule.arm();
  }
}
