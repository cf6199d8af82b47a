// A byte transport in memory, for driver unit tests: what the driver writes goes to `onWrite`, what the
// device says is `deliver`ed, and unplug()/plug() stand for the cable. Real ports are tested on a pty pair.

import { EventHub } from '../../device-drivers/event-hub';
import type { ByteTransport, ByteTransportEvents, TransportResult } from '../../device-drivers/id-reader/serial-transport';

export class MemoryByteTransport implements ByteTransport {
  private readonly hub = new EventHub<ByteTransportEvents>();
  readonly events = this.hub;
  private plugged = true;
  private opened = false;
  opens = 0;

  constructor(private readonly onWrite: (bytes: Uint8Array) => void) {}

  get isOpen(): boolean {
    return this.opened;
  }

  async open(): Promise<TransportResult> {
    if (!this.plugged) return { ok: false, reason: 'no such device' };
    this.opened = true;
    this.opens++;
    return { ok: true };
  }

  async write(bytes: Uint8Array): Promise<TransportResult> {
    if (!this.opened) return { ok: false, reason: 'port not open' };
    queueMicrotask(() => this.onWrite(bytes));
    return { ok: true };
  }

  async close(): Promise<void> {
    if (!this.opened) return;
    this.opened = false;
    this.hub.emit('closed', { unplugged: false });
  }

  /** Bytes from the device. */
  deliver(bytes: Uint8Array): void {
    if (this.opened) this.hub.emit('data', bytes);
  }

  unplug(): void {
    this.plugged = false;
    if (!this.opened) return;
    this.opened = false;
    this.hub.emit('closed', { unplugged: true });
  }

  plug(): void {
    this.plugged = true;
  }
}
