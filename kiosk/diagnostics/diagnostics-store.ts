// The self-test records on disk: <dataDir>/diagnostics/records.jsonl, one JSON record a line, appended, and cut
// back to the newest 500 when it has grown past twice that (so a kiosk's disk holds a bounded history).
// Writes are queued so two runs never interleave; a line that does not parse (a torn write) is skipped.

import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { diagnosticRecordSchema, type DiagnosticRecord } from './diagnostic-record';

export const DIAGNOSTIC_RECORDS_KEPT = 500;

export interface DiagnosticsStore {
  readonly file: string;
  append(records: readonly DiagnosticRecord[]): Promise<void>;
  /** The newest records, oldest first. */
  recent(limit?: number): Promise<DiagnosticRecord[]>;
}

export function createDiagnosticsStore(dataDir: string, kept = DIAGNOSTIC_RECORDS_KEPT): DiagnosticsStore {
  const dir = join(dataDir, 'diagnostics');
  const file = join(dir, 'records.jsonl');
  let queue: Promise<unknown> = Promise.resolve();
  let lines: number | null = null; // records in the file, once known

  async function readText(): Promise<string> {
    try {
      return await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw error;
    }
  }

  const readAll = async () => parseRecords(await readText());

  function parseRecords(text: string): DiagnosticRecord[] {
    const records: DiagnosticRecord[] = [];
    for (const line of text.split('\n')) {
      if (!line) continue;
      try {
        const parsed = diagnosticRecordSchema.safeParse(JSON.parse(line));
        if (parsed.success) records.push(parsed.data);
      } catch {
        // a torn line: skipped
      }
    }
    return records;
  }

  async function append(records: readonly DiagnosticRecord[]): Promise<void> {
    if (records.length === 0) return;
    await mkdir(dir, { recursive: true });
    let separator = '';
    if (lines === null) {
      const text = await readText();
      lines = parseRecords(text).length;
      // A torn last line (a power cut mid-write) is ended, so the first new record starts a line of its own.
      if (text.length > 0 && !text.endsWith('\n')) separator = '\n';
    }
    await appendFile(file, separator + records.map((record) => JSON.stringify(record) + '\n').join(''));
    lines += records.length;
    if (lines <= kept * 2) return;
    // Rewritten beside and renamed over: a power cut leaves the old file or the new one, never half of one.
    const newest = (await readAll()).slice(-kept);
    const temporary = `${file}.tmp`;
    await writeFile(temporary, newest.map((record) => JSON.stringify(record) + '\n').join(''));
    await rename(temporary, file);
    lines = newest.length;
  }

  function queued<T>(work: () => Promise<T>): Promise<T> {
    const run = queue.then(work);
    queue = run.catch(() => {});
    return run;
  }

  return {
    file,
    append: (records) => queued(() => append(records)),
    recent: (limit = kept) => queued(async () => (await readAll()).slice(-Math.min(limit, kept))),
  };
}
