// The HID transport on node-hid 3 (hidapi, hidraw backend on Linux), with its asynchronous API so that reads run on
// node-hid's own thread and never block the agent.

import { HIDAsync, devicesAsync } from 'node-hid';
import { err, ok } from '../result';
import type { HidConnection, HidDeviceInfo, HidOpenResult, HidTransport } from './hid-transport';

export function createNodeHidTransport(): HidTransport {
  return {
    async list(vendorId, productId) {
      const devices = await devicesAsync(vendorId, productId);
      const found: HidDeviceInfo[] = [];
      for (const device of devices) {
        if (!device.path) continue;
        const info: HidDeviceInfo = { path: device.path, vendorId: device.vendorId, productId: device.productId };
        if (device.usagePage !== undefined) info.usagePage = device.usagePage;
        info.interfaceNumber = device.interface;
        found.push(info);
      }
      return found;
    },

    async open(path): Promise<HidOpenResult> {
      let device: HIDAsync;
      try {
        device = await HIDAsync.open(path);
      } catch (error) {
        // Usually EACCES without the udev rule, or the node vanished between listing and opening.
        return err(error instanceof Error ? error.message : String(error));
      }
      return ok(wrap(device));
    },
  };
}

function wrap(device: HIDAsync): HidConnection {
  let lost: ((reason: string) => void) | undefined;
  let closed = false;
  let gone = false;
  const goneWith = (reason: string) => {
    if (gone || closed) return;
    gone = true;
    lost?.(reason);
  };
  // node-hid reports a read failure (the hidraw node went away) as an 'error' event and stops reading.
  device.on('error', (error: unknown) => goneWith(error instanceof Error ? error.message : String(error)));
  return {
    onReport(listener) {
      device.on('data', (data: Buffer) => listener(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)));
    },
    onLost(listener) {
      lost = listener;
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await device.close();
      } catch {
        // Closing a handle whose device is already gone fails; there is nothing left to release.
      }
    },
  };
}
