// Development devices: the simulated twin where the configuration says `simulated`, the real driver elsewhere.
// The twins stay reachable for the dev panel's knobs.

import { join } from 'node:path';
import { SimulatedA4Printer } from '../../device-drivers/a4-printer/simulated-a4-printer';
import { SimulatedCodeScanner } from '../../device-drivers/code-scanner/simulated-code-scanner';
import { SimulatedIdReader } from '../../device-drivers/id-reader/simulated-id-reader';
import { SimulatedReceiptPrinter } from '../../device-drivers/receipt-printer/simulated-receipt-printer';
import type { KioskConfig } from '../config/kiosk-config';
import type { KioskDevices } from '../devices/kiosk-devices';
import { createRealA4Printer, createRealIdReader, createRealReceiptPrinter, createRealScanner } from '../devices/real-devices';

export interface SimulatedDevices {
  idReader?: SimulatedIdReader;
  scanner?: SimulatedCodeScanner;
  a4Printer?: SimulatedA4Printer;
  receiptPrinter?: SimulatedReceiptPrinter;
}

/** Where the simulated A4 printer keeps job PDFs in development (emptied at every start). */
export function simulatedSpoolDir(config: KioskConfig): string {
  return join(config.dataDir, 'sim-a4-spool');
}

export function createDevelopmentDevices(config: KioskConfig): { devices: KioskDevices; simulated: SimulatedDevices } {
  const simulated: SimulatedDevices = {};
  const { devices } = config;
  const receipt = devices.receiptPrinter;
  return {
    simulated,
    devices: {
      idReader:
        devices.idReader.driver === 'simulated' ? (simulated.idReader = new SimulatedIdReader()) : createRealIdReader(devices.idReader),
      scanner:
        devices.scanner.driver === 'simulated' ? (simulated.scanner = new SimulatedCodeScanner()) : createRealScanner(devices.scanner),
      a4Printer:
        devices.a4Printer.driver === 'simulated'
          ? (simulated.a4Printer = new SimulatedA4Printer({ spoolDir: config.production ? null : simulatedSpoolDir(config) }))
          : createRealA4Printer(devices.a4Printer),
      receiptPrinter: !receipt
        ? null
        : receipt.driver === 'simulated'
          ? (simulated.receiptPrinter = new SimulatedReceiptPrinter())
          : createRealReceiptPrinter(receipt),
    },
  };
}
