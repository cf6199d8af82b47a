// Place the ID card: an animation of a card settling onto the reader, and the last read's problem if any.

import type { SessionView } from '../../session/session-view';
import { ActionButton } from '../components/ActionButton';
import { Bi } from '../components/Bi';
import { CancelButton } from '../components/CancelButton';
import { Icon } from '../components/Icon';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';
import { useUi } from '../ui-context';

export function PlaceCardScreen({ view }: { view: SessionView }) {
  const { send } = useUi();
  return (
    <ScreenFrame
      title={strings.placeCardTitle}
      subtitle={strings.placeCardHint}
      left={<CancelButton show={view.canCancel} />}
      right={
        // No card with them: the government app's code, after the same consent.
        <ActionButton
          action="use-app-code"
          kind="secondary"
          label={strings.useAppCode}
          icon={<Icon name="qr" />}
          onPress={() => send({ type: 'USE_APP_CODE' })}
        />
      }
    >
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
