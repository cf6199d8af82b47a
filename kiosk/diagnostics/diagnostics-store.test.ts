import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiagnosticRecord } from './diagnostic-record';
import { createDiagnosticsStore } from './diagnostics-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'diagnostics-store-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function record(n: number): DiagnosticRecord {
  return { id: `r${n}`, test: 'scanner', startedAt: new Date(n).toISOString(), durationMs: 1, by: 'shell', outcome: 'passed', details: {} };
}

describe('the diagnostics store', () => {
  it('appends records and reads them back oldest first', async () => {
    const store = createDiagnosticsStore(dir);
    expect(await store.recent()).toEqual([]);
    await store.append([record(1), record(2)]);
    await store.append([record(3)]);
    expect((await store.recent()).map((r) => r.id)).toEqual(['r1', 'r2', 'r3']);
    expect((await store.recent(2)).map((r) => r.id)).toEqual(['r2', 'r3']);
    expect(store.file).toBe(join(dir, 'diagnostics', 'records.jsonl'));
  });

  it('keeps a bounded history: never more than the newest N are read, the file cut back past 2N', async () => {
    const store = createDiagnosticsStore(dir, 5);
    for (let n = 1; n <= 11; n++) await store.append([record(n)]);
    expect((await store.recent()).map((r) => r.id)).toEqual(['r7', 'r8', 'r9', 'r10', 'r11']);
    const lines = (await readFile(store.file, 'utf8')).trim().split('\n');
    expect(lines.length).toBeLessThanOrEqual(10);
  });

  it('skips a torn last line and goes on appending after it', async () => {
    const store = createDiagnosticsStore(dir);
    await store.append([record(1)]);
    await appendFile(store.file, '{"id":"r2","te');
    const later = createDiagnosticsStore(dir);
    await later.append([record(3)]);
    expect((await later.recent()).map((r) => r.id)).toEqual(['r1', 'r3']);
  });
});
