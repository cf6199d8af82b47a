// POST /v1/ratings between the real client and the real simulator over mutual TLS: the contract's body and
// signature, each ratingId counted once however often a batch comes, retries under the same request id, rating
// calls outside the fetch breaker and its rate limit, and the counts on the simulator's admin endpoint.

import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlatformRating, RatingsBatch } from '../../../kiosk/gateway/platform-ratings';
import { simulatorClientConfig } from '../../../scripts/gateway-simulator/client-config';
import { expectNoPersonalData, FAST_TIMINGS, fetchRequest, noSignal, startRig, type GatewayRig } from './gateway-rig';

let rig: GatewayRig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig?.close();
});

function rating(score: number, more: Partial<PlatformRating> = {}): PlatformRating {
  return { ratingId: randomUUID(), issue: '330100-GJJ-TQ-0001', score, tags: ['fast'], ratedOn: '2026-11-30', outcome: 'issued', ...more };
}
const batchOf = (...ratings: PlatformRating[]): RatingsBatch => ({ requestId: randomUUID(), ratings });

async function adminRatings(): Promise<Record<string, unknown>> {
  const url = rig.sim.admin!.url.replace(/\/admin\/faults$/, '/admin/ratings');
  const response = await fetch(url, { headers: { authorization: `Bearer ${rig.sim.admin!.token}` } });
  expect(response.status).toBe(200);
  return ((await response.json()) as { ratings: Record<string, unknown> }).ratings;
}

describe('ratings to the gateway', () => {
  it('are accepted, counted by score, errand, outcome and tag, and each ratingId only once', async () => {
    const client = await rig.client();
    const before = rig.sim.ratings();
    const batch = batchOf(rating(5), rating(2, { tags: ['slow', 'device-fault'], outcome: 'failed', issue: '330100-SB-ZM-0001' }));
    expect(await client.sendRatings(batch, noSignal())).toEqual({ ok: true, value: { accepted: 2 } });
    // The same batch again (a lost answer), and one of its ratings in another batch: accepted, not counted twice.
    expect(await client.sendRatings(batch, noSignal())).toEqual({ ok: true, value: { accepted: 2 } });
    expect(await client.sendRatings(batchOf(batch.ratings[0]!, rating(5)), noSignal())).toEqual({ ok: true, value: { accepted: 2 } });
    const after = rig.sim.ratings();
    expect(after.counted - before.counted).toBe(3);
    expect(after.repeated - before.repeated).toBe(3);
    expect(after.byScore['5']! - (before.byScore['5'] ?? 0)).toBe(2);
    expect(after.byOutcome.failed! - (before.byOutcome.failed ?? 0)).toBe(1);
    expect(after.byIssue['330100-SB-ZM-0001']! - (before.byIssue['330100-SB-ZM-0001'] ?? 0)).toBe(1);
    expect(after.byTag['device-fault']! - (before.byTag['device-fault'] ?? 0)).toBe(1);
    expect(await adminRatings()).toEqual(after);
    expectNoPersonalData(rig.simLog.lines);
  });

  it('are refused by the gateway outside the contract (a tag off the list, a time, over 100), without a retry', async () => {
    const client = await rig.client();
    const before = rig.sim.ratings().counted;
    const offList = rating(3, { tags: ['rude' as never] });
    const withTime = rating(3, { ratedOn: '2026-11-30T10:00:00Z' });
    const tooMany = Array.from({ length: 101 }, () => rating(4));
    for (const ratings of [[offList], [withTime], tooMany]) {
      const outcome = await client.sendRatings(batchOf(...ratings), noSignal());
      expect(outcome).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', retryable: false } });
    }
    expect(rig.sim.ratings().counted).toBe(before);
  });

  it('retry a 5xx under the same request id, and never move the fetch breaker', async () => {
    const client = await rig.client();
    const batch = batchOf(rating(4));
    await rig.setFaults([{ kind: '5xx', status: 503, count: 1, route: 'ratings' }]);
    expect(await client.sendRatings(batch, noSignal())).toEqual({ ok: true, value: { accepted: 1 } });
    // One retry, under the batch's request id.
    const sent = rig.clientLog.lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((r) => r.event === 'gateway.ratings');
    expect(sent.at(-1)).toMatchObject({ requestId: batch.requestId, retries: 1, accepted: 1 });

    // A gateway that fails every rating call: the outcome says retryable, the breaker stays closed.
    await rig.setFaults([{ kind: '5xx', status: 500, route: 'ratings' }]);
    for (let i = 0; i < 3; i++) {
      expect(await client.sendRatings(batchOf(rating(1)), noSignal())).toMatchObject({
        ok: false,
        error: { code: 'INTERNAL', retryable: true },
      });
    }
    expect(client.breakerState()).toBe('closed');
    expect(client.available()).toBe(true);
    await rig.clearFaults();
    const outcome = await client.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal());
    expect(outcome.ok).toBe(true);
  });

  it('are rate-limited apart from fetches', async () => {
    const sibling = await rig.sibling({ rateLimit: { burst: 2, perMinute: 1 } });
    const client = await rig.client({ ...simulatorClientConfig(sibling), timings: { ...FAST_TIMINGS, maxRetries: 0 } });
    expect((await client.sendRatings(batchOf(rating(5)), noSignal())).ok).toBe(true);
    expect((await client.sendRatings(batchOf(rating(5)), noSignal())).ok).toBe(true);
    const limited = await client.sendRatings(batchOf(rating(5)), noSignal());
    expect(limited).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', retryable: true } });
    if (!limited.ok) expect(limited.error.retryAfterMs).toBeGreaterThan(0);
    // The fetch bucket is untouched.
    expect((await client.fetchCertificates(fetchRequest('no-property-proof-provident-fund', 'zhang-san'), noSignal())).ok).toBe(true);
  });
});
