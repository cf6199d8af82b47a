// Tells the agent the citizen is still there: one TOUCH per pointerdown, at most one every 2 s,
// so the agent's idle timers restart without a flood of events from a restless finger.

import type { UiEvent } from '../session/ui-events';

export function createTouchReporter(
  send: (event: UiEvent) => void,
  minIntervalMs = 2_000,
  now: () => number = () => Date.now(),
): () => void {
  let last = -Infinity;
  return () => {
    const t = now();
    if (t - last < minIntervalMs) return;
    last = t;
    send({ type: 'TOUCH' });
  };
}
