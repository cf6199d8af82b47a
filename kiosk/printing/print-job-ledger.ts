// The print-job ledger on disk (dataDir/print-jobs/ledger.jsonl): one JSON line a step of each job, appended and
// fsync'd, so that after a crash the kiosk knows which jobs may have printed. It holds the kiosk-wide job name,
// the printer's job id and the outcome, never the document or anything about the citizen.
// A job with `submitting` or `held` and no `finished` had its outcome cut off by a crash: it is reported to staff
// and never resubmitted (the document is not kept). A torn last line (a crash mid-write) is skipped.
// Past `maxRecords` lines the file is rewritten at open (to a side file, fsync'd, renamed over it) keeping the
// unfinished jobs and the newest `keepRecords` lines, which hold the highest job number.

import { mkdir, open, readFile, rename, writeFile, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

export type PrintJobOutcome = 'done' | 'failed' | 'unknownAfterRestart';

const ledgerRecordSchema = z.discriminatedUnion('state', [
  z.object({ jobName: z.string(), printer: z.literal('a4'), state: z.literal('submitting'), time: z.string() }),
  z.object({ jobName: z.string(), printer: z.literal('a4'), state: z.literal('held'), jobId: z.string(), time: z.string() }),
  z.object({
    jobName: z.string(),
    printer: z.literal('a4'),
    state: z.literal('finished'),
    outcome: z.enum(['done', 'failed', 'unknownAfterRestart']),
    time: z.string(),
  }),
]);

export type PrintJobLedgerRecord = z.infer<typeof ledgerRecordSchema>;

/** A job the ledger saw start and never finish. */
export interface UnfinishedPrintJob {
  jobName: string;
  /** The printer's id, when it held the job. */
  jobId?: string;
}

export interface PrintJobLedger {
  submitting(jobName: string): Promise<void>;
  held(jobName: string, jobId: string): Promise<void>;
  finished(jobName: string, outcome: PrintJobOutcome): Promise<void>;
  /** The jobs read at open that never finished, in ledger order. */
  unfinished(): UnfinishedPrintJob[];
  /** The highest counter among the ledger's job names `<kioskId>-<n>`; 0 when none. */
  lastJobNumber(kioskId: string): number;
  close(): Promise<void>;
}

export const PRINT_JOB_LEDGER_FILE = 'ledger.jsonl';

export function parseLedger(text: string): PrintJobLedgerRecord[] {
  const records: PrintJobLedgerRecord[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue; // torn by a crash mid-write
    }
    const record = ledgerRecordSchema.safeParse(parsed);
    if (record.success) records.push(record.data);
  }
  return records;
}

function unfinishedJobs(records: readonly PrintJobLedgerRecord[]): UnfinishedPrintJob[] {
  const open = new Map<string, UnfinishedPrintJob>();
  for (const record of records) {
    if (record.state === 'submitting') open.set(record.jobName, { jobName: record.jobName });
    else if (record.state === 'held') open.set(record.jobName, { jobName: record.jobName, jobId: record.jobId });
    else open.delete(record.jobName);
  }
  return [...open.values()];
}

async function compacted(path: string, records: PrintJobLedgerRecord[], keepRecords: number): Promise<PrintJobLedgerRecord[]> {
  const open = new Set(unfinishedJobs(records).map((job) => job.jobName));
  const newest = records.length - keepRecords;
  const kept = records.filter((record, index) => index >= newest || open.has(record.jobName));
  const side = `${path}.compacting`;
  await writeFile(side, kept.map((record) => `${JSON.stringify(record)}\n`).join(''), { flush: true });
  await rename(side, path);
  return kept;
}

export async function openPrintJobLedger(options: {
  dir: string;
  now?: () => Date;
  maxRecords?: number;
  keepRecords?: number;
}): Promise<PrintJobLedger> {
  const now = options.now ?? (() => new Date());
  await mkdir(options.dir, { recursive: true });
  const path = join(options.dir, PRINT_JOB_LEDGER_FILE);
  let text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  let records = parseLedger(text);
  if (records.length > (options.maxRecords ?? 30_000)) {
    records = await compacted(path, records, options.keepRecords ?? 1_000);
    text = '';
  }
  const unfinished = unfinishedJobs(records);
  const jobNames = records.map((record) => record.jobName);
  const handle: FileHandle = await open(path, 'a');
  // Appends one after another, each on disk before the next; a torn last line gets its own line ended first.
  let queue: Promise<void> = text.length > 0 && !text.endsWith('\n') ? handle.appendFile('\n') : Promise.resolve();

  function append(record: PrintJobLedgerRecord): Promise<void> {
    jobNames.push(record.jobName);
    const written = queue.then(async () => {
      await handle.appendFile(`${JSON.stringify(record)}\n`);
      await handle.sync();
    });
    queue = written.catch(() => undefined);
    return written;
  }

  return {
    submitting: (jobName) => append({ jobName, printer: 'a4', state: 'submitting', time: now().toISOString() }),
    held: (jobName, jobId) => append({ jobName, printer: 'a4', state: 'held', jobId, time: now().toISOString() }),
    finished: (jobName, outcome) => append({ jobName, printer: 'a4', state: 'finished', outcome, time: now().toISOString() }),
    unfinished: () => unfinished,
    lastJobNumber(kioskId) {
      const prefix = `${kioskId}-`;
      let highest = 0;
      for (const name of jobNames) {
        if (!name.startsWith(prefix)) continue;
        const number = Number(name.slice(prefix.length));
        if (Number.isSafeInteger(number) && number > highest) highest = number;
      }
      return highest;
    },
    async close() {
      await queue;
      await handle.close();
    },
  };
}
