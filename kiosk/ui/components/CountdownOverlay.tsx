// "您还在吗？": shown by the agent after a quiet spell. One large Continue; at zero the agent ends the session.

import type { CountdownView } from '../../session/session-view';
import { strings } from '../strings';
import { useUi } from '../ui-context';
import { ActionButton } from './ActionButton';
import { Bi } from './Bi';
import { Icon } from './Icon';

export function CountdownOverlay({ countdown }: { countdown: CountdownView }) {
  const { send, language } = useUi();
  return (
    <div class="overlay" role="alertdialog" aria-modal="true" data-countdown={countdown.secondsLeft}>
      <div class="dialog">
        <h1>
          <Bi text={strings.countdownTitle} />
        </h1>
        <p class="countdown-seconds" aria-live="polite">
          <Icon name="clock" />
          <span class="countdown-number">{countdown.secondsLeft}</span>
          <span>{strings.countdownSeconds[language]}</span>
        </p>
        {countdown.canExtend ? (
          <ActionButton
            action="continue"
            kind="primary"
            class="btn-huge"
            label={strings.continue}
            onPress={() => send({ type: 'CONTINUE' })}
          />
        ) : (
          <p class="notice notice-warning" data-session-ending="true">
            <Icon name="alert" />
            <Bi text={strings.countdownEnding} />
          </p>
        )}
      </div>
    </div>
  );
}
