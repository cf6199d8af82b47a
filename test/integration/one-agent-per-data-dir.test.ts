// Two agents on one data directory would interleave the audit chain and the ledgers: the second is refused with
// the first's pid, and a lock left by a killed agent does not keep the next one out.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startKioskProcess, type KioskProcess } from '../support/kiosk-process';

const running: KioskProcess[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const kiosk of running.splice(0)) await kiosk.stop();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

describe('one agent per data directory', () => {
  it('refuses a second agent while the first runs, and starts after the first was killed', async () => {
    const workDir = await mkdtemp(join(tmpdir(), 'kiosk-lock-'));
    dirs.push(workDir);
    const first = await startKioskProcess({ cwd: workDir });
    running.push(first);
    await expect(startKioskProcess({ cwd: workDir })).rejects.toThrow(
      /exited with 1:[\s\S]*The kiosk did not start: another agent \(pid \d+\) is using the data directory/,
    );
    await first.kill();
    const next = await startKioskProcess({ cwd: workDir });
    running.push(next);
    expect((await fetch(new URL('/api/health', next.url))).status).toBe(200);
  });
});
