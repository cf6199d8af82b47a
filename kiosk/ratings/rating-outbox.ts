// The ratings outbox on disk (dataDir/ratings/): every rating is appended and fsync'd before it counts as kept,
// carrying its day only (Asia/Shanghai) and nothing about the citizen. Ratings are sealed into batches of at
// most 100 in shuffled order, each batch under a request id fixed at sealing, and a batch is due at a random
// moment at least `minDelayMs` after the newest rating in it. A batch file is removed only once the gateway
// took it, so after a restart or an outage of days each rating is still sent, and a resent batch is the same
// request (the gateway counts each ratingId once).
//
// Files: `pending.jsonl` (one rating a line, appended) and `batch-<requestId>.json` (sealed, written whole
// and renamed into place). Arrival times are kept in memory only: after a restart every rating counts as
// just arrived, which only ever delays a batch.

import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { shanghaiIsoDate } from '../../print-templates/shanghai-date';
import {
  MAX_RATINGS_PER_REQUEST,
  platformRatingSchema,
  ratingsRequestBodySchema,
  type PlatformRating,
  type RatingsBatch,
} from '../gateway/platform-ratings';
import { replaceFileDurably, syncDirectory } from '../durable-file';
import type { Logger } from '../logger';

export interface RatingOutboxTimings {
  /** How long the first pending rating waits for others before they are sealed into a batch. */
  batchWindowMs: number;
  /** A batch is sent no sooner than this after its newest rating (contract: at least an hour). */
  minDelayMs: number;
  /** …plus up to this much, at random. */
  jitterMs: number;
  /** After a failed send: base·2^(n-1), at most the cap; a Retry-After longer than that wins. */
  retryBaseMs: number;
  retryCapMs: number;
}

export const DEFAULT_RATING_OUTBOX_TIMINGS: Readonly<RatingOutboxTimings> = {
  batchWindowMs: 3_600_000,
  minDelayMs: 3_600_000,
  jitterMs: 3_600_000,
  retryBaseMs: 5_000,
  retryCapMs: 60_000,
};

/** The contract's cap: beyond it the oldest rating is dropped, and counted. */
export const MAX_KEPT_RATINGS = 10_000;

/** What the session tells: the outbox adds the id and the day. */
export type NewRating = Omit<PlatformRating, 'ratingId' | 'ratedOn'>;

export interface RatingOutboxOptions {
  dir: string;
  logger: Logger;
  timings?: Partial<RatingOutboxTimings>;
  maxKept?: number;
  now?: () => Date;
  random?: () => number;
  newId?: () => string;
}

export interface OutboxCounts {
  pending: number;
  batches: number;
  /** Ratings waiting in all, pending and sealed. */
  kept: number;
  /** Dropped since the agent started, because more than the cap were kept. */
  dropped: number;
}

interface SealedBatch {
  batch: RatingsBatch;
  /** The first moment it may be sent (or retried). */
  dueAtMs: number;
  failures: number;
  /** Sealing order: the oldest batch is the first to lose a rating over the cap. */
  seq: number;
}

const PENDING_FILE = 'pending.jsonl';
const BATCH_FILE = /^batch-([0-9a-f-]{36})\.json$/;

export async function openRatingOutbox(options: RatingOutboxOptions) {
  const { dir, logger } = options;
  const timings = { ...DEFAULT_RATING_OUTBOX_TIMINGS, ...options.timings };
  const maxKept = options.maxKept ?? MAX_KEPT_RATINGS;
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  const newId = options.newId ?? randomUUID;
  await mkdir(dir, { recursive: true, mode: 0o700 });

  let pending: Array<{ rating: PlatformRating; arrivedAtMs: number }> = [];
  const batches = new Map<string, SealedBatch>();
  let seq = 0;
  let dropped = 0;
  /** Every change to the files runs in this order, one at a time. */
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
  const sendAt = (newestMs: number): number => newestMs + timings.minDelayMs + random() * timings.jitterMs;

  // --- reopen what a previous run left ---
  const loadedAtMs = now().getTime();
  const names = (await readdir(dir)).sort();
  for (const name of names) {
    // A whole-file write that a crash cut short: never renamed into place, so never counted as kept.
    if (name.endsWith('.tmp')) await unlink(join(dir, name));
    const match = BATCH_FILE.exec(name);
    if (!match) continue;
    const parsed = ratingsRequestBodySchema.safeParse(parseJson(await readFile(join(dir, name), 'utf8')));
    if (!parsed.success) {
      // Only a file written whole is ever renamed into place: this one was changed by hand. Kept for staff.
      logger.event('ratings.outbox', 'failure', { action: 'unreadableBatch', file: name });
      continue;
    }
    batches.set(match[1]!, {
      batch: { requestId: match[1]!, ratings: parsed.data.ratings },
      dueAtMs: sendAt(loadedAtMs),
      failures: 0,
      seq: seq++,
    });
  }
  const sealedIds = new Set([...batches.values()].flatMap(({ batch }) => batch.ratings.map((r) => r.ratingId)));
  let rewritePending = false;
  const pendingText = await readFile(join(dir, PENDING_FILE), 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  for (const line of pendingText.split('\n')) {
    if (line === '') continue;
    const parsed = platformRatingSchema.safeParse(parseJson(line));
    // A torn last line (power cut mid-append) was never acknowledged; a rating already sealed is not kept twice.
    if (!parsed.success || sealedIds.has(parsed.data.ratingId)) {
      rewritePending = true;
      continue;
    }
    pending.push({ rating: parsed.data, arrivedAtMs: loadedAtMs });
  }
  if (rewritePending || (pendingText !== '' && !pendingText.endsWith('\n'))) await writePending();
  const counts = (): OutboxCounts => {
    const sealed = [...batches.values()].reduce((sum, { batch }) => sum + batch.ratings.length, 0);
    return { pending: pending.length, batches: batches.size, kept: pending.length + sealed, dropped };
  };
  logger.event('ratings.outbox', 'info', { action: 'opened', ...counts() });

  async function writePending(): Promise<void> {
    const text = pending.map(({ rating }) => JSON.stringify(rating) + '\n').join('');
    await replaceFileDurably(join(dir, PENDING_FILE), text);
  }

  async function writeBatch(batch: RatingsBatch): Promise<void> {
    await replaceFileDurably(join(dir, `batch-${batch.requestId}.json`), JSON.stringify({ ratings: batch.ratings }));
  }

  async function removeBatch(requestId: string): Promise<void> {
    await unlink(join(dir, `batch-${requestId}.json`)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await syncDirectory(dir);
  }

  /** Over the cap: the oldest rating goes — from the oldest batch, which is re-sealed under a new id. */
  async function dropOldest(): Promise<void> {
    const oldest = [...batches.values()].sort((a, b) => a.seq - b.seq)[0];
    if (oldest) {
      const rest = oldest.batch.ratings.slice(1);
      batches.delete(oldest.batch.requestId);
      if (rest.length > 0) {
        const batch = { requestId: newId(), ratings: rest };
        await writeBatch(batch);
        batches.set(batch.requestId, { ...oldest, batch });
      }
      await removeBatch(oldest.batch.requestId);
    } else {
      pending.shift();
      await writePending();
    }
    dropped++;
    logger.event('ratings.dropped', 'failure', { dropped, max: maxKept });
  }

  /** Seals what the window says is ready; the batch file exists before the ratings leave pending.jsonl. */
  async function seal(nowMs: number): Promise<void> {
    while (pending.length > 0) {
      const full = pending.length >= MAX_RATINGS_PER_REQUEST;
      if (!full && nowMs < pending[0]!.arrivedAtMs + timings.batchWindowMs) return;
      const taken = pending.slice(0, MAX_RATINGS_PER_REQUEST);
      const ratings = shuffled(
        taken.map(({ rating }) => rating),
        random,
      );
      const batch = { requestId: newId(), ratings };
      await writeBatch(batch);
      pending = pending.slice(taken.length);
      await writePending();
      const newestMs = Math.max(...taken.map(({ arrivedAtMs }) => arrivedAtMs));
      batches.set(batch.requestId, { batch, dueAtMs: sendAt(newestMs), failures: 0, seq: seq++ });
    }
  }

  return {
    /** Kept once this resolves: the line is on disk. */
    add(rating: NewRating): Promise<void> {
      return serial(async () => {
        const at = now();
        const kept: PlatformRating = platformRatingSchema.parse({ ratingId: newId(), ...rating, ratedOn: shanghaiIsoDate(at) });
        while (counts().kept >= maxKept) await dropOldest();
        const file = await open(join(dir, PENDING_FILE), 'a', 0o600);
        try {
          await file.appendFile(JSON.stringify(kept) + '\n', 'utf8');
          await file.sync();
        } finally {
          await file.close();
        }
        pending.push({ rating: kept, arrivedAtMs: at.getTime() });
      });
    },

    /** The batches whose moment has come, after sealing what is ready. */
    due(): Promise<RatingsBatch[]> {
      return serial(async () => {
        const nowMs = now().getTime();
        await seal(nowMs);
        return [...batches.values()].filter(({ dueAtMs }) => dueAtMs <= nowMs).map(({ batch }) => batch);
      });
    },

    /** The gateway answered 2xx: the batch is gone for good. */
    delivered(requestId: string): Promise<void> {
      return serial(async () => {
        if (!batches.delete(requestId)) return;
        await removeBatch(requestId);
      });
    },

    /** A send failed: the same batch is tried again later. */
    failed(requestId: string, retryAfterMs?: number): void {
      const entry = batches.get(requestId);
      if (!entry) return;
      entry.failures++;
      const backoff = Math.min(timings.retryCapMs, timings.retryBaseMs * 2 ** (entry.failures - 1));
      entry.dueAtMs = now().getTime() + Math.max(backoff, retryAfterMs ?? 0);
    },

    /** The gateway came back: batches that failed while it was away are due at once. */
    retryFailedNow(): void {
      const nowMs = now().getTime();
      for (const entry of batches.values()) if (entry.failures > 0) entry.dueAtMs = Math.min(entry.dueAtMs, nowMs);
    },

    counts,

    /** Waits for the last write to reach the disk. */
    close(): Promise<void> {
      return serial(async () => undefined);
    },
  };
}

export type RatingOutbox = Awaited<ReturnType<typeof openRatingOutbox>>;

/** Fisher–Yates: the order in a batch says nothing about the order of the visits. */
function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
