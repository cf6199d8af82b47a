// A small piece of state kept in one JSON file that must survive a restart or a power cut: read once at open,
// each change replaced whole (durable-file.ts: the old file or the new, never half of one). A missing or
// unreadable file starts from the initial state, rewritten at the next change.

import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { z } from 'zod';
import { replaceFileDurably } from '../durable-file';

export interface JsonStateFile<T> {
  get(): T;
  /** Resolves once the new state is on disk; changes are written one at a time, in call order. */
  set(next: T): Promise<void>;
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
      const write = queue.then(() => replaceFileDurably(file, text));
      queue = write.catch(() => {});
      return write;
    },
  };
}
