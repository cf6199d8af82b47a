// When the touch UI has been silent too long. The agent reports the UI's last heartbeat; the browser is only
// blamed for silence it could have broken: not before it had its grace period after its own start, nor while the
// agent was down or had just started again (the UI needs a moment to reconnect).

export interface UiHealth {
  /** ms since the agent last heard a heartbeat; null when it has heard none since it started. */
  lastHeartbeatMsAgo: number | null;
  /** how long the agent has been up, in seconds. */
  uptimeSeconds: number;
}

export interface SilenceRules {
  staleMs: number;
  graceMs: number;
}

/**
 * How long, in ms, the UI has been silent for which the browser answers, at `now`: measured from the latest of its
 * last heartbeat and the ends of the grace periods after the browser's start, the agent's start and the agent's
 * last outage.
 */
export function blamableSilenceMs(
  now: number,
  health: UiHealth,
  since: { browserStartedAt: number; agentBackAt: number | null },
  rules: SilenceRules,
): number {
  const lastHeartbeatAt = health.lastHeartbeatMsAgo === null ? -Infinity : now - health.lastHeartbeatMsAgo;
  const agentStartedAt = now - health.uptimeSeconds * 1000;
  const silentFrom = Math.max(
    lastHeartbeatAt,
    since.browserStartedAt + rules.graceMs,
    agentStartedAt + rules.graceMs,
    since.agentBackAt === null ? -Infinity : since.agentBackAt + rules.graceMs,
  );
  return now - silentFrom;
}

/** Whether the browser should be restarted for its silence. */
export function uiIsStale(silenceMs: number, rules: SilenceRules): boolean {
  return silenceMs > rules.staleMs;
}
