// What will be fetched, from whom, for what: the citizen's informed 同意 before the gateway is asked.

import type { SessionView } from '../../session/session-view';
import { ActionButton } from '../components/ActionButton';
import { Bi } from '../components/Bi';
import { CancelButton } from '../components/CancelButton';
import { HolderBadge } from '../components/HolderBadge';
import { Icon } from '../components/Icon';
import { InfoList } from '../components/InfoList';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';
import { useUi } from '../ui-context';

export function ConsentScreen({ view }: { view: SessionView }) {
  const { send } = useUi();
  const errand = view.errand;
  return (
    <ScreenFrame
      title={strings.consentTitle}
      left={<CancelButton show={view.canCancel} />}
      right={
        <ActionButton
          action="consent"
          kind="primary"
          label={strings.agree}
          icon={<Icon name="check" />}
          onPress={() => send({ type: 'CONSENT' })}
        />
      }
    >
      <HolderBadge holder={view.holder} />
      {errand && (
        <div class="info-columns">
          <InfoList icon="print" heading={strings.consentWhat} items={errand.certificates} emphasis />
          <InfoList icon="info" heading={strings.consentFrom} items={errand.sources} />
          <InfoList icon="check" heading={strings.consentPurpose} items={[errand.purpose]} />
        </div>
      )}
      <p class="note">
        <Bi text={strings.consentNote} />
      </p>
    </ScreenFrame>
  );
}
