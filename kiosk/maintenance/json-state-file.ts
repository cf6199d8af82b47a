// A small piece of state kept in one JSON file that must survive a restart or a power cut: read once at open,
// each change written to a temporary file beside it, fsync'd, and renamed over it (the old file or the new,
// never half of one). A missing or unreadable file starts from the initial state, rewritten at the next change.

import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';

export interface JsonStateFile<T> {
  get(): T;
  /** Resolves once the new state is on disk; changes are written one at a time, in call order. */
  set(next: T): Promise<void>;
}

async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const handle = await open(temporary, 'w', 0o600);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

export async function openJsonStateFile<T>(file: string, schema: z.ZodType<T>, initial: () => T): Promise<JsonStateFile<T>> {
  await mkdir(dirname(file), { recursive: true });
  let state: T;
  try {
    const parsed = schema.safeParse(JSON.parse(await readFile(file, 'utf8')));
    state = parsed.success ? parsed.data : initial();
  } catch {
    state = initial();
  }
  let queue: Promise<unknown> = Promise.resolve();
  return {
    get: () => state,
    set(next) {
      state = next;
      const text = JSON.stringify(next);
      const write = queue.then(() => writeAtomically(file, text));
      queue = write.catch(() => {});
      return write;
    },
  };
}
