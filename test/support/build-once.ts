// Vitest's global setup: the touch UI and the compiled agent are built once per test run, before any test file
// starts, so no test can find dist/ half rebuilt by another running beside it.

import { buildKiosk } from './build-kiosk';

export function setup(): void {
  buildKiosk();
}
