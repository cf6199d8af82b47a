// End of a session that read a card: the reader cannot tell if the card is still there, so always remind.

import type { SessionView } from '../../session/session-view';
import { Bi } from '../components/Bi';
import { Icon } from '../components/Icon';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';

export function TakeCardScreen({ view }: { view: SessionView }) {
  return (
    <ScreenFrame title={strings.takeCardTitle} subtitle={strings.takeCardHint} class="screen-take">
      <div class="take-illustration" aria-hidden="true">
        <span class="take-item take-item-lift">
          <Icon name="card" />
        </span>
      </div>
      {view.paperWaiting && (
        <div class="notice notice-warning notice-pulse" role="alert" data-paper-waiting="true">
          <Icon name="alert" />
          <Bi text={strings.paperWaiting} />
        </div>
      )}
    </ScreenFrame>
  );
}
