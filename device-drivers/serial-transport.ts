// The byte pipe under every serial driver (ID reader, receipt printer, serial scanner): a port opened with
// `serialport` 13, or anything else of the same shape (drivers' unit tests use in-memory pipes). Expected
// failures — an absent port, an unplug, a write that cannot finish — are values and events, never exceptions.

import { stat } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { fail, type DeviceResult } from './device-result';
import { ok } from './result';
import { EventHub, type DeviceEvents } from './event-hub';

export interface ByteTransportEvents extends Record<string, unknown> {
  data: Uint8Array;
  /**
   * The port is closed. `unplugged` is false after our own close(), true when it went away by itself (cable pulled,
   * device node gone or replaced, read or write error). `reason` is for staff diagnostics.
   */
  closed: { unplugged: boolean; reason: string };
}

export interface ByteTransport {
  readonly events: DeviceEvents<ByteTransportEvents>;
  readonly isOpen: boolean;
  open(): Promise<DeviceResult<void>>;
  /** Resolves once the bytes have left for the device (written and drained), or failed. */
  write(bytes: Uint8Array): Promise<DeviceResult<void>>;
  close(): Promise<void>;
}

export interface SerialTransportConfig {
  path: string;
  baudRate: number;
  /**
   * Modem lines to set after opening (readers powered from DTR/RTS want them high). A pty or a bare USB bridge
   * refuses the ioctl ("Inappropriate ioctl for device"): that is tolerated. Left alone when absent.
   */
  modemLines?: { dtr?: boolean; rts?: boolean };
}

/** The part of a `serialport` port this transport uses: a real SerialPort, or SerialPortMock in unit tests. */
export interface SerialPortLike {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  set(options: { dtr?: boolean; rts?: boolean }, callback: (error: Error | null) => void): void;
  write(data: Uint8Array, callback: (error: Error | null | undefined) => void): boolean;
  drain(callback: (error: Error | null) => void): void;
  close(callback: (error?: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close', listener: (error: unknown) => void): unknown;
}

export type SerialPortFactory = (options: { path: string; baudRate: number; autoOpen: false }) => SerialPortLike;

/** Which device node a path names now (following links), or null when it names none. */
export type DeviceNodeIdentifier = (path: string) => Promise<string | null>;

export interface SerialTransportOptions {
  /** How ports are made; serialport's SerialPort unless a test brings SerialPortMock. */
  createPort?: SerialPortFactory;
  /** How often to check that the device node is still the one we opened (ms); 0 turns the watch off. */
  watchIntervalMs?: number;
  /** How the watch tells device nodes apart; stat's dev:ino:rdev unless a test brings its own. */
  identifyNode?: DeviceNodeIdentifier;
}

const DEFAULT_WATCH_INTERVAL_MS = 250;

const realSerialPort: SerialPortFactory = (options) => new SerialPort(options);

export class SerialTransport implements ByteTransport {
  private readonly hub = new EventHub<ByteTransportEvents>();
  readonly events: DeviceEvents<ByteTransportEvents> = this.hub;
  private port: SerialPortLike | null = null;
  private opening: Promise<DeviceResult<void>> | null = null;
  private watch: NodeJS.Timeout | undefined;
  /** Writes under way on the current port: they end, failed, when the port goes. */
  private readonly pendingWrites = new Set<(result: DeviceResult<void>) => void>();
  private readonly createPort: SerialPortFactory;
  private readonly watchIntervalMs: number;
  private readonly identifyNode: DeviceNodeIdentifier;

  constructor(
    private readonly config: SerialTransportConfig,
    options: SerialTransportOptions = {},
  ) {
    this.createPort = options.createPort ?? realSerialPort;
    this.watchIntervalMs = options.watchIntervalMs ?? DEFAULT_WATCH_INTERVAL_MS;
    this.identifyNode = options.identifyNode ?? statIdentity;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  /** Opens the port; already open is success. A missing node is noDevice, any other refusal hardwareError. */
  open(): Promise<DeviceResult<void>> {
    if (this.port) return Promise.resolve(ok(undefined));
    this.opening ??= this.openPort().finally(() => {
      this.opening = null;
    });
    return this.opening;
  }

  write(bytes: Uint8Array): Promise<DeviceResult<void>> {
    const port = this.port;
    // serialport queues writes on a closed port until it opens again: refuse instead of hanging.
    if (!port?.isOpen) return Promise.resolve(fail('noDevice', 'portClosed', 'serial port is not open'));
    return new Promise((resolve) => {
      const finish = (result: DeviceResult<void>): void => {
        if (!this.pendingWrites.delete(finish)) return;
        resolve(result);
      };
      this.pendingWrites.add(finish);
      port.write(bytes, (error) => {
        if (error) return finish(fail('noDevice', 'writeFailed', error.message));
        port.drain((drainError) => finish(drainError ? fail('noDevice', 'writeFailed', drainError.message) : ok(undefined)));
      });
    });
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port) return;
    this.dropPort(port);
    if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    this.hub.emit('closed', { unplugged: false, reason: 'closed' });
  }

  private async openPort(): Promise<DeviceResult<void>> {
    const { path, baudRate, modemLines } = this.config;
    const identity = this.watchIntervalMs > 0 ? await this.identifyNode(path) : null;
    const port = this.createPort({ path, baudRate, autoOpen: false });
    // A listener for the port's whole life: a late error from a port we dropped must not crash the process.
    port.on('error', (error: Error) => this.lost(port, error.message));
    const error = await new Promise<Error | null>((resolve) => port.open(resolve));
    if (error) {
      // A missing device node is an unplugged device; anything else (EACCES, EBUSY) needs a person.
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT' || /ENOENT|No such file/.test(error.message);
      return fail(
        missing ? 'noDevice' : 'hardwareError',
        missing ? 'portMissing' : 'portUnavailable',
        `cannot open ${path}: ${error.message}`,
      );
    }
    this.port = port;
    port.on('data', (chunk: Buffer) => {
      if (this.port === port) this.hub.emit('data', new Uint8Array(chunk));
    });
    // serialport closes a port itself when a read or write finds the device gone (err.disconnected).
    port.on('close', () => this.lost(port, 'port closed'));
    this.watchNode(port, identity);
    if (modemLines) await new Promise<void>((resolve) => port.set(modemLines, () => resolve()));
    return ok(undefined);
  }

  /** The port went away without close(): drop it, release it, and say so once. */
  private lost(port: SerialPortLike, reason: string): void {
    if (this.port !== port) return;
    this.dropPort(port);
    if (port.isOpen) port.close(() => undefined);
    this.hub.emit('closed', { unplugged: true, reason });
  }

  /**
   * serialport 13 does not always notice a hang-up: when read() on the dead tty returns 0 it retries forever
   * (serialport/bindings-cpp#162) — a busy loop, and a device that looks online. Seen with ptys and reported
   * with USB adapters. The node vanishing or changing identity is the unplug; closing the port ends the loop.
   */
  private watchNode(port: SerialPortLike, identity: string | null): void {
    if (this.watchIntervalMs <= 0 || identity === null) return;
    let checking = false;
    this.watch = setInterval(() => {
      if (checking) return;
      checking = true;
      void this.identifyNode(this.config.path).then((now) => {
        checking = false;
        if (now !== identity) this.lost(port, now === null ? 'device node vanished' : 'device node replaced');
      });
    }, this.watchIntervalMs);
    this.watch.unref();
  }

  private dropPort(port: SerialPortLike): void {
    if (this.port === port) this.port = null;
    clearInterval(this.watch);
    this.watch = undefined;
    const writes = [...this.pendingWrites];
    for (const finish of writes) finish(fail('noDevice', 'writeFailed', 'port closed during write'));
  }
}

async function statIdentity(path: string): Promise<string | null> {
  try {
    const node = await stat(path);
    return `${node.dev}:${node.ino}:${node.rdev}`;
  } catch {
    return null;
  }
}
