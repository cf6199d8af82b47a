// How long a real scanner driver waits before looking for its device again: quickly at first (a cable re-seated),
// then every few seconds (a scanner left unplugged) so an unattended kiosk does not spin.

export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [100, 250, 500, 1000, 2000, 5000];

/** The delay before attempt `attempt` (0-based); the last delay repeats. */
export function retryDelay(attempt: number, delays: readonly number[] = DEFAULT_RETRY_DELAYS_MS): number {
  return delays[Math.min(attempt, delays.length - 1)] ?? 1000;
}
