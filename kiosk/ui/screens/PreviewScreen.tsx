// The papers exactly as they will print, for the citizen to check before 打印: the print job's own PDF, drawn.
// A printer that cannot print now is said here, before 打印 is tapped, with the next step.

import type { SessionView } from '../../session/session-view';
import { ActionButton } from '../components/ActionButton';
import { Bi } from '../components/Bi';
import { CancelButton } from '../components/CancelButton';
import { Icon } from '../components/Icon';
import { PdfPages } from '../components/PdfPages';
import { PrinterWarningNotice } from '../components/PrinterWarningNotice';
import { ScreenFrame } from '../components/ScreenFrame';
import { paperCount, strings } from '../strings';
import { useUi } from '../ui-context';

export function PreviewScreen({ view }: { view: SessionView }) {
  const { send } = useUi();
  const preview = view.preview;
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
      {view.printerWarning && <PrinterWarningNotice warning={view.printerWarning} />}
      {preview && preview.papers.length > 1 && (
        <p class="paper-count" data-paper-count={preview.papers.length}>
          <Bi text={paperCount(preview.papers.length)} />
          <span class="paper-titles">{preview.papers.map((paper) => paper.title).join('、')}</span>
        </p>
      )}
      {preview && preview.pages > 1 && (
        <p class="pdf-pages-note">
          <Bi text={strings.previewScroll} />
        </p>
      )}
      {preview ? (
        <PdfPages pdfBase64={preview.pdfBase64} enlarged={view.prefs.elderly || view.prefs.largeText} />
      ) : (
        <p class="notice notice-warning" role="alert" data-preview-failed="true">
          <Icon name="alert" />
          <Bi text={strings.previewFailed} />
        </p>
      )}
    </ScreenFrame>
  );
}
