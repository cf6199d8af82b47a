// The errand menu: large tiles in the agent's order (most used first). While a part the errands need is
// down, one notice at the top names it, the errands that wait and the next steps, and only what still works
// is drawn as a tile; an errand unavailable for a reason of its own stays visible, greyed, with the reason.

import type { ErrandTile, SessionView } from '../../session/session-view';
import { AttractOverlay } from '../components/AttractOverlay';
import { Bi } from '../components/Bi';
import { Icon } from '../components/Icon';
import { KioskNotice } from '../components/KioskNotice';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';
import { useUi } from '../ui-context';
import { useIdle } from '../use-idle';

const ATTRACT_AFTER_MS = 60_000;

export function HomeScreen({ view }: { view: SessionView }) {
  const [idle, wake] = useIdle(ATTRACT_AFTER_MS);
  const notice = view.kioskNotice;
  const waiting = new Set(notice?.errands.map((e) => e.id));
  return (
    <ScreenFrame title={strings.homeTitle} subtitle={strings.homeHint} class="screen-home">
      {notice && <KioskNotice notice={notice} />}
      {notice && (
        <h2 class="home-still-here">
          <Bi text={strings.homeStillHere} />
        </h2>
      )}
      <div class="tiles">
        {view.errands
          .filter((errand) => !waiting.has(errand.id))
          .map((errand) => (
            <ErrandTileButton key={errand.id} errand={errand} />
          ))}
        <CheckPaperTile />
      </div>
      {idle && <AttractOverlay onWake={wake} />}
    </ScreenFrame>
  );
}

/** 核验证明 needs neither the gateway nor the printer (the check is offline): always offered. */
function CheckPaperTile() {
  const { send } = useUi();
  return (
    <button type="button" class="tile tile-check" data-action="check-paper" onClick={() => send({ type: 'CHECK_PAPER' })}>
      <span class="tile-name">
        <Icon name="qr" />
        <Bi text={strings.checkPaperTile} />
      </span>
      <span class="tile-summary">
        <Bi text={strings.checkPaperSummary} both={false} />
      </span>
    </button>
  );
}

function ErrandTileButton({ errand }: { errand: ErrandTile }) {
  const { send } = useUi();
  if (!errand.available) {
    return (
      <button type="button" class="tile tile-unavailable" data-action={`errand:${errand.id}`} disabled aria-disabled="true">
        <span class="tile-name">
          <Bi text={errand.name} />
        </span>
        <span class="tile-status">
          <Icon name="alert" />
          <Bi text={errand.unavailableReason ?? strings.unavailable} both={false} />
        </span>
      </button>
    );
  }
  return (
    <button
      type="button"
      class="tile"
      data-action={`errand:${errand.id}`}
      onClick={() => send({ type: 'SELECT_ERRAND', errandId: errand.id })}
    >
      <span class="tile-name">
        <Bi text={errand.name} />
      </span>
      <span class="tile-summary">
        <Bi text={errand.summary} both={false} />
      </span>
    </button>
  );
}
