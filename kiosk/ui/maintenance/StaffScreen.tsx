// The `staff` screen: what maintenance mode's view says staff see. Until that view arrives (or while it is
// only a refusal meant for the home screen) a plain "entering" page with a way out.

import type { MaintenanceView } from '../../maintenance/maintenance-view';
import { assertNever } from '../assert-never';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';
import { LeaveButton } from './LeaveButton';
import { MaintenanceScreen } from './MaintenanceScreen';
import { PinScreen } from './PinScreen';

export function StaffScreen({ maintenance }: { maintenance: MaintenanceView | null }) {
  if (!maintenance) return <StaffWaiting />;
  switch (maintenance.stage) {
    case 'codeRefused':
      return <StaffWaiting />;
    case 'pin':
      // Keyed by staff id: digits typed for one code never carry over to the next.
      return <PinScreen key={maintenance.staffId} view={maintenance} />;
    case 'open':
      return <MaintenanceScreen key={maintenance.staffId} view={maintenance} />;
    default:
      return assertNever(maintenance);
  }
}

function StaffWaiting() {
  return (
    <ScreenFrame
      title={strings.staffWaiting}
      class="screen-staff-waiting"
      data={{ 'data-maintenance': 'waiting' }}
      left={<LeaveButton label={strings.leave} />}
    >
      <p class="lead">
        <span class="dots" aria-hidden="true" /> {strings.staffAtWork.zh} · {strings.staffAtWork.en}
      </p>
    </ScreenFrame>
  );
}
