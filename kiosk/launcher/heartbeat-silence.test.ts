import { describe, expect, it } from 'vitest';
import { blamableSilenceMs, uiIsStale } from './heartbeat-silence';

const rules = { staleMs: 15_000, graceMs: 30_000 };
const now = 1_000_000;
const longAgo = { browserStartedAt: now - 600_000, agentBackAt: null };

describe('the UI silence the browser answers for', () => {
  it('is the time since the last heartbeat once every grace period is over', () => {
    const silence = blamableSilenceMs(now, { lastHeartbeatMsAgo: 16_000, uptimeSeconds: 3600 }, longAgo, rules);
    expect(silence).toBe(16_000);
    expect(uiIsStale(silence, rules)).toBe(true);
    expect(uiIsStale(blamableSilenceMs(now, { lastHeartbeatMsAgo: 4_000, uptimeSeconds: 3600 }, longAgo, rules), rules)).toBe(false);
  });

  it('starts counting only after the grace period of a browser that never heartbeated', () => {
    const health = { lastHeartbeatMsAgo: null, uptimeSeconds: 3600 };
    expect(blamableSilenceMs(now, health, { browserStartedAt: now - 40_000, agentBackAt: null }, rules)).toBe(10_000);
    expect(uiIsStale(blamableSilenceMs(now, health, { browserStartedAt: now - 46_000, agentBackAt: null }, rules), rules)).toBe(true);
  });

  it('gives the UI a grace period after the agent started again or came back', () => {
    const restartedAgent = { lastHeartbeatMsAgo: null, uptimeSeconds: 5 };
    expect(uiIsStale(blamableSilenceMs(now, restartedAgent, longAgo, rules), rules)).toBe(false);
    const back = { browserStartedAt: now - 600_000, agentBackAt: now - 10_000 };
    expect(uiIsStale(blamableSilenceMs(now, { lastHeartbeatMsAgo: 60_000, uptimeSeconds: 3600 }, back, rules), rules)).toBe(false);
  });
});
