// The byte pipe under the ESC/POS driver: a serial port (serialport 13), or anything else with the same shape
// (the unit tests use an in-memory pipe). Opening and writing fail as values: ports vanish in the field.

import { SerialPort } from 'serialport';
import { fail, succeed, type DeviceResult } from '../device-result';
import { EventHub, type Unsubscribe } from '../event-hub';

export interface ByteTransport {
  readonly isOpen: boolean;
  open(): Promise<DeviceResult<void>>;
  close(): Promise<void>;
  /** Resolves once the bytes have left for the device (written and drained). */
  write(bytes: Uint8Array): Promise<DeviceResult<void>>;
  onData(listener: (chunk: Uint8Array) => void): Unsubscribe;
  /** The port went away without close(): unplugged, powered off, USB reset. */
  onLost(listener: () => void): Unsubscribe;
}

interface TransportEvents extends Record<string, unknown> {
  data: Uint8Array;
  lost: undefined;
}

export interface SerialTransportOptions {
  path: string;
  baudRate: number;
}

export class SerialTransport implements ByteTransport {
  private readonly hub = new EventHub<TransportEvents>();
  private port: SerialPort | null = null;

  constructor(private readonly options: SerialTransportOptions) {}

  get isOpen(): boolean {
    return this.port?.isOpen ?? false;
  }

  async open(): Promise<DeviceResult<void>> {
    if (this.isOpen) return succeed(undefined);
    // No DTR/RTS calls: many adapters (and every pty) refuse them, and an ESC/POS printer does not need them.
    const port = new SerialPort({ path: this.options.path, baudRate: this.options.baudRate, autoOpen: false });
    const opened = await new Promise<Error | null>((resolve) => port.open((error) => resolve(error ?? null)));
    if (opened) return fail('noDevice', 'portUnavailable', `cannot open ${this.options.path}: ${opened.message}`);
    port.on('data', (chunk: Buffer) => this.hub.emit('data', new Uint8Array(chunk)));
    // Errors also arrive as failed writes or a close; a listener keeps them from crashing the process.
    port.on('error', () => undefined);
    port.on('close', () => {
      if (this.port !== port) return;
      this.port = null;
      this.hub.emit('lost', undefined);
    });
    this.port = port;
    return succeed(undefined);
  }

  async close(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (!port?.isOpen) return;
    await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  async write(bytes: Uint8Array): Promise<DeviceResult<void>> {
    const port = this.port;
    if (!port?.isOpen) return fail('noDevice', 'portClosed', 'serial port is not open');
    let onClose = (): void => undefined;
    const lost = new Promise<Error>((resolve) => {
      onClose = () => resolve(new Error('port closed during write'));
      port.once('close', onClose);
    });
    const written = new Promise<Error | null>((resolve) => {
      port.write(Buffer.from(bytes), (error) => {
        if (error) return resolve(error);
        port.drain((drainError) => resolve(drainError ?? null));
      });
    });
    const error = await Promise.race([written, lost]);
    port.off('close', onClose);
    return error ? fail('noDevice', 'writeFailed', error.message) : succeed(undefined);
  }

  onData(listener: (chunk: Uint8Array) => void): Unsubscribe {
    return this.hub.on('data', listener);
  }

  onLost(listener: () => void): Unsubscribe {
    return this.hub.on('lost', listener);
  }
}
