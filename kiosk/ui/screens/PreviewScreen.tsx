// The documents exactly as they will print, for the citizen to check before 打印.

import type { SessionView } from '../../session/session-view';
import { ActionButton } from '../components/ActionButton';
import { CancelButton } from '../components/CancelButton';
import { DocumentSheet } from '../components/DocumentSheet';
import { Icon } from '../components/Icon';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';
import { useUi } from '../ui-context';

export function PreviewScreen({ view }: { view: SessionView }) {
  const { send } = useUi();
  const documents = view.documents ?? [];
  return (
    <ScreenFrame
      title={strings.previewTitle}
      subtitle={strings.previewHint}
      left={
        <>
          {/* A partial 一件事: back to its choice (print those issued, or stop). */}
          {view.partial && (
            <ActionButton action="back" label={strings.partialBack} icon={<Icon name="back" />} onPress={() => send({ type: 'BACK' })} />
          )}
          <CancelButton show={view.canCancel} />
        </>
      }
      right={
        <ActionButton
          action="print"
          kind="primary"
          label={strings.print}
          icon={<Icon name="print" />}
          onPress={() => send({ type: 'PRINT' })}
        />
      }
    >
      <div class={`sheets sheets-${Math.min(documents.length, 3)}`}>
        {documents.map((doc) => (
          <DocumentSheet key={doc.certId} doc={doc} />
        ))}
      </div>
    </ScreenFrame>
  );
}
