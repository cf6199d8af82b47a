import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../test/support/memory-logger';
import { parsePrometheusText } from '../../test/support/prometheus-text';
import { startMetricsTextfile, TEXTFILE_NAME, writeMetricsTextfile } from './metrics-textfile';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-textfile-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A large exposition whose every series carries its version, so a torn or mixed file shows. */
function exposition(version: number): string {
  const lines = ['# HELP kiosk_test_series A series per line.', '# TYPE kiosk_test_series gauge'];
  for (let i = 0; i < 4000; i++) lines.push(`kiosk_test_series{i="${i}"} ${version}`);
  return lines.join('\n') + '\n';
}

describe('the metrics textfile', () => {
  it('is replaced whole: a reader during 100 rewrites only ever sees a complete exposition of one version', async () => {
    await writeMetricsTextfile(dir, exposition(0));
    let writing = true;
    const reads: number[] = [];
    const reader = (async () => {
      while (writing) {
        const samples = parsePrometheusText(await readFile(join(dir, TEXTFILE_NAME), 'utf8'));
        expect(samples.size).toBe(4000);
        expect(new Set(samples.values()).size).toBe(1);
        reads.push(samples.get('kiosk_test_series{i="0"}')!);
      }
    })();
    for (let version = 1; version <= 100; version++) await writeMetricsTextfile(dir, exposition(version));
    writing = false;
    await reader;
    expect(reads.length).toBeGreaterThan(10);
    expect(new Set(reads).size).toBeGreaterThan(1); // the reader did read while versions changed
    expect(await readdir(dir)).toEqual([TEXTFILE_NAME]); // no temporary file left behind
  });

  it('writes at once and on every tick; a directory that is not there is logged once, not thrown', async () => {
    let scrapes = 0;
    const logger = createMemoryLogger();
    const writer = startMetricsTextfile({
      dir,
      text: async () => `# TYPE kiosk_x counter\nkiosk_x ${++scrapes}\n`,
      logger,
      intervalMs: 20,
    });
    await writer.settled();
    expect(await readFile(join(dir, TEXTFILE_NAME), 'utf8')).toBe('# TYPE kiosk_x counter\nkiosk_x 1\n');
    await new Promise((resolve) => setTimeout(resolve, 120));
    await writer.stop();
    expect(scrapes).toBeGreaterThan(2);

    const missing = startMetricsTextfile({ dir: join(dir, 'absent'), text: async () => 'x\n', logger, intervalMs: 10 });
    await new Promise((resolve) => setTimeout(resolve, 60));
    await missing.stop();
    const failures = logger.lines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.event === 'metrics.textfile');
    expect(failures).toEqual([expect.objectContaining({ disposition: 'failure', code: 'ENOENT', file: TEXTFILE_NAME })]);
  });
});
