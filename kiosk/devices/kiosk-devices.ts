// The kiosk's devices as the agent sees them: one adapter per kind, whatever driver is behind it. Which driver
// is chosen by a composition root: real ones from the configuration (real-devices.ts), or in development the
// simulated twins where the configuration names them.

import { a4DeviceReport, type A4Printer } from '../../device-drivers/a4-printer/a4-printer';
import type { CodeScanner } from '../../device-drivers/code-scanner/code-scanner';
import type { IdReader } from '../../device-drivers/id-reader/id-reader';
import type { ReceiptPrinter } from '../../device-drivers/receipt-printer/receipt-printer';

export interface KioskDevices {
  idReader: IdReader;
  scanner: CodeScanner;
  a4Printer: A4Printer;
  receiptPrinter: ReceiptPrinter | null;
}

export async function openDevices(devices: KioskDevices): Promise<void> {
  await Promise.all([devices.idReader.open(), devices.scanner.open(), devices.a4Printer.open(), devices.receiptPrinter?.open()]);
}

export async function closeDevices(devices: KioskDevices): Promise<void> {
  await Promise.all([devices.idReader.close(), devices.scanner.close(), devices.a4Printer.close(), devices.receiptPrinter?.close()]);
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
