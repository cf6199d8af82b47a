// What the HID scanner driver needs from a HID stack: find devices by vendor/product id, open one, receive its
// input reports, hear when it goes away. node-hid provides it on a kiosk; unit tests provide a fake.

import type { Result } from '../result';

export interface HidDeviceInfo {
  /** The OS path to open (a /dev/hidrawN node on Linux). */
  path: string;
  vendorId: number;
  productId: number;
  usagePage?: number;
  interfaceNumber?: number;
}

export interface HidConnection {
  /** Input reports, report id first (as hidraw delivers them). */
  onReport(listener: (report: Uint8Array) => void): void;
  /** The device stopped answering (unplugged, read error). Called at most once. */
  onLost(listener: (reason: string) => void): void;
  close(): Promise<void>;
}

/** The connection, or the system's reason it cannot be opened (for staff). */
export type HidOpenResult = Result<HidConnection, string>;

export interface HidTransport {
  list(vendorId: number, productId: number): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidOpenResult>;
}
