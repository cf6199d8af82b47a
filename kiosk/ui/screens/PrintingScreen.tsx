// The print job's progress. Once the printer has the job there is no Cancel: the screen says what is
// happening and, if paper ran out or jammed, that staff are coming and the job will finish.

import type { Bilingual, PrintStage, SessionView } from '../../session/session-view';
import { Bi } from '../components/Bi';
import { CancelButton } from '../components/CancelButton';
import { Icon } from '../components/Icon';
import { ProgressBar } from '../components/ProgressBar';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';

const STEPS: Array<{ stage: PrintStage; label: Bilingual }> = [
  { stage: 'preparing', label: strings.stagePreparing },
  { stage: 'sent', label: strings.stageSent },
  { stage: 'printing', label: strings.stagePrinting },
  { stage: 'done', label: strings.stageDone },
];

/** Where a stage sits on the step bar; a stalled printer is still "printing". */
function stepIndex(stage: PrintStage | null): number {
  switch (stage) {
    case null:
    case 'preparing':
      return 0;
    case 'sent':
      return 1;
    case 'printing':
    case 'waitingForPaper':
    case 'jammed':
    case 'stopped':
      return 2;
    case 'done':
      return 3;
  }
}

/** What to say while the printer holds the job but cannot go on; null while it prints. */
function stalledNotice(stage: PrintStage | null): Bilingual | null {
  if (stage === 'waitingForPaper') return strings.stageWaitingForPaper;
  if (stage === 'jammed') return strings.stageJammed;
  if (stage === 'stopped') return strings.stageStopped;
  return null;
}

export function PrintingScreen({ view }: { view: SessionView }) {
  const current = stepIndex(view.printStage);
  const stalledText = stalledNotice(view.printStage);
  return (
    <ScreenFrame title={strings.printingTitle} left={view.canCancel ? <CancelButton /> : undefined}>
      <ol class="steps" data-print-stage={view.printStage ?? 'preparing'}>
        {STEPS.map((step, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li key={step.stage} class={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span class="step-mark" aria-hidden="true">
                {state === 'done' ? <Icon name="check" /> : i + 1}
              </span>
              <Bi text={step.label} />
            </li>
          );
        })}
      </ol>
      {stalledText ? (
        <div class="notice notice-warning" role="alert" data-stalled={view.printStage ?? ''}>
          <Icon name="alert" />
          <Bi text={stalledText} />
        </div>
      ) : (
        <ProgressBar label={strings.printingTitle} />
      )}
      <p class="note">
        <Bi text={strings.printingNoPaper} />
      </p>
    </ScreenFrame>
  );
}
