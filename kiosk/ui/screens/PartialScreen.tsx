// 一件事 with a part refused: which certificates were issued, which not and why, where to get the missing
// one; the citizen prints those issued or stops. Nothing prints without this choice.

import type { Bilingual, SessionView } from '../../session/session-view';
import { ActionButton } from '../components/ActionButton';
import { Icon } from '../components/Icon';
import { Bi } from '../components/Bi';
import { MissingCertificates } from '../components/MissingCertificates';
import { ScreenFrame } from '../components/ScreenFrame';
import { ServicePointList } from '../components/ServicePointList';
import { strings } from '../strings';
import { useUi } from '../ui-context';

export function printIssuedLabel(count: number): Bilingual {
  return { zh: `打印已出具的 ${count} 份`, en: count === 1 ? 'Print the 1 issued' : `Print the ${count} issued` };
}

export function PartialScreen({ view }: { view: SessionView }) {
  const { send, servicePoints } = useUi();
  const issued = view.partial?.issued ?? [];
  return (
    <ScreenFrame
      title={strings.partialTitle}
      subtitle={strings.partialHint}
      class="screen-partial"
      left={
        <ActionButton
          action="stop"
          kind="secondary"
          label={strings.partialStop}
          icon={<Icon name="home" />}
          onPress={() => send({ type: 'CANCEL' })}
        />
      }
      right={
        <ActionButton
          action="print-issued"
          kind="primary"
          label={printIssuedLabel(issued.length)}
          icon={<Icon name="print" />}
          onPress={() => send({ type: 'PRINT_ISSUED' })}
        />
      }
    >
      <section class="info-block" data-issued>
        <h2>
          <Icon name="check" />
          <Bi text={strings.partialIssued} />
        </h2>
        <ul>
          {issued.map((name) => (
            <li key={name.zh}>
              <Bi text={name} />
            </li>
          ))}
        </ul>
      </section>
      <MissingCertificates missing={view.partial?.missing ?? []} />
      {servicePoints.length > 0 && <ServicePointList heading={strings.otherPlaces} points={servicePoints} />}
    </ScreenFrame>
  );
}
