// The ratings outbox through the agent's sender loop to the real simulator over mutual TLS: a gateway outage
// with a restart of the kiosk in the middle of it, and an answer lost on the way back. Every rating arrives
// exactly once; the time from the gateway's return to the last rating counted is printed.

import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRatingDelivery } from '../../../kiosk/agent/rating-delivery';
import type { RatingsGateway } from '../../../kiosk/gateway/platform-ratings';
import { openRatingOutbox, type NewRating, type RatingOutboxTimings } from '../../../kiosk/ratings/rating-outbox';
import { expectNoPersonalData, startRig, type GatewayRig } from './gateway-rig';

/** The production timings (hours, minutes) scaled down: the shape of the schedule, not its length, is tested. */
const TIMINGS: RatingOutboxTimings = { batchWindowMs: 20, minDelayMs: 30, jitterMs: 20, retryBaseMs: 50, retryCapMs: 400 };
const TICK_MS = 20;

let rig: GatewayRig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig?.close();
});

const rating = (i: number): NewRating => ({
  issue: i % 2 ? '330100-GJJ-TQ-0001' : '330100-SB-ZM-0001',
  score: 1 + (i % 5),
  tags: i % 3 ? ['fast'] : ['slow', 'device-fault'],
  outcome: 'issued',
});

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** A kiosk's outbox in its own directory and the agent's sender loop on it, as the agent starts them. */
async function startKiosk(name: string, client: RatingsGateway, timings: Partial<RatingOutboxTimings> = {}) {
  const dir = join(rig.dataDir, name, 'ratings');
  const outbox = await openRatingOutbox({ dir, logger: rig.clientLog, timings: { ...TIMINGS, ...timings } });
  return { outbox, delivery: startRatingDelivery({ outbox, gateway: client, logger: rig.clientLog, tickMs: TICK_MS }) };
}

const deliveryRecords = () =>
  rig.clientLog.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((r) => r.event === 'ratings.delivery');

describe('ratings outbox delivery', () => {
  it('keeps every rating through a gateway outage and a restart, then delivers each exactly once', async () => {
    const client = await rig.client();
    const before = rig.sim.ratings();
    // The gateway is down for everything (health too).
    await rig.setFaults([{ kind: '5xx', status: 503, route: 'any' }]);

    let { outbox, delivery } = await startKiosk('kiosk-a', client);
    for (let i = 0; i < 120; i++) await outbox.add(rating(i));
    await until(() => deliveryRecords().filter((r) => r.disposition === 'failure').length >= 3);
    expect(rig.sim.ratings().counted).toBe(before.counted);

    // The agent restarts mid-outage: everything comes back from disk.
    await delivery.stop();
    ({ outbox, delivery } = await startKiosk('kiosk-a', client));
    expect(outbox.counts()).toMatchObject({ kept: 120 });
    for (let i = 120; i < 130; i++) await outbox.add(rating(i));
    const failuresSoFar = deliveryRecords().filter((r) => r.disposition === 'failure').length;
    await until(() => deliveryRecords().filter((r) => r.disposition === 'failure').length >= failuresSoFar + 2);

    const back = performance.now();
    await rig.clearFaults();
    await until(() => rig.sim.ratings().counted - before.counted === 130);
    const deliveredMs = performance.now() - back;
    await until(() => outbox.counts().kept === 0);
    await delivery.stop();
    console.log(
      `ratings outbox: 130 ratings delivered ${deliveredMs.toFixed(0)} ms after the gateway came back ` +
        `(retry cap ${TIMINGS.retryCapMs} ms, tick ${TICK_MS} ms; production: cap 60 s, tick 1 s)`,
    );

    const after = rig.sim.ratings();
    expect(after.counted - before.counted).toBe(130);
    expect(after.repeated - before.repeated).toBe(0);
    expect(deliveredMs).toBeLessThan(TIMINGS.retryCapMs + 2_000);
    expect(client.breakerState()).toBe('closed');
    expectNoPersonalData(rig.clientLog.lines);
  });

  it('a batch whose answer was lost is sent again under its request id and counted once', async () => {
    const client = await rig.client();
    const before = rig.sim.ratings();
    // The gateway counts the batch, then the connection dies before the kiosk has the answer.
    await rig.setFaults([{ kind: 'truncated-body', count: 1, route: 'ratings' }]);
    // A window long enough for the seven to make one batch, whatever the load.
    const { outbox, delivery } = await startKiosk('kiosk-b', client, { batchWindowMs: 1_000 });
    for (let i = 0; i < 7; i++) await outbox.add(rating(i));
    await until(() => rig.sim.ratings().counted - before.counted === 7 && outbox.counts().kept === 0);
    await delivery.stop();
    const after = rig.sim.ratings();
    expect(after.counted - before.counted).toBe(7);
    expect(after.repeated - before.repeated).toBe(7);
    const requests = rig
      .simRequests()
      .filter((r) => r.route === 'ratings')
      .slice(-2);
    expect(requests).toHaveLength(2);
    expect(requests[0]!.requestId).toBe(requests[1]!.requestId);
  });
});
