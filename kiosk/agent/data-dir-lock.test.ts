import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_DIR_LOCK, lockDataDir } from './data-dir-lock';

const dirs: string[] = [];
async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kiosk-lock-'));
  dirs.push(dir);
  return dir;
}
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

const bootId = (): Promise<string> => readFile('/proc/sys/kernel/random/boot_id', 'utf8').then((text) => text.trim());

describe('the data directory lock', () => {
  it('lets one agent in, refuses a second while the first runs, and lets the next in once it is released', async () => {
    const dir = await dataDir();
    const first = await lockDataDir(dir);
    expect(first.ok).toBe(true);
    // A live process other than this one holds it: write its pid as the holder.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await writeFile(join(dir, DATA_DIR_LOCK), JSON.stringify({ pid: holder.pid, bootId: await bootId() }));
      const second = await lockDataDir(dir);
      expect(second).toEqual({ ok: false, error: expect.stringContaining(`pid ${holder.pid}`) });
    } finally {
      holder.kill();
    }
    await new Promise((resolve) => holder.once('exit', resolve));
    const afterExit = await lockDataDir(dir);
    expect(afterExit.ok).toBe(true);
    if (afterExit.ok) await afterExit.value.release();
    expect(await readFile(join(dir, DATA_DIR_LOCK)).catch(() => null)).toBeNull();
  });

  it('takes over a lock left by a process that is gone, by another boot, or unreadable', async () => {
    const dir = await dataDir();
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    const stale = [
      JSON.stringify({ pid: gone.pid, bootId: await bootId() }),
      JSON.stringify({ pid: process.ppid, bootId: 'another-boot' }),
      'half-writ',
    ];
    for (const content of stale) {
      await writeFile(join(dir, DATA_DIR_LOCK), content);
      const lock = await lockDataDir(dir);
      expect(lock.ok, content).toBe(true);
      expect(JSON.parse(await readFile(join(dir, DATA_DIR_LOCK), 'utf8'))).toEqual({ pid: process.pid, bootId: await bootId() });
      if (lock.ok) await lock.value.release();
    }
  });
});
