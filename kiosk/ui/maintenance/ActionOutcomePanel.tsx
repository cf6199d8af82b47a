// How the last test or action ended. A card read shows only the masked name and ID number the agent sent;
// a scanned code shows its length and symbology, and its text only after 显示 / Reveal (REVEAL_SCAN).

import type { ActionOutcome } from '../../maintenance/maintenance-view';
import { assertNever } from '../assert-never';
import { ActionButton } from '../components/ActionButton';
import { Bi } from '../components/Bi';
import { strings } from '../strings';
import { useUi } from '../ui-context';
import { Fact } from './Fact';
import { deviceLabel, outcomeLabel, testLabel } from './maintenance-labels';
import { RecordList } from './RecordList';
import { StatusBadge } from './StatusBadge';

export function ActionOutcomePanel({ outcome, busy }: { outcome: ActionOutcome; busy: boolean }) {
  return (
    <section class="info-block info-block-emphasis maint-outcome" data-outcome-kind={outcome.kind}>
      <h2>
        <Bi text={strings.lastOutcome} />
      </h2>
      <OutcomeBody outcome={outcome} busy={busy} />
    </section>
  );
}

function OutcomeBody({ outcome, busy }: { outcome: ActionOutcome; busy: boolean }) {
  const { sendMaintenance } = useUi();
  switch (outcome.kind) {
    case 'records':
      return (
        <>
          <p class="maint-outcome-title">
            <Bi text={testLabel[outcome.test]} />
          </p>
          <RecordList records={outcome.records} />
        </>
      );
    case 'cardRead':
      return (
        <>
          <Passed outcome={outcome.outcome} />
          <dl class="maint-facts" data-masked-card="true">
            {outcome.maskedName !== null && <Fact name={strings.cardName} value={outcome.maskedName} />}
            {outcome.maskedIdNumber !== null && <Fact name={strings.cardIdNumber} value={outcome.maskedIdNumber} />}
            {outcome.problem !== null && <Fact name={strings.problem} value={outcome.problem} />}
          </dl>
        </>
      );
    case 'scanCode':
      return (
        <>
          <Passed outcome={outcome.outcome} />
          <dl class="maint-facts" data-scanned-code="true">
            {outcome.length !== null && <Fact name={strings.codeLength} value={outcome.length} />}
            {outcome.symbology !== null && <Fact name={strings.codeSymbology} value={outcome.symbology} />}
            {outcome.revealed !== null && <Fact name={strings.codeText} value={outcome.revealed} data={{ 'data-revealed': 'true' }} />}
            {outcome.problem !== null && <Fact name={strings.problem} value={outcome.problem} />}
          </dl>
          {outcome.revealed === null && outcome.length !== null && (
            <ActionButton
              action="maintenance:reveal"
              class="btn-compact"
              label={strings.reveal}
              disabled={busy}
              onPress={() => sendMaintenance({ type: 'REVEAL_SCAN' })}
            />
          )}
        </>
      );
    case 'paperRefilled':
      return (
        <p class="maint-outcome-title">
          <StatusBadge status="good" label={strings.paperRefilledDone} /> <Bi text={deviceLabel[outcome.printer]} />
        </p>
      );
    case 'service':
      return (
        <p class="maint-outcome-title">
          <StatusBadge
            status={outcome.outOfService ? 'bad' : 'good'}
            label={outcome.outOfService ? strings.serviceNowOut : strings.serviceNowIn}
          />
        </p>
      );
    case 'refused':
      return (
        <p class="notice notice-warning" data-refused-action={outcome.action}>
          <span class="bi">
            <Bi text={strings.refusedAction} />
            <Bi text={outcome.reason} />
          </span>
        </p>
      );
    default:
      return assertNever(outcome);
  }
}

function Passed({ outcome }: { outcome: 'passed' | 'failed' }) {
  return <StatusBadge status={outcome === 'passed' ? 'good' : 'bad'} label={outcomeLabel[outcome]} />;
}
