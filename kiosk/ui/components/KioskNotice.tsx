// The one notice at the top of home while a part the errands need is down: what is down, which errands
// wait for it, and what to do now (checking a paper, which still works here; the app; the other kiosks and
// windows nearby).

import type { Bilingual, KioskNoticeView } from '../../session/session-view';
import { strings } from '../strings';
import { useUi } from '../ui-context';
import { ActionButton } from './ActionButton';
import { Bi } from './Bi';
import { Icon } from './Icon';
import { ServicePointList } from './ServicePointList';

export function KioskNotice({ notice }: { notice: KioskNoticeView }) {
  const { send, servicePoints } = useUi();
  const waiting: Bilingual = {
    zh: `${strings.kioskNoticeErrands.zh}${notice.errands.map((e) => e.name.zh).join('、')}`,
    en: `${strings.kioskNoticeErrands.en} ${notice.errands.map((e) => e.name.en).join('; ')}`,
  };
  return (
    <section class="kiosk-notice" role="status" data-kiosk-notice={notice.errands.length}>
      <div class="kiosk-notice-what">
        <h2 class="kiosk-notice-title">
          <Icon name="alert" />
          <Bi text={strings.kioskNoticeTitle} />
        </h2>
        <ul class="kiosk-notice-problems">
          {notice.problems.map((problem) => (
            <li key={problem.zh} data-kiosk-problem>
              <Bi text={problem} />
            </li>
          ))}
        </ul>
        <p class="kiosk-notice-errands">
          <Bi text={waiting} />
        </p>
        <h3 class="kiosk-notice-now">
          <Bi text={strings.whatNow} />
        </h3>
        <ul class="next-steps">
          <li data-next-step="check-paper">
            <Bi text={strings.kioskNoticeCheckPaper} />
            {/* Here too, not only as a tile below: what still works is one tap away without scrolling. */}
            <ActionButton
              action="check-paper"
              class="btn-compact"
              label={strings.checkPaperTile}
              icon={<Icon name="qr" />}
              onPress={() => send({ type: 'CHECK_PAPER' })}
            />
          </li>
          <li data-next-step="app">
            <Bi text={strings.oosAppStep} />
          </li>
          {servicePoints.length === 0 && (
            <li data-next-step="staff">
              <Bi text={strings.oosNoPoints} />
            </li>
          )}
        </ul>
      </div>
      {servicePoints.length > 0 && <ServicePointList heading={strings.otherPlaces} points={servicePoints} />}
    </section>
  );
}
