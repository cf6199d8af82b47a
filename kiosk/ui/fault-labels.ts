// Whose doing a failure is, as the failure screen's badge shows it and its spoken prompt says it (once:
// the failure texts themselves no longer repeat it).

import type { Bilingual, FailureView } from '../session/session-view';
import { strings } from './strings';

export const faultLabels: Record<FailureView['fault'], Bilingual> = {
  citizen: strings.faultCitizen,
  kiosk: strings.faultKiosk,
  service: strings.faultService,
  source: strings.faultSource,
};
