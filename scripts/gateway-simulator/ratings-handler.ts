// POST /v1/ratings, after the body is read: authenticate as for a fetch (X-Issue and X-Purpose empty), rate-limit
// apart from fetches, check the body against the contract, and count each ratingId once.

import type { IncomingHttpHeaders } from 'node:http';
import { ratingsRequestBodySchema } from '../../kiosk/gateway/platform-ratings';
import { RATINGS_PATH } from '../../kiosk/gateway/request-signing';
import { errorAnswer, jsonAnswer, type SimulatorAnswer } from './error-answers';
import type { RateLimiter } from './rate-limiter';
import type { RatingsTally } from './ratings-tally';
import { checkSignedRequest, type RegisteredKiosk } from './request-checks';

export interface RatingsHandlerDeps {
  kiosks: ReadonlyMap<string, RegisteredKiosk>;
  /** Its own buckets: ratings never use up a kiosk's fetch allowance. */
  rateLimiter: RateLimiter | null;
  tally: RatingsTally;
  now: () => Date;
}

export function handleRatings(
  request: { headers: IncomingHttpHeaders; body: Buffer; clientCertificateCn: string | null },
  deps: RatingsHandlerDeps,
): SimulatorAnswer & { requestId?: string } {
  const nowMs = deps.now().getTime();
  const checked = checkSignedRequest({ method: 'POST', path: RATINGS_PATH, ...request }, deps.kiosks, nowMs);
  if (!checked.ok) return checked.error;
  const { kioskId, requestId } = checked.value;

  const rate = deps.rateLimiter?.take(kioskId, nowMs) ?? { allowed: true };
  if (!rate.allowed) {
    const answer = errorAnswer(429, 'RATE_LIMITED', 'too many rating requests from this kiosk', {
      retryable: true,
      retryAfterMs: rate.retryAfterSeconds * 1000,
    });
    return { ...answer, headers: { 'retry-after': String(rate.retryAfterSeconds) }, requestId };
  }

  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(request.body));
  } catch {
    return { ...errorAnswer(400, 'BAD_REQUEST', 'body is not UTF-8 JSON'), requestId };
  }
  const parsed = ratingsRequestBodySchema.safeParse(json);
  if (!parsed.success) {
    return { ...errorAnswer(400, 'BAD_REQUEST', `body malformed at ${parsed.error.issues[0]?.path.join('.') ?? '?'}`), requestId };
  }
  const ids = parsed.data.ratings.map((rating) => rating.ratingId);
  if (new Set(ids).size !== ids.length) return { ...errorAnswer(400, 'BAD_REQUEST', 'a ratingId is given twice'), requestId };
  deps.tally.take(kioskId, parsed.data.ratings);
  // A ratingId seen before is accepted again, not counted twice: `accepted` is every rating of the request.
  return { ...jsonAnswer(200, { accepted: parsed.data.ratings.length }), requestId };
}
