// The lock on maintenance entry: five wrong PINs lock it for 15 minutes. Kiosk-wide, not per staff id, so a
// thief holding several codes gets no more tries. Kept in `<dir>/pin-lock.json` (the agent passes
// `<dataDir>/maintenance`) so a restart does not reset it; a file that cannot be read or makes no sense fails
// closed: locked for the full time from open, and rewritten so.

import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { replaceFileDurably } from '../durable-file';

export interface PinLock {
  /** Entry is locked until then (null: not locked). */
  lockedUntil(): Date | null;
  attemptsLeft(): number;
  /** A wrong PIN; resolves to the lock's end once this one made it five. */
  recordWrong(): Promise<Date | null>;
  recordRight(): Promise<void>;
}

export const PIN_LOCK_FILE = 'pin-lock.json';

const stateSchema = z
  .object({
    /** Wrong PINs since the last right one or the last lock. */
    wrong: z.number().int().min(0),
    lockedUntil: z.iso.datetime().nullable(),
  })
  .strict();

type PinLockState = z.infer<typeof stateSchema>;

export async function openPinLock(options: { dir: string; now?: () => Date; maxWrong?: number; lockMs?: number }): Promise<PinLock> {
  const { dir, now = () => new Date(), maxWrong = 5, lockMs = 15 * 60 * 1000 } = options;
  const file = join(dir, PIN_LOCK_FILE);
  await mkdir(dir, { recursive: true });

  const fullLock = () => new Date(now().getTime() + lockMs).toISOString();
  const kept = await readState(file);
  let state: PinLockState =
    kept === 'missing' ? { wrong: 0, lockedUntil: null } : kept === 'unusable' ? { wrong: 0, lockedUntil: fullLock() } : kept;
  // A lock longer than a full one (the clock was set back, or the file edited) is cut to a full one from now.
  const clamped = state.lockedUntil !== null && Date.parse(state.lockedUntil) > Date.parse(fullLock());
  if (clamped) state = { wrong: 0, lockedUntil: fullLock() };
  // Locked in memory whether or not the file can be rewritten now; the next write tries again.
  if (kept === 'unusable' || clamped) await replaceFileDurably(file, JSON.stringify(state) + '\n').catch(() => undefined);

  // Writes one after another, each with the state as it was when asked: the file ends as the memory does. A write
  // that fails rejects its caller; the count in memory stands either way.
  let writing: Promise<void> = Promise.resolve();
  function save(): Promise<void> {
    const text = JSON.stringify(state) + '\n';
    const write = writing.catch(() => undefined).then(() => replaceFileDurably(file, text));
    writing = write;
    return write;
  }

  function lockedUntil(): Date | null {
    if (state.lockedUntil === null) return null;
    const until = new Date(state.lockedUntil);
    return until.getTime() > now().getTime() ? until : null;
  }

  return {
    lockedUntil,
    attemptsLeft: () => (lockedUntil() ? 0 : Math.max(0, maxWrong - state.wrong)),
    async recordWrong() {
      const locked = lockedUntil();
      if (locked) return locked; // no PIN is checked while locked; nothing to count
      const wrong = state.wrong + 1;
      state = wrong >= maxWrong ? { wrong: 0, lockedUntil: fullLock() } : { wrong, lockedUntil: null };
      // This try's answer, whatever other tries change while the file is written.
      const answer = lockedUntil();
      await save();
      return answer;
    },
    async recordRight() {
      if (state.wrong === 0 && state.lockedUntil === null) return;
      state = { wrong: 0, lockedUntil: null };
      await save();
    },
  };
}

async function readState(file: string): Promise<PinLockState | 'missing' | 'unusable'> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unusable';
  }
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : 'unusable';
  } catch {
    return 'unusable';
  }
}
