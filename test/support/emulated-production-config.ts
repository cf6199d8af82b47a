// A production kiosk's configuration pointed at the test rig: emulated serial devices, an IPP printer on
// loopback, and the gateway simulator as a remote gateway over mutual TLS. A production configuration refuses the
// simulator's test trust list, so it names a copy of the same issuers signed as a production list.

import { simulatorClientConfig } from '../../scripts/gateway-simulator/client-config';
import type { RunningGatewaySimulator } from '../../scripts/gateway-simulator/simulator';
import { productionCopyOfTrustList } from './trust-list-fixture';

export interface EmulatedKioskParts {
  gateway: RunningGatewaySimulator;
  /** Where the production copy of the simulator's trust list is written. */
  trustListCopy: string;
  readerPath: string;
  scannerPath: string;
  a4Url: string;
  receiptPath: string;
}

export async function emulatedProductionConfig(parts: EmulatedKioskParts, extra: Record<string, unknown> = {}) {
  const { kioskId, ...remote } = simulatorClientConfig(parts.gateway);
  return {
    kioskId,
    production: true,
    ...extra,
    devices: {
      idReader: { driver: 'serial', path: parts.readerPath, baudRate: 115200 },
      scanner: { driver: 'serial', path: parts.scannerPath, baudRate: 9600, terminator: 'CR' },
      a4Printer: { driver: 'ipp', url: parts.a4Url },
      receiptPrinter: { driver: 'escpos-serial', path: parts.receiptPath, baudRate: 19200 },
    },
    gateway: { mode: 'remote', ...remote, trustListFile: await productionCopyOfTrustList(parts.gateway.files, parts.trustListCopy) },
  };
}
