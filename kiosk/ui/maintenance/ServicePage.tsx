// 服务: paper refilled per printer (with its counters), take the kiosk out of service and back, restart the
// agent (only where it can restart itself). Pausing, resuming and restarting ask first.

import { useState } from 'preact/hooks';
import type { Bilingual } from '../../session/session-view';
import type { MaintenanceEvent } from '../../maintenance/maintenance-events';
import type { ActionOutcome, PaperLine } from '../../maintenance/maintenance-view';
import { ActionButton } from '../components/ActionButton';
import { Bi } from '../components/Bi';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Icon } from '../components/Icon';
import { dateTime } from '../shanghai-time';
import { strings } from '../strings';
import { useUi } from '../ui-context';
import { ActionOutcomePanel } from './ActionOutcomePanel';
import { Fact } from './Fact';
import type { OpenMaintenanceView } from '../../maintenance/maintenance-view';
import { deviceLabel } from './maintenance-labels';
import { StatusBadge } from './StatusBadge';

type Confirmable = 'pause' | 'resume' | 'restart';

const CONFIRM: Record<Confirmable, { question: Bilingual; event: MaintenanceEvent }> = {
  pause: { question: strings.confirmPause, event: { type: 'SET_SERVICE', outOfService: true } },
  resume: { question: strings.confirmResume, event: { type: 'SET_SERVICE', outOfService: false } },
  restart: { question: strings.confirmRestart, event: { type: 'RESTART' } },
};

const SERVICE_OUTCOMES: ReadonlyArray<ActionOutcome['kind']> = ['paperRefilled', 'service', 'refused'];

export function ServicePage({ view }: { view: OpenMaintenanceView }) {
  const { sendMaintenance } = useUi();
  const [confirming, setConfirming] = useState<Confirmable | null>(null);
  const busy = view.running !== null;
  const { data } = view;
  return (
    <>
      {busy && view.running !== null && !isTest(view.running) && (
        <p class="maint-running" aria-live="polite" data-running={view.running}>
          <span class="spinner" aria-hidden="true" />
          <Bi text={strings.running} />
        </p>
      )}
      <div class="maint-tiles">
        {data.paper.map((line) => (
          <PaperTile key={line.printer} line={line} busy={busy} />
        ))}
      </div>
      <section class="info-block maint-service" data-out-of-service={String(data.outOfService)}>
        <h2>
          <Bi text={strings.serviceState} />
        </h2>
        <StatusBadge status={data.outOfService ? 'bad' : 'good'} label={data.outOfService ? strings.serviceOut : strings.serviceIn} />
        <div class="maint-row">
          <ActionButton
            action={data.outOfService ? 'maintenance:resume' : 'maintenance:pause'}
            class="btn-compact"
            icon={<Icon name={data.outOfService ? 'check' : 'pause'} />}
            label={data.outOfService ? strings.resumeService : strings.pauseService}
            disabled={busy}
            onPress={() => setConfirming(data.outOfService ? 'resume' : 'pause')}
          />
          {data.canRestart && (
            <ActionButton
              action="maintenance:restart"
              class="btn-compact"
              icon={<Icon name="repeat" />}
              label={strings.restart}
              disabled={busy}
              onPress={() => setConfirming('restart')}
            />
          )}
        </div>
        {data.canRestart && (
          <p class="note">
            <Bi text={strings.restartHint} />
          </p>
        )}
      </section>
      {view.last && SERVICE_OUTCOMES.includes(view.last.kind) && <ActionOutcomePanel outcome={view.last} busy={busy} />}
      {confirming && (
        <ConfirmDialog
          action={confirming}
          question={CONFIRM[confirming].question}
          onCancel={() => setConfirming(null)}
          onConfirm={() => {
            sendMaintenance(CONFIRM[confirming].event);
            setConfirming(null);
          }}
        />
      )}
    </>
  );
}

function isTest(running: NonNullable<OpenMaintenanceView['running']>): boolean {
  return running !== 'paperRefilled' && running !== 'service' && running !== 'restart';
}

function PaperTile({ line, busy }: { line: PaperLine; busy: boolean }) {
  const { sendMaintenance } = useUi();
  return (
    <section class="maint-tile" data-paper={line.printer}>
      <h2>
        <Bi text={deviceLabel[line.printer]} />
      </h2>
      <dl class="maint-facts">
        <Fact
          name={strings.refilledAt}
          value={line.refilledAt === null ? `${strings.neverRefilled.zh} / ${strings.neverRefilled.en}` : dateTime(line.refilledAt)}
        />
        <Fact
          name={line.printer === 'a4Printer' ? strings.usedSinceSheets : strings.usedSinceReceipts}
          value={line.usedSince}
          data={{ 'data-used-since': String(line.usedSince) }}
        />
      </dl>
      <ActionButton
        action={`maintenance:paper:${line.printer}`}
        class="btn-compact"
        label={strings.paperRefilled}
        disabled={busy}
        onPress={() => sendMaintenance({ type: 'PAPER_REFILLED', printer: line.printer })}
      />
    </section>
  );
}
