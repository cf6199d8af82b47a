// One agent per data directory. The audit chain, the print-job ledger, the ratings outbox and the PIN lock each
// assume a single writer; a second agent started on the same directory (a unit run twice, a shell left running)
// would interleave their records. The lock file names its holder's pid and boot: a holder that is gone, or one
// from before a reboot, left a stale lock that is taken over.

import { readFileSync } from 'node:fs';
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok, type Result } from '../../device-drivers/result';

export const DATA_DIR_LOCK = 'agent.lock';

interface LockHolder {
  pid: number;
  bootId: string;
}

export interface DataDirLock {
  release(): Promise<void>;
}

function currentBootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return 'unknown';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(text: string): LockHolder | null {
  try {
    const parsed = JSON.parse(text) as Partial<LockHolder>;
    return typeof parsed.pid === 'number' && Number.isInteger(parsed.pid) && typeof parsed.bootId === 'string'
      ? { pid: parsed.pid, bootId: parsed.bootId }
      : null;
  } catch {
    return null;
  }
}

/** Takes the data directory for this process, or says which live process holds it. */
export async function lockDataDir(dataDir: string): Promise<Result<DataDirLock, string>> {
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, DATA_DIR_LOCK);
  const me: LockHolder = { pid: process.pid, bootId: currentBootId() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(file, 'wx');
      try {
        await handle.writeFile(JSON.stringify(me));
        await handle.sync();
      } finally {
        await handle.close();
      }
      return ok({ release: () => rm(file, { force: true }) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = holderOf(await readFile(file, 'utf8').catch(() => ''));
    const live = holder !== null && holder.bootId === me.bootId && holder.pid !== me.pid && isRunning(holder.pid);
    if (live) return err(`another agent (pid ${holder.pid}) is using the data directory ${dataDir}; stop it first`);
    // Stale (its holder is gone, or from before a reboot, or unreadable): take it over.
    await rm(file, { force: true });
  }
  return err(`cannot take the lock ${file}: another process keeps creating it`);
}
