// 一次告知: everything the errand needs, said once, before anything starts. A single Start.

import type { SessionView } from '../../session/session-view';
import { ActionButton } from '../components/ActionButton';
import { CancelButton } from '../components/CancelButton';
import { InfoList } from '../components/InfoList';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';
import { useUi } from '../ui-context';

export function RequirementsScreen({ view }: { view: SessionView }) {
  const { send } = useUi();
  const errand = view.errand;
  return (
    <ScreenFrame
      title={errand?.name ?? strings.youNeed}
      subtitle={errand?.summary}
      left={<CancelButton />}
      right={<ActionButton action="start" kind="primary" label={strings.start} onPress={() => send({ type: 'START' })} />}
    >
      {errand && (
        <div class="info-columns">
          <InfoList icon="card" heading={strings.youNeed} items={errand.bring} emphasis />
          <InfoList icon="print" heading={strings.youWillGet} items={errand.certificates} />
          <InfoList icon="info" heading={strings.fetchedFrom} items={errand.sources} />
        </div>
      )}
    </ScreenFrame>
  );
}
