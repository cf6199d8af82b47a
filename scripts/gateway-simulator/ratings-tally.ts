// What the simulator was told by POST /v1/ratings: each ratingId counted once, by score, errand and outcome,
// and how many came again (a retried batch), so a test can see that every rating arrived exactly once.

import type { PlatformRating } from '../../kiosk/gateway/platform-ratings';

export interface RatingsCounts {
  /** Distinct ratings counted. */
  counted: number;
  /** Ratings sent again after they were counted: accepted, not counted twice. */
  repeated: number;
  byScore: Record<string, number>;
  byIssue: Record<string, number>;
  byOutcome: Record<string, number>;
  byTag: Record<string, number>;
}

export class RatingsTally {
  private readonly seen = new Set<string>();
  private readonly counts: RatingsCounts = { counted: 0, repeated: 0, byScore: {}, byIssue: {}, byOutcome: {}, byTag: {} };

  /** Per kiosk: a ratingId is unique to the kiosk that made it. */
  take(kioskId: string, ratings: readonly PlatformRating[]): void {
    for (const rating of ratings) {
      const key = `${kioskId}\n${rating.ratingId}`;
      if (this.seen.has(key)) {
        this.counts.repeated++;
        continue;
      }
      this.seen.add(key);
      this.counts.counted++;
      bump(this.counts.byScore, String(rating.score));
      bump(this.counts.byIssue, rating.issue);
      bump(this.counts.byOutcome, rating.outcome);
      for (const tag of rating.tags) bump(this.counts.byTag, tag);
    }
  }

  snapshot(): RatingsCounts {
    return structuredClone(this.counts);
  }
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}
