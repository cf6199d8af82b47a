// Waiting for the gateway: movement so the citizen knows the kiosk is working, and a way out.

import type { SessionView } from '../../session/session-view';
import { Bi } from '../components/Bi';
import { CancelButton } from '../components/CancelButton';
import { HolderBadge } from '../components/HolderBadge';
import { ProgressBar } from '../components/ProgressBar';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';

export function FetchingScreen({ view }: { view: SessionView }) {
  return (
    <ScreenFrame title={strings.fetchingTitle} subtitle={strings.fetchingHint} left={<CancelButton show={view.canCancel} />}>
      <HolderBadge holder={view.holder} />
      <ProgressBar label={strings.fetchingTitle} />
      {view.errand && (
        <ul class="source-list">
          {view.errand.sources.map((source) => (
            <li key={source.zh}>
              <span class="dots" aria-hidden="true" />
              <Bi text={source} both={false} />
            </li>
          ))}
        </ul>
      )}
    </ScreenFrame>
  );
}
