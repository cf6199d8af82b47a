// POST /v1/ratings of sharing-gateway-v1.md ("Additions in v1.1", 好差评): the message both the kiosk's client
// and the simulator parse with. A rating carries no personal data, no time of day and no session or request
// id, so it cannot be linked to the fetch that named the citizen.

import { z } from 'zod';
import type { Result } from '../../device-drivers/result';
import { contractCode, dateString } from './wire-format';
import type { GatewayErrorCode } from './gateway-client';

/** The contract's closed list of reason tags. */
export const platformRatingTags = ['fast', 'easy', 'clear', 'slow', 'confusing', 'device-fault', 'data-wrong'] as const;
export type PlatformRatingTag = (typeof platformRatingTags)[number];

export const MAX_RATINGS_PER_REQUEST = 100;

const uuidV4 = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

export const platformRatingSchema = z.strictObject({
  ratingId: uuidV4,
  /** 事项编码 of the errand rated. */
  issue: contractCode,
  score: z.number().int().min(1).max(5),
  tags: z
    .array(z.enum(platformRatingTags))
    .max(platformRatingTags.length)
    .refine((tags) => new Set(tags).size === tags.length, 'a tag is given twice'),
  /** The Asia/Shanghai day, never a time. */
  ratedOn: dateString,
  outcome: z.enum(['issued', 'refused', 'failed', 'abandoned']),
});
export type PlatformRating = z.infer<typeof platformRatingSchema>;

export const ratingsRequestBodySchema = z.strictObject({
  ratings: z.array(platformRatingSchema).min(1).max(MAX_RATINGS_PER_REQUEST),
});

export const ratingsResponseSchema = z.object({ accepted: z.number().int().nonnegative() });

/** One request: its id is kept with the batch, so a retry (even after a restart) is the same request. */
export interface RatingsBatch {
  requestId: string;
  ratings: PlatformRating[];
}

export interface RatingsFailure {
  code: GatewayErrorCode;
  retryable: boolean;
  /** The gateway's Retry-After, when it gave one. */
  retryAfterMs?: number;
  /** For staff; no personal data (ratings hold none anyway). */
  detail: string;
}

export type RatingsOutcome = Result<{ accepted: number }, RatingsFailure>;

/** What the ratings outbox needs of the gateway. */
export interface RatingsGateway {
  sendRatings(batch: RatingsBatch, signal: AbortSignal): Promise<RatingsOutcome>;
  /** False while the fetch circuit is open: the gateway is down, a batch would wait anyway. */
  available(): boolean;
}
