// What happened, whose doing it is, and what to do now: a failure is never a dead end.

import type { FailureView, SessionView } from '../../session/session-view';
import { ActionButton } from '../components/ActionButton';
import { Bi } from '../components/Bi';
import { CancelButton } from '../components/CancelButton';
import { Icon, type IconName } from '../components/Icon';
import { NextStepList } from '../components/NextStepList';
import { ScreenFrame } from '../components/ScreenFrame';
import { ServicePointList } from '../components/ServicePointList';
import { faultLabels } from '../fault-labels';
import { strings } from '../strings';
import { useUi } from '../ui-context';

const FAULT_ICON: Record<FailureView['fault'], IconName> = {
  citizen: 'info',
  kiosk: 'kiosk',
  service: 'alert',
  source: 'info',
};

const UNKNOWN: FailureView = {
  code: 'UNKNOWN',
  fault: 'kiosk',
  title: { zh: '办理未完成', en: 'The errand could not be completed' },
  detail: { zh: '本机出现问题。', en: 'The kiosk had a problem.' },
  nextSteps: [{ zh: '请前往服务窗口办理', en: 'Please go to a staffed window' }],
  canRetry: false,
  repeated: false,
};

export function FailedScreen({ view }: { view: SessionView }) {
  const { send, servicePoints } = useUi();
  const failure = view.failure ?? UNKNOWN;
  return (
    <ScreenFrame
      title={failure.title}
      class={`screen-failed fault-${failure.fault}`}
      data={{ 'data-failure': failure.code, 'data-repeated': String(failure.repeated) }}
      left={<CancelButton />}
      right={
        failure.canRetry ? (
          <ActionButton
            action="retry"
            kind="primary"
            label={strings.retry}
            icon={<Icon name="repeat" />}
            onPress={() => send({ type: 'RETRY' })}
          />
        ) : undefined
      }
    >
      <p class={`fault-badge fault-badge-${failure.fault}`} data-fault={failure.fault}>
        <Icon name={FAULT_ICON[failure.fault]} />
        <Bi text={faultLabels[failure.fault]} />
      </p>
      <p class="lead">
        <Bi text={failure.detail} />
      </p>
      <NextStepList steps={failure.nextSteps} />
      {servicePoints.length > 0 && <ServicePointList heading={strings.otherPlaces} points={servicePoints} />}
    </ScreenFrame>
  );
}
