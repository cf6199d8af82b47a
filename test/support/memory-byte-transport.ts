// A byte transport in memory, for driver unit tests: what the driver writes goes to `onWrite`, what the
// device says is `deliver`ed, and unplug()/plug() stand for the cable. Real ports are tested on a pty pair.

import { fail, type DeviceResult } from '../../device-drivers/device-result';
import { ok } from '../../device-drivers/result';
import { EventHub } from '../../device-drivers/event-hub';
import type { ByteTransport, ByteTransportEvents } from '../../device-drivers/serial-transport';

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

  async open(): Promise<DeviceResult<void>> {
    if (!this.plugged) return fail('noDevice', 'portMissing', 'no such device');
    this.opened = true;
    this.opens++;
    return ok(undefined);
  }

  async write(bytes: Uint8Array): Promise<DeviceResult<void>> {
    if (!this.opened) return fail('noDevice', 'portClosed', 'serial port is not open');
    queueMicrotask(() => this.onWrite(bytes));
    return ok(undefined);
  }

  async close(): Promise<void> {
    if (!this.opened) return;
    this.opened = false;
    this.hub.emit('closed', { unplugged: false, reason: 'closed' });
  }

  /** Bytes from the device. */
  deliver(bytes: Uint8Array): void {
    if (this.opened) this.hub.emit('data', bytes);
  }

  unplug(): void {
    this.plugged = false;
    if (!this.opened) return;
    this.opened = false;
    this.hub.emit('closed', { unplugged: true, reason: 'unplugged' });
  }

  plug(): void {
    this.plugged = true;
  }
}
