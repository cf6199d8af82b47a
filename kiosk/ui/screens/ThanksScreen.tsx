// Done. The agent returns home after 30 s; the button is for those who want to go now.

import { ActionButton } from '../components/ActionButton';
import { Bi } from '../components/Bi';
import { Icon } from '../components/Icon';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';
import { useUi } from '../ui-context';

export function ThanksScreen() {
  const { send } = useUi();
  return (
    <ScreenFrame
      title={strings.thanksTitle}
      class="screen-thanks"
      right={
        <ActionButton
          action="home"
          kind="primary"
          label={strings.home}
          icon={<Icon name="home" />}
          onPress={() => send({ type: 'HOME' })}
        />
      }
    >
      <div class="done-mark" aria-hidden="true">
        <Icon name="check" />
      </div>
      <p class="lead">
        <Bi text={strings.thanksHint} />
      </p>
    </ScreenFrame>
  );
}
