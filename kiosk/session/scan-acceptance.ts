// Which scanned codes each screen accepts. The scanner is on exactly while the current screen accepts some kind;
// every other scan is ignored. A new screen must say what it accepts (the record is exhaustive over screens).

import type { ScreenName } from './session-view';

/**
 * The kinds of code the kiosk knows by their shape: an operator's maintenance code, the government app's
 * one-time identity code (亮证码, `ZLB1:` — sharing-gateway-v1.1), and a paper's KQ1 seal (`KQ1:` or the phone
 * URL form `…#KQ1:` — seal-kq1.md).
 */
export type ScanKind = 'maintenance' | 'appCode' | 'seal';

const none: readonly ScanKind[] = [];
/** Staff may enter maintenance mode only where no citizen's session runs. */
const maintenanceOnly: readonly ScanKind[] = ['maintenance'];

export const scanKindsAccepted: Readonly<Record<ScreenName, readonly ScanKind[]>> = {
  home: maintenanceOnly,
  requirements: none,
  placeCard: none,
  consent: none,
  appCode: ['appCode'],
  confirmIdentity: none,
  fetching: none,
  partial: none,
  preview: none,
  printing: none,
  takeItems: none,
  rating: none,
  thanks: none,
  failed: none,
  takeCard: none,
  staff: none,
  outOfService: maintenanceOnly,
  checkScan: ['seal'],
  checkResult: none,
};
