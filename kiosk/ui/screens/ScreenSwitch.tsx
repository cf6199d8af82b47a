// One screen per ScreenName; the switch is exhaustive so a new screen in the contract fails to compile here.

import type { MaintenanceView } from '../../maintenance/maintenance-view';
import type { SessionView } from '../../session/session-view';
import { assertNever } from '../assert-never';
import { StaffScreen } from '../maintenance/StaffScreen';
import { AppCodeScreen } from './AppCodeScreen';
import { CheckResultScreen } from './CheckResultScreen';
import { ConfirmIdentityScreen } from './ConfirmIdentityScreen';
import { CheckScanScreen } from './CheckScanScreen';
import { ConsentScreen } from './ConsentScreen';
import { FailedScreen } from './FailedScreen';
import { FetchingScreen } from './FetchingScreen';
import { HomeScreen } from './HomeScreen';
import { OutOfServiceScreen } from './OutOfServiceScreen';
import { PartialScreen } from './PartialScreen';
import { PlaceCardScreen } from './PlaceCardScreen';
import { PreviewScreen } from './PreviewScreen';
import { PrintingScreen } from './PrintingScreen';
import { RatingScreen } from './RatingScreen';
import { RequirementsScreen } from './RequirementsScreen';
import { TakeCardScreen } from './TakeCardScreen';
import { TakeItemsScreen } from './TakeItemsScreen';
import { ThanksScreen } from './ThanksScreen';

export function ScreenSwitch({ view, maintenance }: { view: SessionView; maintenance: MaintenanceView | null }) {
  switch (view.screen) {
    case 'home':
      return <HomeScreen view={view} />;
    case 'requirements':
      return <RequirementsScreen view={view} />;
    case 'placeCard':
      return <PlaceCardScreen view={view} />;
    case 'consent':
      return <ConsentScreen view={view} />;
    case 'appCode':
      return <AppCodeScreen view={view} />;
    case 'confirmIdentity':
      return <ConfirmIdentityScreen view={view} />;
    case 'fetching':
      return <FetchingScreen view={view} />;
    case 'partial':
      return <PartialScreen view={view} />;
    case 'preview':
      return <PreviewScreen view={view} />;
    case 'printing':
      return <PrintingScreen view={view} />;
    case 'takeItems':
      return <TakeItemsScreen view={view} />;
    case 'rating':
      return <RatingScreen />;
    case 'thanks':
      return <ThanksScreen />;
    case 'failed':
      return <FailedScreen view={view} />;
    case 'takeCard':
      return <TakeCardScreen view={view} />;
    case 'staff':
      return <StaffScreen maintenance={maintenance} />;
    case 'outOfService':
      return <OutOfServiceScreen />;
    case 'checkScan':
      return <CheckScanScreen />;
    case 'checkResult':
      return <CheckResultScreen view={view} />;
    default:
      return assertNever(view.screen);
  }
}
