// The paper is out: take it and the ID card. Desktop readers cannot sense a card, so this is always said.

import type { SessionView } from '../../session/session-view';
import { Icon } from '../components/Icon';
import { MissingCertificates } from '../components/MissingCertificates';
import { PaperWaitingNotice } from '../components/PaperWaitingNotice';
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
      <PaperWaitingNotice waiting={view.paperWaiting} />
      {view.partial && <MissingCertificates missing={view.partial.missing} />}
    </ScreenFrame>
  );
}
