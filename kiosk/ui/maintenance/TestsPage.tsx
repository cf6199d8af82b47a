// 自检: one button per test. While one runs (the agent says which) every button waits; the running one says
// so in words. Below, how the last one ended.

import type { ActionOutcome } from '../../maintenance/maintenance-view';
import { Bi } from '../components/Bi';
import { strings } from '../strings';
import { useUi } from '../ui-context';
import { ActionOutcomePanel } from './ActionOutcomePanel';
import type { OpenMaintenanceView } from '../../maintenance/maintenance-view';
import { maintenanceTests, testLabel } from './maintenance-labels';

const TEST_OUTCOMES: ReadonlyArray<ActionOutcome['kind']> = ['records', 'cardRead', 'scanCode', 'refused'];

export function TestsPage({ view }: { view: OpenMaintenanceView }) {
  const { sendMaintenance } = useUi();
  const busy = view.running !== null;
  return (
    <>
      <div class="maint-test-grid">
        {maintenanceTests.map((test) => {
          const running = view.running === test;
          return (
            <button
              key={test}
              type="button"
              class={`maint-test${running ? ' maint-test-running' : ''}`}
              data-action={`test:${test}`}
              data-running={running ? 'true' : undefined}
              disabled={busy}
              onClick={() => sendMaintenance({ type: 'RUN_TEST', test })}
            >
              <Bi text={testLabel[test]} />
              {running && (
                <span class="maint-running" aria-live="polite">
                  <span class="spinner" aria-hidden="true" />
                  <Bi text={strings.running} />
                </span>
              )}
            </button>
          );
        })}
      </div>
      {view.last && TEST_OUTCOMES.includes(view.last.kind) && <ActionOutcomePanel outcome={view.last} busy={busy} />}
    </>
  );
}
