// The compiled development kiosk killed with `kill -9` while a job prints, and after one printed: restarted in
// the same working directory, it reports the job whose outcome it cannot know to staff once, submits nothing
// again, goes on numbering jobs past the ledger's highest, and its ledger holds nothing about the citizen.

import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLedger, PRINT_JOB_LEDGER_FILE, type PrintJobLedgerRecord } from '../../kiosk/printing/print-job-ledger';
import { testCitizens } from '../../scripts/synthetic-population';
import { startKioskProcess, type KioskProcess } from '../support/kiosk-process';
import { localApi } from '../support/local-api';
import { personalDataFoundIn } from '../support/personal-data';

const citizen = testCitizens.find((candidate) => candidate.key === 'zhang-san')!;
const started: KioskProcess[] = [];
const workDirs: string[] = [];

afterEach(async () => {
  for (const kiosk of started.splice(0)) await kiosk.stop();
  for (const dir of workDirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function freshWorkDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kiosk-ledger-'));
  workDirs.push(dir);
  return dir;
}

async function start(cwd: string): Promise<KioskProcess> {
  const kiosk = await startKioskProcess({ cwd });
  started.push(kiosk);
  return kiosk;
}

const ledgerPath = (cwd: string) => join(cwd, '.kiosk-data', 'print-jobs', PRINT_JOB_LEDGER_FILE);
const ledgerText = (cwd: string) => readFile(ledgerPath(cwd), 'utf8').catch(() => '');
const ledger = async (cwd: string): Promise<PrintJobLedgerRecord[]> => parseLedger(await ledgerText(cwd));

async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} never happened`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const unknownOutcomeAlerts = (kiosk: KioskProcess) =>
  kiosk
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => entry.event === 'staff.alert' && entry.reason === 'printJobOutcomeUnknown');

async function walkToPrint(kiosk: KioskProcess): Promise<void> {
  const api = localApi(kiosk.url);
  await api.consentTo('residence-proof', citizen.key);
  await api.waitForScreen('preview', 20_000);
  await api.event({ type: 'PRINT' });
}

describe('the print-job ledger across kill -9', () => {
  it('reports a job killed while the printer held it once, and never prints it again', async () => {
    const cwd = await freshWorkDir();
    const first = await start(cwd);
    await localApi(first.url).post('/api/sim/a4-printer', { action: 'slow', pageMs: 3000 });
    await walkToPrint(first);
    await until(async () => (await ledger(cwd)).some((record) => record.state === 'held'), 'the printer holding the job');
    await first.kill();
    const killed = (await ledger(cwd)).find((record) => record.state === 'held');
    if (killed?.state !== 'held') throw new Error('no held record');

    const second = await start(cwd);
    await until(async () => unknownOutcomeAlerts(second).length > 0, 'the staff alert');
    expect(unknownOutcomeAlerts(second)).toEqual([expect.objectContaining({ jobName: killed.jobName, jobId: killed.jobId })]);
    // Nothing is submitted again: the spool (emptied at start) stays empty, the ledger has no new submission.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await readdir(second.spoolDir)).toEqual([]);
    const records = await ledger(cwd);
    expect(records.filter((record) => record.state === 'submitting')).toHaveLength(1);
    expect(records.at(-1)).toMatchObject({ jobName: killed.jobName, state: 'finished', outcome: 'unknownAfterRestart' });
    await second.kill();

    // Reported once: a further restart says nothing more.
    const third = await start(cwd);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(unknownOutcomeAlerts(third)).toEqual([]);
    expect(personalDataFoundIn(await ledgerText(cwd), testCitizens)).toEqual([]);
  }, 60_000);

  it('killed the moment PRINT was pressed: whatever reached the ledger is reported once, nothing prints again', async () => {
    // The kill may land before the ledger's `submitting`, between it and the printer holding the job, or after.
    const cwd = await freshWorkDir();
    const first = await start(cwd);
    await localApi(first.url).post('/api/sim/a4-printer', { action: 'slow', pageMs: 3000 });
    await walkToPrint(first);
    await first.kill();
    const started = (await ledger(cwd)).filter((record) => record.state === 'submitting');
    expect(started.length).toBeLessThanOrEqual(1);

    const second = await start(cwd);
    if (started.length === 1) await until(async () => unknownOutcomeAlerts(second).length > 0, 'the staff alert');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(unknownOutcomeAlerts(second).map((alert) => alert.jobName)).toEqual(started.map((record) => record.jobName));
    expect(await readdir(second.spoolDir)).toEqual([]);
  }, 60_000);

  it('says nothing after a job that finished, and numbers the next job past it', async () => {
    const cwd = await freshWorkDir();
    const first = await start(cwd);
    await walkToPrint(first);
    await localApi(first.url).waitForScreen('takeItems', 20_000);
    await until(async () => (await ledger(cwd)).some((record) => record.state === 'finished'), 'the finished record');
    await first.kill();
    const [done] = await ledger(cwd);

    const second = await start(cwd);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(unknownOutcomeAlerts(second)).toEqual([]);
    await walkToPrint(second);
    await until(async () => (await ledger(cwd)).length > 3, 'the next submission');
    const next = (await ledger(cwd))[3]!;
    const number = (jobName: string) => Number(/-(\d+)$/.exec(jobName)![1]);
    expect(number(next.jobName)).toBe(number(done!.jobName) + 1);
    expect(personalDataFoundIn(await ledgerText(cwd), testCitizens)).toEqual([]);
  }, 60_000);
});
