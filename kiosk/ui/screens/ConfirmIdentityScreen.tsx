// 是您本人吗？: the kiosk learnt from the app code's answer whom it names; the citizen says whether it is them.
// The name in full (a code held up by someone else must be caught here), the number masked.

import type { SessionView } from '../../session/session-view';
import { ActionButton } from '../components/ActionButton';
import { Bi } from '../components/Bi';
import { Icon } from '../components/Icon';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';
import { useUi } from '../ui-context';

export function ConfirmIdentityScreen({ view }: { view: SessionView }) {
  const { send } = useUi();
  const named = view.namedHolder;
  return (
    <ScreenFrame
      title={strings.confirmIdentityTitle}
      subtitle={strings.confirmIdentityHint}
      class="screen-confirm-identity"
      left={<ActionButton action="not-me" kind="secondary" label={strings.notMe} onPress={() => send({ type: 'NOT_ME' })} />}
      right={
        <ActionButton
          action="is-me"
          kind="primary"
          label={strings.isMe}
          icon={<Icon name="check" />}
          onPress={() => send({ type: 'IS_ME' })}
        />
      }
    >
      {named && (
        <dl class="named-holder" data-named-holder="true">
          <div>
            <dt>
              <Bi text={strings.confirmIdentityName} />
            </dt>
            <dd class="named-holder-name">{named.name}</dd>
          </div>
          <div>
            <dt>
              <Bi text={strings.confirmIdentityIdNumber} />
            </dt>
            <dd class="named-holder-id">{named.maskedIdNumber}</dd>
          </div>
        </dl>
      )}
    </ScreenFrame>
  );
}
