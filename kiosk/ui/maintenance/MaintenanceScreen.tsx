// Maintenance mode, open: who and until when, the idle warning, the pages (UI-local: which page is shown is
// nobody else's business), and 离开维护 on every page. The agent's view is the only data; a running test
// or action disables the others.

import { useState } from 'preact/hooks';
import type { OpenMaintenanceView } from '../../maintenance/maintenance-view';
import { assertNever } from '../assert-never';
import { Bi } from '../components/Bi';
import { Icon } from '../components/Icon';
import { clockTime } from '../shanghai-time';
import { strings } from '../strings';
import { LeaveButton } from './LeaveButton';
import { DevicesPage } from './DevicesPage';
import { ErrorsPage } from './ErrorsPage';
import { IdleWarningBanner } from './IdleWarningBanner';
import { maintenancePages, pageLabel, type MaintenancePage } from './maintenance-labels';
import { RatingsPage } from './RatingsPage';
import { RecordsPage } from './RecordsPage';
import { ServicePage } from './ServicePage';
import { TestsPage } from './TestsPage';

export function MaintenanceScreen({ view }: { view: OpenMaintenanceView }) {
  const [page, setPage] = useState<MaintenancePage>('devices');
  return (
    <section class="screen screen-maintenance" data-maintenance="open" data-page={page}>
      <header class="screen-head maint-head">
        <h1>
          <Bi text={pageLabel[page]} />
        </h1>
        <p class="maint-meta">
          <span class="maint-meta-item">
            <Bi text={strings.staffId} both={false} /> <strong data-staff-id={view.staffId}>{view.staffId}</strong>
          </span>
          <span class="maint-meta-item" data-ends-at={view.endsAt}>
            <Icon name="clock" />
            {strings.endsAt.zh} / {strings.endsAt.en} <strong>{clockTime(view.endsAt)}</strong>
          </span>
        </p>
      </header>
      {view.idleWarning !== null && <IdleWarningBanner secondsLeft={view.idleWarning} />}
      <nav class="maint-tabs" aria-label={`${strings.maintenanceMode.zh} / ${strings.maintenanceMode.en}`}>
        {maintenancePages.map((p) => (
          <button
            key={p}
            type="button"
            class={`maint-tab${p === page ? ' maint-tab-on' : ''}`}
            data-action={`page:${p}`}
            aria-pressed={p === page}
            onClick={() => setPage(p)}
          >
            <Bi text={pageLabel[p]} />
          </button>
        ))}
      </nav>
      <div class="screen-body">
        <MaintenancePageBody page={page} view={view} />
      </div>
      <footer class="actions">
        <div class="actions-left">
          <LeaveButton label={strings.leaveMaintenance} />
        </div>
        <div class="actions-right" />
      </footer>
    </section>
  );
}

function MaintenancePageBody({ page, view }: { page: MaintenancePage; view: OpenMaintenanceView }) {
  switch (page) {
    case 'devices':
      return <DevicesPage data={view.data} />;
    case 'tests':
      return <TestsPage view={view} />;
    case 'records':
      return <RecordsPage records={view.data.records} />;
    case 'errors':
      return <ErrorsPage errors={view.data.errors} />;
    case 'ratings':
      return <RatingsPage ratings={view.data.ratings} />;
    case 'service':
      return <ServicePage view={view} />;
    default:
      return assertNever(page);
  }
}
