// A thin byte pipe over `serialport`, injected into drivers so they can be tested on other pipes. Expected
// failures (absent port, unplug) are values and events, never exceptions.

import { stat } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { EventHub, type DeviceEvents } from '../event-hub';

export type TransportResult = { ok: true } | { ok: false; reason: string };

export interface ByteTransportEvents extends Record<string, unknown> {
  data: Uint8Array;
  /** The port went away (unplugged, or closed by us). */
  closed: { unplugged: boolean };
}

export interface ByteTransport {
  readonly events: DeviceEvents<ByteTransportEvents>;
  readonly isOpen: boolean;
  open(): Promise<TransportResult>;
  write(bytes: Uint8Array): Promise<TransportResult>;
  close(): Promise<void>;
}

export interface SerialTransportConfig {
  path: string;
  baudRate: number;
}

/** The part of a `serialport` port this transport uses: a real SerialPort, or SerialPortMock in unit tests. */
export interface SerialPortLike {
  readonly isOpen: boolean;
  open(callback: (error: Error | null) => void): void;
  set(options: { dtr?: boolean; rts?: boolean }, callback: (error: Error | null) => void): void;
  write(data: Uint8Array, callback: (error: Error | null | undefined) => void): boolean;
  close(callback: (error?: Error | null) => void): void;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'close', listener: (error: unknown) => void): unknown;
}

export type SerialPortFactory = (options: { path: string; baudRate: number; autoOpen: false }) => SerialPortLike;

const realSerialPort: SerialPortFactory = (options) => new SerialPort(options);

export interface SerialTransportOptions {
  createPort?: SerialPortFactory;
  /** How often to check that the device node is still the one we opened; 0 turns the watch off. */
  watchIntervalMs?: number;
}

export class SerialTransport implements ByteTransport {
  private readonly hub = new EventHub<ByteTransportEvents>();
  readonly events = this.hub;
  private port: SerialPortLike | null = null;
  private watch: NodeJS.Timeout | undefined;
  private readonly createPort: SerialPortFactory;
  private readonly watchIntervalMs: number;

  constructor(
    private readonly config: SerialTransportConfig,
    options: SerialTransportOptions = {},
  ) {
    this.createPort = options.createPort ?? realSerialPort;
    this.watchIntervalMs = options.watchIntervalMs ?? 250;
  }

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<TransportResult> {
    if (this.port) return { ok: true };
    const identity = await nodeIdentity(this.config.path);
    const port = this.createPort({ path: this.config.path, baudRate: this.config.baudRate, autoOpen: false });
    return new Promise((resolve) => {
      port.open((error) => {
        if (error) {
          resolve({ ok: false, reason: error.message });
          return;
        }
        this.port = port;
        port.on('data', (chunk: Buffer) => this.hub.emit('data', new Uint8Array(chunk)));
        // Errors after open are followed by 'close' (serialport closes a disconnected port itself).
        port.on('error', () => {});
        port.on('close', (closeError: unknown) => {
          if (this.port !== port) return;
          this.dropPort();
          this.hub.emit('closed', { unplugged: closeError !== null && closeError !== undefined });
        });
        this.watchNode(port, identity);
        // Readers powered from the modem lines want them high; a pty or a bare USB bridge refuses the
        // ioctl ("Inappropriate ioctl for device"), which is harmless.
        port.set({ dtr: true, rts: true }, () => {});
        resolve({ ok: true });
      });
    });
  }

  write(bytes: Uint8Array): Promise<TransportResult> {
    const port = this.port;
    // serialport queues writes on a closed port until it opens again: refuse instead of hanging.
    if (!port?.isOpen) return Promise.resolve({ ok: false, reason: 'port not open' });
    return new Promise((resolve) => {
      port.write(bytes, (error) => resolve(error ? { ok: false, reason: error.message } : { ok: true }));
    });
  }

  close(): Promise<void> {
    const port = this.port;
    this.dropPort();
    if (!port?.isOpen) return Promise.resolve();
    return new Promise((resolve) => {
      port.close(() => {
        this.hub.emit('closed', { unplugged: false });
        resolve();
      });
    });
  }

  /**
   * serialport 13 does not always notice a hang-up: when read() on the dead tty returns 0 it retries forever
   * (serialport/bindings-cpp#162) — a busy loop, and a reader that looks online. Seen with ptys and reported
   * with USB adapters. The node vanishing or changing identity is the unplug; closing the port ends the loop.
   */
  private watchNode(port: SerialPortLike, identity: string | null): void {
    if (this.watchIntervalMs <= 0 || identity === null) return;
    let checking = false;
    this.watch = setInterval(async () => {
      if (checking) return;
      checking = true;
      const now = await nodeIdentity(this.config.path);
      checking = false;
      if (now === identity || this.port !== port) return;
      this.dropPort();
      port.close(() => {});
      this.hub.emit('closed', { unplugged: true });
    }, this.watchIntervalMs);
    this.watch.unref();
  }

  private dropPort(): void {
    this.port = null;
    clearInterval(this.watch);
    this.watch = undefined;
  }
}

/** Which device node a path names now (following links), or null when it names none. */
async function nodeIdentity(path: string): Promise<string | null> {
  try {
    const node = await stat(path);
    return `${node.dev}:${node.ino}:${node.rdev}`;
  } catch {
    return null;
  }
}
