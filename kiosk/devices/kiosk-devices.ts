// Chooses each device's driver from the configuration — never by `if (test)` — and keeps the simulated twins
// reachable for the dev panel.

import { join } from 'node:path';
import { a4DeviceReport, type A4Printer } from '../../device-drivers/a4-printer/a4-printer';
import { createIppA4Printer } from '../../device-drivers/a4-printer/ipp-a4-printer';
import { SimulatedA4Printer } from '../../device-drivers/a4-printer/simulated-a4-printer';
import type { CodeScanner } from '../../device-drivers/code-scanner/code-scanner';
import { createHidCodeScanner } from '../../device-drivers/code-scanner/hid-code-scanner';
import { createSerialCodeScanner } from '../../device-drivers/code-scanner/serial-code-scanner';
import { SimulatedCodeScanner } from '../../device-drivers/code-scanner/simulated-code-scanner';
import type { IdReader } from '../../device-drivers/id-reader/id-reader';
import { createSerialIdReader } from '../../device-drivers/id-reader/serial-id-reader';
import { SimulatedIdReader } from '../../device-drivers/id-reader/simulated-id-reader';
import type { ReceiptPrinter } from '../../device-drivers/receipt-printer/receipt-printer';
import { createEscPosReceiptPrinter } from '../../device-drivers/receipt-printer/escpos-receipt-printer';
import { SimulatedReceiptPrinter } from '../../device-drivers/receipt-printer/simulated-receipt-printer';
import type { KioskConfig } from '../config/kiosk-config';

export interface KioskDevices {
  idReader: IdReader;
  scanner: CodeScanner;
  a4Printer: A4Printer;
  receiptPrinter: ReceiptPrinter | null;
  /** The simulated ones, for the dev panel's knobs; empty on a kiosk with real hardware. */
  simulated: {
    idReader?: SimulatedIdReader;
    scanner?: SimulatedCodeScanner;
    a4Printer?: SimulatedA4Printer;
    receiptPrinter?: SimulatedReceiptPrinter;
  };
}

/** Where the simulated A4 printer keeps job PDFs in development (emptied at every start). */
export function simulatedSpoolDir(config: KioskConfig): string {
  return join(config.dataDir, 'sim-a4-spool');
}

export function createKioskDevices(config: KioskConfig): KioskDevices {
  const simulated: KioskDevices['simulated'] = {};
  const { devices } = config;

  const idReader =
    devices.idReader.driver === 'simulated'
      ? (simulated.idReader = new SimulatedIdReader())
      : createSerialIdReader({ path: devices.idReader.path, baudRate: devices.idReader.baudRate });

  const scannerConfig = devices.scanner;
  let scanner: CodeScanner;
  switch (scannerConfig.driver) {
    case 'simulated':
      scanner = simulated.scanner = new SimulatedCodeScanner();
      break;
    case 'hid':
      scanner = createHidCodeScanner({
        vendorId: parseInt(scannerConfig.vendorId, 16),
        productId: parseInt(scannerConfig.productId, 16),
        encoding: scannerConfig.encoding,
      });
      break;
    case 'serial':
      scanner = createSerialCodeScanner({
        path: scannerConfig.path,
        baudRate: scannerConfig.baudRate,
        terminator: scannerConfig.terminator,
        encoding: scannerConfig.encoding,
      });
      break;
  }

  const a4Printer =
    devices.a4Printer.driver === 'simulated'
      ? (simulated.a4Printer = new SimulatedA4Printer({ spoolDir: config.production ? null : simulatedSpoolDir(config) }))
      : createIppA4Printer({ url: devices.a4Printer.url });

  let receiptPrinter: ReceiptPrinter | null = null;
  if (devices.receiptPrinter?.driver === 'simulated') receiptPrinter = simulated.receiptPrinter = new SimulatedReceiptPrinter();
  else if (devices.receiptPrinter) receiptPrinter = createEscPosReceiptPrinter({ path: devices.receiptPrinter.path, baudRate: devices.receiptPrinter.baudRate });

  return { idReader, scanner, a4Printer, receiptPrinter, simulated };
}

/** Every device's status in the common vocabulary of shared/reference/devices.md (health, /api/devices). */
export function devicesStatus(devices: KioskDevices) {
  return {
    idReader: devices.idReader.status(),
    scanner: devices.scanner.status(),
    a4Printer: a4DeviceReport(devices.a4Printer.status()),
    receiptPrinter: devices.receiptPrinter?.status() ?? null,
  };
}
