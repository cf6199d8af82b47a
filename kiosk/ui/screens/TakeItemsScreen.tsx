// The paper is out: take it and the ID card. Desktop readers cannot sense a card, so this is always said.

import type { SessionView } from '../../session/session-view';
import { Bi } from '../components/Bi';
import { Icon } from '../components/Icon';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';

export function TakeItemsScreen({ view }: { view: SessionView }) {
  return (
    <ScreenFrame title={strings.takeItemsTitle} subtitle={strings.takeItemsHint} class="screen-take">
      <div class="take-illustration" aria-hidden="true">
        <span class="take-item">
          <Icon name="print" />
        </span>
        <span class="take-item">
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
