import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { err, ok } from '../../device-drivers/result';
import type { RatingsBatch, RatingsGateway, RatingsOutcome } from '../gateway/platform-ratings';
import { silentLogger } from '../logger';
import { openRatingOutbox } from '../ratings/rating-outbox';
import { startRatingDelivery } from './rating-delivery';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rating-delivery-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fakeGateway() {
  const sent: RatingsBatch[] = [];
  const gateway = {
    up: false,
    circuitClosed: true,
    sent,
    available: () => gateway.circuitClosed,
    async sendRatings(batch: RatingsBatch): Promise<RatingsOutcome> {
      sent.push(batch);
      return gateway.up ? ok({ accepted: batch.ratings.length }) : err({ code: 'UPSTREAM_UNAVAILABLE', retryable: true, detail: 'down' });
    },
  };
  return gateway satisfies RatingsGateway;
}

describe('rating delivery loop', () => {
  it('sends nothing while the circuit is open, and a failed batch at once when it closes, under the same request id', async () => {
    let clock = 0;
    const outbox = await openRatingOutbox({
      dir,
      logger: silentLogger,
      now: () => new Date(clock),
      timings: { batchWindowMs: 0, minDelayMs: 0, jitterMs: 0, retryBaseMs: 60_000, retryCapMs: 60_000 },
    });
    const gateway = fakeGateway();
    const delivery = startRatingDelivery({ outbox, gateway, logger: silentLogger, tickMs: 3_600_000 });
    await outbox.add({ issue: 'A-1', score: 4, tags: [], outcome: 'issued' });
    await delivery.tick();
    expect(gateway.sent).toHaveLength(1); // failed: next try in a minute
    gateway.circuitClosed = false;
    clock += 1_000;
    await delivery.tick();
    expect(gateway.sent).toHaveLength(1);
    gateway.up = true;
    gateway.circuitClosed = true;
    await delivery.tick();
    expect(gateway.sent).toHaveLength(2);
    expect(gateway.sent[1]!.requestId).toBe(gateway.sent[0]!.requestId);
    expect(outbox.counts().kept).toBe(0);
    await delivery.stop();
  });
});
