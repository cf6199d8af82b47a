// End of a session that read a card: the reader cannot tell if the card is still there, so always remind.

import type { SessionView } from '../../session/session-view';
import { Icon } from '../components/Icon';
import { PaperWaitingNotice } from '../components/PaperWaitingNotice';
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
      <PaperWaitingNotice waiting={view.paperWaiting} />
    </ScreenFrame>
  );
}
