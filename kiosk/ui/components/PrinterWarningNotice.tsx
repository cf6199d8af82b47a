// The printer cannot print now: said on the preview before 打印 is tapped, with what the citizen can do and
// where else to go (the kiosk's service points).

import type { PrinterWarningView } from '../../session/session-view';
import { strings } from '../strings';
import { useUi } from '../ui-context';
import { Bi } from './Bi';
import { Icon } from './Icon';
import { NextStepList } from './NextStepList';
import { ServicePointList } from './ServicePointList';

export function PrinterWarningNotice({ warning }: { warning: PrinterWarningView }) {
  const { servicePoints } = useUi();
  return (
    <section class="printer-warning" role="alert" data-printer-warning={warning.problem}>
      <div class="notice notice-warning">
        <Icon name="alert" />
        <span class="printer-warning-text">
          <Bi text={warning.title} />
          <Bi text={warning.detail} />
        </span>
      </div>
      <NextStepList steps={warning.nextSteps} />
      {servicePoints.length > 0 && <ServicePointList heading={strings.otherPlaces} points={servicePoints} />}
    </section>
  );
}
