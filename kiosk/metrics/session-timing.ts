// Session and screen durations, and the failures shown, derived from the views the session runtime publishes:
// a session starts when the view leaves the home screen (an errand was chosen) and ends with `sessionEnded`.

import type { ScreenName, SessionView } from '../session/session-view';
import type { KioskMetrics, SessionOutcomeLabel } from './kiosk-metrics';

export function createSessionTiming(metrics: KioskMetrics, now: () => number = () => performance.now()) {
  let screen: ScreenName | null = null;
  let screenSince = 0;
  let sessionSince: number | null = null;
  let failureCode: string | null = null;

  return {
    viewShown(view: SessionView): void {
      const at = now();
      if (view.screen !== screen) {
        if (screen !== null && screen !== 'home') metrics.screenLeft(screen, at - screenSince);
        if (screen === 'home') sessionSince = at;
        screen = view.screen;
        screenSince = at;
      }
      const code = view.failure?.code ?? null;
      if (code !== null && code !== failureCode) metrics.failureShown(code);
      failureCode = code;
    },
    sessionEnded(ended: { errandId: string | null; outcome: SessionOutcomeLabel }): void {
      metrics.sessionEnded(ended.errandId, ended.outcome, sessionSince === null ? null : now() - sessionSince);
      sessionSince = null;
    },
  };
}
