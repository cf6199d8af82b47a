// The real drivers, chosen from the configuration. The production agent builds its devices only from here: a
// simulated device in its configuration is a configuration error, not a fallback.

import type { A4Printer } from '../../device-drivers/a4-printer/a4-printer';
import { createIppA4Printer } from '../../device-drivers/a4-printer/ipp-a4-printer';
import type { CodeScanner } from '../../device-drivers/code-scanner/code-scanner';
import { createHidCodeScanner } from '../../device-drivers/code-scanner/hid-code-scanner';
import { createSerialCodeScanner } from '../../device-drivers/code-scanner/serial-code-scanner';
import type { IdReader } from '../../device-drivers/id-reader/id-reader';
import { createSerialIdReader } from '../../device-drivers/id-reader/serial-id-reader';
import { createEscPosReceiptPrinter } from '../../device-drivers/receipt-printer/escpos-receipt-printer';
import type { ReceiptPrinter } from '../../device-drivers/receipt-printer/receipt-printer';
import { ConfigError, type KioskConfig } from '../config/kiosk-config';
import type { KioskDevices } from './kiosk-devices';

type DeviceConfigs = KioskConfig['devices'];
type Real<T> = Exclude<T, { driver: 'simulated' } | null | undefined>;

export function createRealIdReader(config: Real<DeviceConfigs['idReader']>): IdReader {
  return createSerialIdReader({ path: config.path, baudRate: config.baudRate });
}

export function createRealScanner(config: Real<DeviceConfigs['scanner']>): CodeScanner {
  switch (config.driver) {
    case 'hid':
      return createHidCodeScanner({
        vendorId: parseInt(config.vendorId, 16),
        productId: parseInt(config.productId, 16),
        encoding: config.encoding,
      });
    case 'serial':
      return createSerialCodeScanner({
        path: config.path,
        baudRate: config.baudRate,
        terminator: config.terminator,
        encoding: config.encoding,
      });
  }
}

export function createRealA4Printer(config: Real<DeviceConfigs['a4Printer']>): A4Printer {
  return createIppA4Printer({ url: config.url });
}

export function createRealReceiptPrinter(config: Real<DeviceConfigs['receiptPrinter']>): ReceiptPrinter {
  return createEscPosReceiptPrinter({ path: config.path, baudRate: config.baudRate });
}

function refuseSimulated(name: string): never {
  throw new ConfigError(`devices.${name}: simulated devices run only in development (npm start), not in the production agent`);
}

/** Every device from its real driver; a simulated one stops the start with the key that names it. */
export function createRealDevices(config: KioskConfig): KioskDevices {
  const { devices } = config;
  const receipt = devices.receiptPrinter;
  return {
    idReader: devices.idReader.driver === 'simulated' ? refuseSimulated('idReader') : createRealIdReader(devices.idReader),
    scanner: devices.scanner.driver === 'simulated' ? refuseSimulated('scanner') : createRealScanner(devices.scanner),
    a4Printer: devices.a4Printer.driver === 'simulated' ? refuseSimulated('a4Printer') : createRealA4Printer(devices.a4Printer),
    receiptPrinter: !receipt
      ? null
      : receipt.driver === 'simulated'
        ? refuseSimulated('receiptPrinter')
        : createRealReceiptPrinter(receipt),
  };
}
