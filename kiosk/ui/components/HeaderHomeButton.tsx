// "回首页 / Home" in the header: a real button wherever the session can go home, asking first while an
// errand is under way (what was read is wiped); nothing button-like where it cannot.

import { useState } from 'preact/hooks';
import type { ScreenName, SessionView } from '../../session/session-view';
import { pick, strings } from '../strings';
import { useUi } from '../ui-context';
import { ConfirmDialog } from './ConfirmDialog';
import { Icon } from './Icon';

/** Screens of an errand still under way: leaving them drops the errand, so the citizen is asked. */
const MID_ERRAND: ReadonlySet<ScreenName> = new Set(['requirements', 'placeCard', 'consent', 'fetching', 'preview', 'printing']);

/** The paper check is no errand: nothing to lose, and HOME leaves it at any time. */
const PAPER_CHECK: ReadonlySet<ScreenName> = new Set(['checkScan', 'checkResult']);

export function HeaderHomeButton({ view }: { view: Pick<SessionView, 'screen' | 'canCancel'> }) {
  const { language, send } = useUi();
  const [asking, setAsking] = useState(false);
  // canCancel: in a session and no print job with the printer (the machine ignores HOME then).
  if (!view.canCancel && !PAPER_CHECK.has(view.screen)) return null;
  const goHome = () => send({ type: 'HOME' });
  return (
    <>
      <button
        type="button"
        class="pref header-home"
        data-action="header-home"
        onClick={() => (MID_ERRAND.has(view.screen) ? setAsking(true) : goHome())}
      >
        <Icon name="home" />
        <span class="pref-label">{pick(strings.headerHome, language)}</span>
      </button>
      {asking && (
        <ConfirmDialog
          question={strings.confirmLeaveErrand}
          action="header-home"
          onConfirm={() => {
            setAsking(false);
            goHome();
          }}
          onCancel={() => setAsking(false)}
        />
      )}
    </>
  );
}
