// Staff took the kiosk out of service: a designed page, not a dead end. It names the nearby service points
// (the configuration's) and the government app as next steps. It offers no buttons: the session accepts
// nothing here, only a maintenance code from the scanner.

import { Bi } from '../components/Bi';
import { Icon } from '../components/Icon';
import { ScreenFrame } from '../components/ScreenFrame';
import { ServicePointList } from '../components/ServicePointList';
import { strings } from '../strings';
import { useUi } from '../ui-context';

export function OutOfServiceScreen() {
  const { servicePoints } = useUi();
  return (
    <ScreenFrame title={strings.oosTitle} class="screen-out-of-service">
      <p class="fault-badge fault-badge-kiosk">
        <Icon name="pause" />
        <Bi text={strings.outOfService} />
      </p>
      <p class="lead">
        <Bi text={strings.oosDetail} />
      </p>
      <div class="info-columns">
        {servicePoints.length > 0 ? (
          <ServicePointList heading={strings.oosNearby} points={servicePoints} />
        ) : (
          <section class="info-block service-points" data-service-points="0">
            <h2>
              <Icon name="info" />
              <Bi text={strings.oosNearby} />
            </h2>
            <p class="note">
              <Bi text={strings.oosNoPoints} />
            </p>
          </section>
        )}
        <section class="info-block info-block-emphasis" data-next-step="app">
          <h2>
            <Icon name="globe" />
            <Bi text={strings.oosApp} />
          </h2>
          <p class="note">
            <Bi text={strings.oosAppStep} />
          </p>
        </section>
      </div>
    </ScreenFrame>
  );
}
