// The agent's sender loop for the ratings outbox: every tick, while the gateway is available, it sends the
// batches that are due; a batch leaves the outbox only on the gateway's 2xx, a failed one waits and is
// sent again under the same request id. When the fetch circuit closes after an outage, failed batches go at once.

import type { RatingsGateway } from '../gateway/platform-ratings';
import type { Logger } from '../logger';
import type { RatingOutbox } from '../ratings/rating-outbox';

export interface RatingDeliveryOptions {
  outbox: RatingOutbox;
  gateway: RatingsGateway;
  logger: Logger;
  /** How often to look for due batches. Default 1 s: the look is in memory, and cheap. */
  tickMs?: number;
}

export function startRatingDelivery(options: RatingDeliveryOptions) {
  const { outbox, gateway, logger } = options;
  const stopping = new AbortController();
  let wasAvailable = true;
  let running: Promise<void> | null = null;

  async function deliverDue(): Promise<void> {
    const available = gateway.available();
    if (!available) {
      wasAvailable = false;
      return;
    }
    if (!wasAvailable) outbox.retryFailedNow();
    wasAvailable = true;
    for (const batch of await outbox.due()) {
      if (stopping.signal.aborted || !gateway.available()) return;
      const outcome = await gateway.sendRatings(batch, stopping.signal);
      if (outcome.ok) {
        await outbox.delivered(batch.requestId);
        logger.event('ratings.delivery', 'success', { ratings: batch.ratings.length, ...outbox.counts() });
        continue;
      }
      if (outcome.error.code === 'CANCELED') return;
      outbox.failed(batch.requestId, outcome.error.retryAfterMs);
      // A refusal that no retry can mend (BAD_REQUEST, UNAUTHENTICATED) keeps the batch too: staff must look.
      logger.event('ratings.delivery', 'failure', { code: outcome.error.code, retryable: outcome.error.retryable, ...outbox.counts() });
    }
  }

  /** One look, or the one already under way: the promise settles when that look has ended. */
  const tick = (): Promise<void> => {
    running ??= deliverDue()
      .catch((error: unknown) => logger.event('ratings.delivery', 'failure', { error: error instanceof Error ? error.name : 'unknown' }))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), options.tickMs ?? 1_000);
  timer.unref();

  return {
    /** Looks at once (tests, and after a rating when timings are short). */
    tick,
    async stop(): Promise<void> {
      clearInterval(timer);
      stopping.abort();
      await running;
      await outbox.close();
    },
  };
}

export type RatingDelivery = ReturnType<typeof startRatingDelivery>;
