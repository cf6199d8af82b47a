import { mkdtemp, readdir, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../test/support/memory-logger';
import { openRatingOutbox, type NewRating, type RatingOutboxOptions } from './rating-outbox';

const HOUR = 3_600_000;
let dir: string;
let clock: number;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rating-outbox-'));
  clock = Date.parse('2026-11-30T15:30:00Z'); // 23:30 in Shanghai
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const open = (more: Partial<RatingOutboxOptions> = {}) =>
  openRatingOutbox({ dir, logger: createMemoryLogger(), now: () => new Date(clock), random: () => 0.5, ...more });
const rating = (score: number): NewRating => ({ issue: '330100-GJJ-TQ-0001', score, tags: ['fast'], outcome: 'issued' });

describe('ratings outbox', () => {
  it('keeps each rating on disk with its Shanghai day only, nothing about the citizen or the time', async () => {
    const outbox = await open();
    await outbox.add(rating(5));
    const text = await readFile(join(dir, 'pending.jsonl'), 'utf8');
    const kept = JSON.parse(text.trim()) as Record<string, unknown>;
    expect(Object.keys(kept).sort()).toEqual(['issue', 'outcome', 'ratedOn', 'ratingId', 'score', 'tags']);
    expect(kept.ratedOn).toBe('2026-11-30');
    clock += HOUR; // 00:30 in Shanghai
    await outbox.add(rating(4));
    expect(await readFile(join(dir, 'pending.jsonl'), 'utf8')).toContain('"ratedOn":"2026-12-01"');
    expect(await readFile(join(dir, 'pending.jsonl'), 'utf8')).not.toMatch(/T\d\d:|:\d\d/);
  });

  it('sends nothing before the window closes and an hour after the newest rating has passed', async () => {
    const outbox = await open();
    await outbox.add(rating(5));
    clock += 30 * 60_000;
    await outbox.add(rating(3));
    clock += 31 * 60_000; // window of the first closed: both sealed, newest 31 min old
    expect(await outbox.due()).toEqual([]);
    expect(outbox.counts()).toMatchObject({ pending: 0, batches: 1, kept: 2 });
    clock += HOUR + 0.5 * HOUR - 31 * 60_000 - 1; // newest + 1 h + half the jitter (random 0.5), less 1 ms
    expect(await outbox.due()).toEqual([]);
    clock += 1;
    const [batch] = await outbox.due();
    expect(batch!.ratings.map((r) => r.score).sort()).toEqual([3, 5]);
  });

  it('seals at most 100 a batch, in shuffled order, and a full batch at once', async () => {
    let n = 0;
    const outbox = await open({ random: () => (n = (n * 7 + 3) % 10) / 10 });
    for (let i = 0; i < 150; i++) await outbox.add({ ...rating(1 + (i % 5)), issue: `X-${i}` });
    expect(await outbox.due()).toEqual([]); // sealed at once, due 1 h + jitter after its newest
    expect(outbox.counts()).toMatchObject({ batches: 1, pending: 50 });
    clock += 3 * HOUR;
    const due = await outbox.due();
    expect(due.map((b) => b.ratings.length).sort()).toEqual([100, 50]);
    const issues = due.find((b) => b.ratings.length === 100)!.ratings.map((r) => r.issue);
    expect(issues).toHaveLength(100);
    expect(new Set(issues).size).toBe(100);
    expect(issues).not.toEqual(Array.from({ length: 100 }, (_, i) => `X-${i}`));
  });

  it('resumes after a restart: the same batch under the same request id, pending ratings still pending', async () => {
    const first = await open();
    await first.add(rating(5));
    clock += HOUR;
    expect(await first.due()).toEqual([]); // sealed, not yet due
    await first.add(rating(2));
    await first.close();
    const sealed = (await readdir(dir)).filter((name) => name.startsWith('batch-'));
    expect(sealed).toHaveLength(1);

    const second = await open();
    expect(second.counts()).toMatchObject({ pending: 1, batches: 1, kept: 2 });
    clock += 2 * HOUR;
    const due = await second.due();
    expect(due.map((b) => `batch-${b.requestId}.json`)).toContain(sealed[0]);
    for (const batch of due) await second.delivered(batch.requestId);
    expect(second.counts()).toMatchObject({ kept: 0 });
    expect((await readdir(dir)).filter((name) => name.startsWith('batch-'))).toEqual([]);
    expect(await readFile(join(dir, 'pending.jsonl'), 'utf8')).toBe('');
  });

  it('ignores a torn last line, a half-written batch and a rating already sealed (a crash between the two writes)', async () => {
    const first = await open();
    await first.add(rating(5));
    const line = await readFile(join(dir, 'pending.jsonl'), 'utf8');
    clock += HOUR;
    await first.due();
    // As if the crash came after the batch file and before pending.jsonl was rewritten, then a torn append.
    await writeFile(join(dir, 'pending.jsonl'), line);
    await appendFile(join(dir, 'pending.jsonl'), '{"ratingId":"0a');
    await writeFile(join(dir, 'batch-0b8f3c2a-1111-4222-8333-944455556666.json.tmp'), '{"ratings":[');
    const second = await open();
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(second.counts()).toMatchObject({ pending: 0, batches: 1, kept: 1 });
    await second.add(rating(4));
    expect((await readFile(join(dir, 'pending.jsonl'), 'utf8')).trim().split('\n')).toHaveLength(1);
  });

  it('waits longer after each failure, honours Retry-After, and is due at once when the gateway comes back', async () => {
    const outbox = await open({ timings: { retryBaseMs: 1000, retryCapMs: 4000 } });
    await outbox.add(rating(5));
    clock += 3 * HOUR;
    const [batch] = await outbox.due();
    const waits: number[] = [];
    for (let i = 0; i < 4; i++) {
      outbox.failed(batch!.requestId);
      let waited = 0;
      while ((await outbox.due()).length === 0) {
        clock += 500;
        waited += 500;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([1000, 2000, 4000, 4000]);
    outbox.failed(batch!.requestId, 60_000);
    clock += 4000;
    expect(await outbox.due()).toEqual([]);
    outbox.retryFailedNow();
    expect(await outbox.due()).toHaveLength(1);
  });

  it('holds at most the cap: the oldest dropped and counted', async () => {
    const logger = createMemoryLogger();
    const outbox = await open({ maxKept: 3, logger });
    for (const score of [1, 2]) await outbox.add(rating(score));
    clock += HOUR;
    await outbox.due(); // 1 and 2 sealed
    for (const score of [3, 4, 5]) await outbox.add(rating(score));
    expect(outbox.counts()).toMatchObject({ kept: 3, dropped: 2 });
    clock += 3 * HOUR;
    const scores = (await outbox.due()).flatMap((b) => b.ratings.map((r) => r.score)).sort();
    expect(scores).toEqual([3, 4, 5]);
    expect(logger.lines.filter((l) => l.includes('ratings.dropped'))).toHaveLength(2);
  });
});
