// Where the printer says a job is, in the words the printing screen uses: the one place the two meet.

import type { PrintJobStage } from '../../device-drivers/a4-printer/a4-printer';
import { assertNever } from '../../device-drivers/device-status';
import type { PrintStage } from './session-view';

export function printStageFor(job: PrintJobStage): PrintStage {
  switch (job.stage) {
    case 'sent':
    case 'printing':
    case 'done':
      return job.stage;
    case 'stalled':
      // Paper and jams are named on screen; anything else (paused, cover, toner) is for staff to fix.
      return job.reason === 'paperOut' ? 'waitingForPaper' : job.reason === 'jam' ? 'jammed' : 'stopped';
    default:
      return assertNever(job);
  }
}
