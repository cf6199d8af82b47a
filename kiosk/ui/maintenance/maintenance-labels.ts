// The staff screens' words for the contract's closed sets (devices, tests, outcomes, pages).

import type { MaintenanceDevice, MaintenanceTest, RecordLine } from '../../maintenance/maintenance-view';
import type { Bilingual } from '../../session/session-view';
import { strings } from '../strings';

export const deviceLabel: Record<MaintenanceDevice, Bilingual> = {
  idReader: strings.deviceIdReader,
  scanner: strings.deviceScanner,
  a4Printer: strings.deviceA4Printer,
  receiptPrinter: strings.deviceReceiptPrinter,
};

/** In the order of the self-test page. */
export const testLabel: Record<MaintenanceTest, Bilingual> = {
  all: strings.testAll,
  cardRead: strings.testCardRead,
  scanCode: strings.testScanCode,
  a4TestPage: strings.testA4Page,
  testReceipt: strings.testReceipt,
  gateway: strings.testGateway,
};
export const maintenanceTests = Object.keys(testLabel) as MaintenanceTest[];

/** A stored record's test name, which may be a device-level test the page has no button for. */
export function recordTestLabel(test: string): Bilingual {
  return test in testLabel ? testLabel[test as MaintenanceTest] : { zh: test, en: test };
}

export const outcomeLabel: Record<RecordLine['outcome'], Bilingual> = {
  passed: strings.passed,
  failed: strings.failed,
  skipped: strings.skipped,
};

export type MaintenancePage = 'devices' | 'tests' | 'records' | 'errors' | 'ratings' | 'service';

export const pageLabel: Record<MaintenancePage, Bilingual> = {
  devices: strings.pageDevices,
  tests: strings.pageTests,
  records: strings.pageRecords,
  errors: strings.pageErrors,
  ratings: strings.pageRatings,
  service: strings.pageService,
};
export const maintenancePages = Object.keys(pageLabel) as MaintenancePage[];
