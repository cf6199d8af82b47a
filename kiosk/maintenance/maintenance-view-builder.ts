// What staff see, from the maintenance machine's snapshot: null while nobody is in maintenance mode.

import type { SnapshotFrom } from 'xstate';
import type { MaintenanceMachine } from './maintenance-machine';
import type { MaintenanceView } from './maintenance-view';

export type MaintenanceSnapshot = SnapshotFrom<MaintenanceMachine>;

export function buildMaintenanceView(snapshot: MaintenanceSnapshot): MaintenanceView | null {
  const { context } = snapshot;
  if (snapshot.matches('refused') && context.refusal) {
    return { stage: 'codeRefused', reason: context.refusal.reason, lockedUntil: context.refusal.lockedUntil?.toISOString() ?? null };
  }
  if (snapshot.matches('pin') && context.staffId !== null) {
    return {
      stage: 'pin',
      staffId: context.staffId,
      attemptsLeft: context.attemptsLeft,
      wrongPin: context.wrongPin,
      checking: !snapshot.matches({ pin: 'waiting' }),
    };
  }
  if (snapshot.matches('open') && context.staffId !== null && context.data && context.endsAt) {
    return {
      stage: 'open',
      staffId: context.staffId,
      endsAt: context.endsAt.toISOString(),
      idleWarning: context.idleWarning,
      data: { ...context.data, outOfService: context.outOfService },
      running: context.running,
      last: context.last,
    };
  }
  return null;
}
