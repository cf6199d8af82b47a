// The way out of maintenance mode, on the keypad and on every staff page: LEAVE, back to service.

import type { Bilingual } from '../../session/session-view';
import { ActionButton } from '../components/ActionButton';
import { Icon } from '../components/Icon';
import { useUi } from '../ui-context';

export function LeaveButton({ label }: { label: Bilingual }) {
  const { sendMaintenance } = useUi();
  return (
    <ActionButton action="maintenance:leave" label={label} icon={<Icon name="back" />} onPress={() => sendMaintenance({ type: 'LEAVE' })} />
  );
}
