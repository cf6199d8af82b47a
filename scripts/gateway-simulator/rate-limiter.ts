// The gateway's per-kiosk rate limit (429 RATE_LIMITED): a token bucket. A kiosk serves a few citizens a
// minute, so a burst allowance plus a steady rate is generous for people and stops a runaway loop.

export interface RateLimit {
  /** Requests a kiosk may make at once. */
  burst: number;
  /** Steady rate refilling the burst. */
  perMinute: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; atMs: number }>();

  constructor(private readonly limit: RateLimit) {}

  take(kioskId: string, nowMs: number): RateDecision {
    const perMs = this.limit.perMinute / 60_000;
    const bucket = this.buckets.get(kioskId) ?? { tokens: this.limit.burst, atMs: nowMs };
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (nowMs - bucket.atMs) * perMs);
    bucket.atMs = nowMs;
    this.buckets.set(kioskId, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { allowed: true };
    }
    // Whole seconds, as Retry-After has them, rounded up so the kiosk never comes back too early.
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000)) };
  }
}
