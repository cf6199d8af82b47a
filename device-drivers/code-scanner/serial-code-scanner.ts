// The serial (RS-232 or USB CDC) scanner driver: opens the port, cuts the byte stream into codes, and when the
// port goes away (cable pulled, USB re-enumerated) reports noDevice and reopens it with backoff until it is back.

import { stat } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { abortableDelay } from '../abortable-delay';
import { fail, succeed, type DeviceResult } from '../device-result';
import type { DeviceState } from '../device-status';
import { EventHub } from '../event-hub';
import type { CodeScanner, CodeScannerEvents, CodeScannerStatus } from './code-scanner';
import { DEFAULT_RETRY_DELAYS_MS, retryDelay } from './reconnect-backoff';
import type { DiagnosableScanner, ScannerDiagnostics } from './scanner-diagnostics';
import type { ScanEncoding } from './scanned-code-decoder';
import { ScannerStatusTracker } from './scanner-status-tracker';
import { SerialLineFramer, type SerialFrame, type SerialTerminator } from './serial-line-framer';
import { StallTolerantDeadline } from './stall-tolerant-deadline';

/** The part of a serialport stream the driver uses; tests hand in serialport's SerialPortMock. */
export interface SerialPortLike extends NodeJS.EventEmitter {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  close(callback?: (error: Error | null) => void): void;
}

export type OpenSerialPort = (options: { path: string; baudRate: number }) => SerialPortLike;

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
  presence?: { intervalMs: number; identify: (path: string) => Promise<string | null> } | null;
  /** Monotonic milliseconds. */
  now?: () => number;
}

const openRealPort: OpenSerialPort = ({ path, baudRate }) => new SerialPort({ path, baudRate, autoOpen: false });

/** The device node behind a path (through symlinks), or null when there is none. */
async function deviceNodeIdentity(path: string): Promise<string | null> {
  try {
    const node = await stat(path);
    return `${node.dev}:${node.ino}:${node.rdev}`;
  } catch {
    return null;
  }
}

export function createSerialCodeScanner(options: SerialCodeScannerOptions): CodeScanner & DiagnosableScanner {
  return new SerialCodeScanner(options);
}

export class SerialCodeScanner implements CodeScanner, DiagnosableScanner {
  readonly kind = 'code-scanner' as const;
  private readonly hub = new EventHub<CodeScannerEvents>();
  readonly events = this.hub;
  private readonly tracker = new ScannerStatusTracker(this.hub);
  private readonly framer: SerialLineFramer;
  private readonly openPort: OpenSerialPort;
  private readonly now: () => number;
  private readonly retryDelays: readonly number[];
  private readonly baudRate: number;
  private readonly presence: SerialCodeScannerOptions['presence'];
  private port: SerialPortLike | null = null;
  private running: AbortController | null = null;
  /** The signal of the open() whose reconnection loop is running, if one is. */
  private retryLoop: AbortSignal | null = null;
  private readonly timeoutRule: StallTolerantDeadline<SerialFrame>;
  private presenceTimer: NodeJS.Timeout | null = null;
  private readonly counts: ScannerDiagnostics = { attaches: 0, detaches: 0, rejected: {}, lastProblem: null };

  constructor(private readonly options: SerialCodeScannerOptions) {
    const framerOptions: ConstructorParameters<typeof SerialLineFramer>[0] = {
      terminator: options.terminator ?? 'CR',
      encoding: options.encoding ?? 'utf-8',
    };
    if (options.interByteTimeoutMs !== undefined) framerOptions.interByteTimeoutMs = options.interByteTimeoutMs;
    if (options.aimIds !== undefined) framerOptions.aimIds = options.aimIds;
    this.framer = new SerialLineFramer(framerOptions);
    this.openPort = options.openPort ?? openRealPort;
    this.now = options.now ?? (() => performance.now());
    this.retryDelays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.baudRate = options.baudRate ?? 9600;
    this.timeoutRule = new StallTolerantDeadline(this.framer, this.now, (frames) => this.deliver(frames));
    this.presence = options.presence === undefined ? { intervalMs: 500, identify: deviceNodeIdentity } : options.presence;
  }

  status(): CodeScannerStatus {
    return this.tracker.status();
  }

  diagnostics(): ScannerDiagnostics {
    return { ...this.counts, rejected: { ...this.counts.rejected } };
  }

  /** Opens the port once; when it is not there, keeps trying in the background. */
  async open(): Promise<void> {
    if (this.running) return;
    this.running = new AbortController();
    if (!(await this.attach())) this.keepTrying();
  }

  async close(): Promise<void> {
    this.running?.abort();
    this.running = null;
    await this.dropPort();
    this.tracker.update({ device: 'offline' });
  }

  async enable(): Promise<DeviceResult<void>> {
    if (this.tracker.status().device !== 'online') return this.notReady();
    this.tracker.update({ enabled: true });
    return succeed(undefined);
  }

  /** Always possible: a scanner that is away is off too, and stays off when it comes back. */
  async disable(): Promise<DeviceResult<void>> {
    this.tracker.update({ enabled: false });
    return succeed(undefined);
  }

  /** Drops any half-received code, reopens the port and leaves the scanner off, as at start. */
  async reset(): Promise<DeviceResult<void>> {
    if (!this.running) return fail('deviceNotReady', 'closed', 'the driver is not open');
    this.tracker.update({ enabled: false });
    await this.dropPort();
    if (await this.attach()) return succeed(undefined);
    this.keepTrying();
    return this.notReady();
  }

  private notReady(): DeviceResult<void> {
    const { device } = this.tracker.status();
    const problem = this.counts.lastProblem ?? undefined;
    if (device === 'noDevice') return fail('noDevice', 'portMissing', problem);
    if (device === 'hardwareError') return fail('hardwareError', 'openFailed', problem);
    return fail('deviceNotReady', device, problem);
  }

  private async attach(): Promise<boolean> {
    const { path } = this.options;
    const port = this.openPort({ path, baudRate: this.baudRate });
    const identity = this.presence ? await this.presence.identify(path) : null;
    const error = await new Promise<Error | null>((resolve) => port.open(resolve));
    if (error) {
      // A missing device node is an unplugged scanner; anything else (EACCES, EBUSY) needs a person.
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT' || /ENOENT|No such file/.test(error.message);
      return this.problem(missing ? 'noDevice' : 'hardwareError', `cannot open ${path}: ${error.message}`);
    }
    if (!this.running) {
      await closePort(port);
      return false;
    }
    this.port = port;
    port.on('data', (chunk: Buffer) => this.received(port, chunk));
    // serialport closes the stream itself on a read error and says so with `close` (err.disconnected).
    port.on('close', () => void this.lost(port, 'port closed'));
    port.on('error', (err: Error) => void this.lost(port, err.message));
    this.counts.attaches += 1;
    this.counts.lastProblem = null;
    this.tracker.update({ device: 'online' });
    this.watchPresence(port, identity);
    return true;
  }

  private watchPresence(port: SerialPortLike, identity: string | null): void {
    const presence = this.presence;
    if (!presence || identity === null) return;
    this.presenceTimer = setInterval(() => {
      void presence.identify(this.options.path).then((now) => {
        if (now !== identity) void this.lost(port, now === null ? 'device node vanished' : 'device node replaced');
      });
    }, presence.intervalMs);
  }

  private problem(device: Extract<DeviceState, 'noDevice' | 'hardwareError'>, why: string): false {
    this.counts.lastProblem = why;
    this.tracker.update({ device });
    return false;
  }

  private async lost(port: SerialPortLike, reason: string): Promise<void> {
    if (port !== this.port) return;
    this.counts.detaches += 1;
    this.counts.lastProblem = `port lost: ${reason}`;
    await this.dropPort();
    if (!this.running) return;
    this.tracker.update({ device: 'noDevice' });
    this.keepTrying();
  }

  private keepTrying(): void {
    if (!this.running || this.retryLoop === this.running.signal) return;
    const signal = this.running.signal;
    this.retryLoop = signal;
    void (async () => {
      try {
        for (let attempt = 0; !signal.aborted; attempt++) {
          await abortableDelay(retryDelay(attempt, this.retryDelays), signal);
          if (signal.aborted || this.port) return;
          if (await this.attach()) return;
        }
      } finally {
        if (this.retryLoop === signal) this.retryLoop = null;
      }
    })();
  }

  private async dropPort(): Promise<void> {
    this.timeoutRule.stop();
    if (this.presenceTimer) clearInterval(this.presenceTimer);
    this.presenceTimer = null;
    this.framer.discard();
    const port = this.port;
    this.port = null;
    if (port) await closePort(port);
  }

  private received(port: SerialPortLike, chunk: Buffer): void {
    if (port !== this.port) return;
    this.deliver(this.framer.push(chunk, this.timeoutRule.arrivalTime()));
    this.timeoutRule.arm();
  }

  private deliver(frames: SerialFrame[]): void {
    for (const frame of frames) {
      if (!frame.ok) {
        const kind = frame.error.kind;
        this.counts.rejected[kind] = (this.counts.rejected[kind] ?? 0) + 1;
      } else if (this.tracker.status().scanner === 'on') {
        try {
          this.hub.emit('read', frame.code);
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

/** Closes a port whatever state it is in; a port that is already gone has nothing left to release. */
function closePort(port: SerialPortLike): Promise<void> {
  port.removeAllListeners('data');
  port.removeAllListeners('close');
  // Keep a listener: a late 'error' from a dropped port must not become an uncaught exception.
  port.removeAllListeners('error');
  port.on('error', () => {});
  if (!port.isOpen) return Promise.resolve();
  return new Promise((resolve) => port.close(() => resolve()));
}
