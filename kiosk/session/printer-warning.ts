// What the preview says when the printer cannot print now: before 打印 is tapped, not after (the citizen can
// still check the papers, wait for staff, or go elsewhere). The titles are the failure screen's.

import type { PrinterReadiness } from '../../device-drivers/a4-printer/a4-printer';
import { failureDefinitions, OTHER_KIOSK, printerReadinessFailure, WINDOW } from './failures';
import type { PrinterWarningView } from './session-view';

export function printerWarningView(readiness: PrinterReadiness): PrinterWarningView | null {
  if (readiness === 'ready') return null;
  return {
    problem: readiness,
    title: failureDefinitions[printerReadinessFailure(readiness)].title,
    detail: {
      zh: '现在点“打印”将无法打印。您仍可先核对证明内容。',
      en: 'Tapping Print will not print now. You can still check your papers.',
    },
    nextSteps: [
      { zh: '请联系大厅工作人员处理打印机，处理好后再点“打印”', en: 'Ask hall staff to see to the printer, then tap Print' },
      OTHER_KIOSK,
      WINDOW,
    ],
  };
}
