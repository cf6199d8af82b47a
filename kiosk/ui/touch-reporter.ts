// Tells the agent the citizen is still there: one TOUCH per pointerdown, at most one every 2 s,
// so the agent's idle timers restart without a flood of events from a restless finger.

export function createTouchReporter(
  // Both the session and maintenance mode take the same { type: 'TOUCH' }.
  send: (event: { type: 'TOUCH' }) => void,
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
