// "Are you sure?" before an action that changes what citizens get (pause or resume service, restart):
// a modal with the question, 取消 on the left and 确认 on the right, as on every screen.

import type { Bilingual } from '../../session/session-view';
import { strings } from '../strings';
import { ActionButton } from './ActionButton';
import { Bi } from './Bi';

export function ConfirmDialog(props: { question: Bilingual; action: string; onConfirm: () => void; onCancel: () => void }) {
  return (
    <div class="overlay" role="alertdialog" aria-modal="true" data-confirm={props.action}>
      <div class="dialog">
        <h1>
          <Bi text={props.question} />
        </h1>
        <div class="dialog-actions">
          <ActionButton action="confirm:cancel" label={strings.cancel} onPress={props.onCancel} />
          <ActionButton action="confirm:ok" kind="primary" label={strings.confirm} onPress={props.onConfirm} />
        </div>
      </div>
    </div>
  );
}
