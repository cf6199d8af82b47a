// A state in a word and a shape (tick, warning, dash), so it reads in high contrast and without colour.

import type { Bilingual } from '../../session/session-view';
import { Bi } from '../components/Bi';
import { Icon } from '../components/Icon';

export type BadgeStatus = 'good' | 'bad' | 'neutral';

export function StatusBadge({ status, label }: { status: BadgeStatus; label: Bilingual }) {
  return (
    <span class={`maint-badge maint-badge-${status}`} data-status={status}>
      {status === 'good' ? <Icon name="check" /> : status === 'bad' ? <Icon name="alert" /> : <Icon name="pause" />}
      <Bi text={label} />
    </span>
  );
}
