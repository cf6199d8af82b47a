import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPaperCounters } from './paper-counters';
import { openRatingTally } from './rating-tally';
import { openServiceFlag } from './service-flag';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maintenance-stores-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('what maintenance mode keeps across restarts', () => {
  it('paper: counts sheets and receipts, starts again at a refill, survives a reopen', async () => {
    const paper = await openPaperCounters(dir);
    expect(paper.lines()).toEqual([
      { printer: 'a4Printer', refilledAt: null, usedSince: 0 },
      { printer: 'receiptPrinter', refilledAt: null, usedSince: 0 },
    ]);
    await paper.used('a4Printer', 3);
    await paper.used('receiptPrinter', 1);
    await paper.used('a4Printer', -2); // nonsense: not counted
    const at = new Date('2026-11-30T08:00:00Z');
    await paper.refilled('receiptPrinter', at);
    const again = await openPaperCounters(dir);
    expect(again.lines()).toEqual([
      { printer: 'a4Printer', refilledAt: null, usedSince: 3 },
      { printer: 'receiptPrinter', refilledAt: at.toISOString(), usedSince: 0 },
    ]);
  });

  it('paper: a corrupt file starts from nothing and is rewritten', async () => {
    await writeFile(join(dir, 'paper.json'), '{"a4Printer":');
    const paper = await openPaperCounters(dir);
    expect(paper.lines()[0]).toEqual({ printer: 'a4Printer', refilledAt: null, usedSince: 0 });
    await paper.used('a4Printer', 1);
    expect(JSON.parse(await readFile(join(dir, 'paper.json'), 'utf8'))).toMatchObject({ a4Printer: { usedSince: 1 } });
  });

  it('the out-of-service flag survives a reopen', async () => {
    const flag = await openServiceFlag(dir);
    expect(flag.outOfService()).toBe(false);
    await flag.set(true, new Date());
    expect((await openServiceFlag(dir)).outOfService()).toBe(true);
  });

  it('rating counts by score and errand since the first, across a reopen', async () => {
    const since = new Date('2026-11-01T00:00:00Z');
    const tally = await openRatingTally(dir, () => since);
    await tally.add('residence-proof', 5);
    await tally.add('residence-proof', 4);
    await tally.add('no-property-proof-provident-fund', 5);
    await tally.add('residence-proof', 9);
    const again = await openRatingTally(dir);
    expect(again.counts()).toEqual({
      since: since.toISOString(),
      byScore: [0, 0, 0, 1, 2],
      byErrand: [
        { errandId: 'residence-proof', byScore: [0, 0, 0, 1, 1] },
        { errandId: 'no-property-proof-provident-fund', byScore: [0, 0, 0, 0, 1] },
      ],
    });
  });
});
