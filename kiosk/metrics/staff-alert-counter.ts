// Every staff alert is a `staff.alert` log event, wherever it is raised (the session's screens that say "staff
// have been told", the runtime, the agent): counting them where they are logged misses none.

import type { Logger } from '../logger';
import type { KioskMetrics } from './kiosk-metrics';

export function countingStaffAlerts(logger: Logger, metrics: Pick<KioskMetrics, 'staffAlerted'>): Logger {
  return {
    event(name, disposition, fields) {
      if (name === 'staff.alert') metrics.staffAlerted(String(fields?.reason ?? 'unspecified'));
      logger.event(name, disposition, fields);
    },
  };
}
