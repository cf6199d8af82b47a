// Paper is still in the printer's tray: said on every screen where the citizen may be walking away.

import { Bi } from './Bi';
import { Icon } from './Icon';
import { strings } from '../strings';

export function PaperWaitingNotice({ waiting }: { waiting: boolean }) {
  if (!waiting) return null;
  return (
    <div class="notice notice-warning notice-pulse" role="alert" data-paper-waiting="true">
      <Icon name="alert" />
      <Bi text={strings.paperWaiting} />
    </div>
  );
}
