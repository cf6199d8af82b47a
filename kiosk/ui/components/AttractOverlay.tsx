// Plays over the home screen when nobody has touched it for a while; the first touch only clears it,
// so a passer-by's tap never selects an errand by accident.

import { strings } from '../strings';
import { Bi } from './Bi';
import { Icon } from './Icon';

export function AttractOverlay({ onWake }: { onWake: () => void }) {
  return (
    <div
      class="attract"
      data-attract="true"
      onPointerDown={(e) => {
        e.preventDefault();
        onWake();
      }}
      onClick={onWake}
    >
      <div class="attract-card">
        <div class="attract-icon" aria-hidden="true">
          <Icon name="card" />
        </div>
        <h1>
          <Bi text={strings.attractTitle} />
        </h1>
        <p class="attract-slogan">
          <Bi text={strings.oneVisit} />
        </p>
        <p class="attract-hint">
          <Bi text={strings.attractHint} />
        </p>
      </div>
    </div>
  );
}
