// "返回首页 / Back to home": the way out, offered until a print job reaches the printer.

import { strings } from '../strings';
import { useUi } from '../ui-context';
import { ActionButton } from './ActionButton';
import { Icon } from './Icon';

export function CancelButton({ show = true }: { show?: boolean }) {
  const { send } = useUi();
  if (!show) return null;
  return (
    <ActionButton
      action="cancel"
      label={strings.backHome}
      kind="secondary"
      icon={<Icon name="back" />}
      onPress={() => send({ type: 'CANCEL' })}
    />
  );
}
