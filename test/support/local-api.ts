// The agent's local API as tests and benchmarks drive it: UI events, the simulated devices, the session view.

import type { SessionView } from '../../kiosk/session/session-view';
import type { UiEvent } from '../../kiosk/session/ui-events';

export function localApi(agentUrl: string) {
  async function post(path: string, body: unknown): Promise<void> {
    const response = await fetch(new URL(path, agentUrl), { method: 'POST', body: JSON.stringify(body) });
    if (response.status !== 200) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  }
  const view = async (): Promise<SessionView> => (await (await fetch(new URL('/api/session', agentUrl))).json()) as SessionView;

  async function waitForScreen(screen: SessionView['screen'], timeoutMs = 10_000): Promise<SessionView> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const current = await view();
      if (current.screen === screen) return current;
      if (Date.now() > deadline) throw new Error(`screen ${screen} never came; last ${current.screen}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  return {
    post,
    view,
    waitForScreen,
    event: (event: UiEvent) => post('/api/session/events', event),
    /** From the home screen: the errand chosen, the citizen's test card placed, consent given. */
    async consentTo(errandId: string, cardKey: string): Promise<void> {
      await post('/api/session/events', { type: 'SELECT_ERRAND', errandId });
      await post('/api/session/events', { type: 'START' });
      await post('/api/sim/id-reader', { action: 'place', cardKey });
      await waitForScreen('consent');
      await post('/api/session/events', { type: 'CONSENT' });
    },
  };
}
