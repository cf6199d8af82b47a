import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPrintJobLedger, parseLedger, PRINT_JOB_LEDGER_FILE } from './print-job-ledger';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'print-job-ledger-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ledgerText = () => readFile(join(dir, PRINT_JOB_LEDGER_FILE), 'utf8');

describe('the print-job ledger', () => {
  it('appends one line a step, in order', async () => {
    const ledger = await openPrintJobLedger({ dir, now: () => new Date('2026-11-30T08:00:00Z') });
    await ledger.submitting('K-1');
    await ledger.held('K-1', '42');
    await ledger.finished('K-1', 'done');
    await ledger.close();
    expect(parseLedger(await ledgerText())).toEqual([
      { jobName: 'K-1', printer: 'a4', state: 'submitting', time: '2026-11-30T08:00:00.000Z' },
      { jobName: 'K-1', printer: 'a4', state: 'held', jobId: '42', time: '2026-11-30T08:00:00.000Z' },
      { jobName: 'K-1', printer: 'a4', state: 'finished', outcome: 'done', time: '2026-11-30T08:00:00.000Z' },
    ]);
    const reopened = await openPrintJobLedger({ dir });
    expect(reopened.unfinished()).toEqual([]);
    expect(reopened.lastJobNumber('K')).toBe(1);
    await reopened.close();
  });

  it('finds the jobs a crash cut off, with the printer job id when it was held, once', async () => {
    const first = await openPrintJobLedger({ dir });
    await first.submitting('K-1');
    await first.held('K-1', '7');
    await first.finished('K-1', 'failed');
    await first.submitting('K-2');
    await first.held('K-2', '8');
    await first.submitting('K-3'); // never closed: as after kill -9
    const second = await openPrintJobLedger({ dir });
    expect(second.unfinished()).toEqual([{ jobName: 'K-2', jobId: '8' }, { jobName: 'K-3' }]);
    expect(second.lastJobNumber('K')).toBe(3);
    for (const job of second.unfinished()) await second.finished(job.jobName, 'unknownAfterRestart');
    await second.close();
    await first.close();
    const third = await openPrintJobLedger({ dir });
    expect(third.unfinished()).toEqual([]);
    await third.close();
  });

  it('skips a torn last line and starts the next record on a line of its own', async () => {
    const whole = JSON.stringify({ jobName: 'K-4', printer: 'a4', state: 'submitting', time: '2026-11-30T08:00:00.000Z' });
    await writeFile(join(dir, PRINT_JOB_LEDGER_FILE), `${whole}\n{"jobName":"K-4","printer":"a4","sta`);
    const ledger = await openPrintJobLedger({ dir });
    expect(ledger.unfinished()).toEqual([{ jobName: 'K-4' }]);
    await ledger.finished('K-4', 'unknownAfterRestart');
    await ledger.close();
    const records = parseLedger(await ledgerText());
    expect(records.map((record) => record.state)).toEqual(['submitting', 'finished']);
  });

  it('counts only this kiosk’s job names, and starts at 0 on an empty disk', async () => {
    const ledger = await openPrintJobLedger({ dir });
    expect(ledger.lastJobNumber('K')).toBe(0);
    await ledger.submitting('OTHER-99');
    await ledger.submitting('K-12');
    await ledger.submitting('K-9');
    expect(ledger.lastJobNumber('K')).toBe(12);
    await ledger.close();
  });
});

describe('a long ledger', () => {
  it('is cut down at open to its newest lines and its unfinished jobs, keeping the highest job number', async () => {
    const first = await openPrintJobLedger({ dir });
    await first.submitting('K-1'); // cut off by a crash, long ago
    for (let job = 2; job <= 10; job++) {
      await first.submitting(`K-${job}`);
      await first.finished(`K-${job}`, 'done');
    }
    await first.close();
    const second = await openPrintJobLedger({ dir, maxRecords: 10, keepRecords: 4 });
    expect(second.unfinished()).toEqual([{ jobName: 'K-1' }]);
    expect(second.lastJobNumber('K')).toBe(10);
    await second.finished('K-1', 'unknownAfterRestart');
    await second.close();
    expect(parseLedger(await ledgerText()).map((record) => `${record.jobName} ${record.state}`)).toEqual([
      'K-1 submitting',
      'K-9 submitting',
      'K-9 finished',
      'K-10 submitting',
      'K-10 finished',
      'K-1 finished',
    ]);
  });
});
