// Place the ID card: an animation of a card settling onto the reader, and the last read's problem if any.

import type { SessionView } from '../../session/session-view';
import { Bi } from '../components/Bi';
import { CancelButton } from '../components/CancelButton';
import { Icon } from '../components/Icon';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';

export function PlaceCardScreen({ view }: { view: SessionView }) {
  return (
    <ScreenFrame title={strings.placeCardTitle} subtitle={strings.placeCardHint} left={<CancelButton show={view.canCancel} />}>
      {view.cardProblem && (
        <div class="notice notice-warning" role="alert" data-card-problem="true">
          <Icon name="alert" />
          <Bi text={view.cardProblem} />
        </div>
      )}
      <div class="card-animation" aria-hidden="true">
        <div class="reader">
          <span class="reader-label">
            <Icon name="card" />
          </span>
        </div>
        <div class="id-card">
          <span class="id-card-photo" />
          <span class="id-card-line" />
          <span class="id-card-line id-card-line-short" />
        </div>
      </div>
    </ScreenFrame>
  );
}
