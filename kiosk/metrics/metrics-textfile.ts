// The metrics as a file for node_exporter's textfile collector (the agent listens on loopback only, so Prometheus
// reaches a kiosk through the node_exporter it already runs). Written atomically: a temporary file in the same
// directory, fsync'd, then renamed over `kiosk.prom`, so the collector never reads half a file. The temporary
// name does not end in `.prom`, so the collector never reads it either.

import { join } from 'node:path';
import { replaceFileDurably } from '../durable-file';
import type { Logger } from '../logger';

export const TEXTFILE_NAME = 'kiosk.prom';

export async function writeMetricsTextfile(dir: string, text: string): Promise<void> {
  // Readable by node_exporter's user.
  await replaceFileDurably(join(dir, TEXTFILE_NAME), text, { mode: 0o644 });
}

/** Writes at once, then every `intervalMs` (15 s); a failure is logged when it starts and when it ends. */
export function startMetricsTextfile(options: { dir: string; text: () => Promise<string>; logger: Logger; intervalMs?: number }) {
  const { dir, logger } = options;
  let failing: string | null = null;
  let writing: Promise<void> | null = null;

  const writeOnce = async (): Promise<void> => {
    try {
      await writeMetricsTextfile(dir, await options.text());
      if (failing !== null) logger.event('metrics.textfile', 'success', { file: TEXTFILE_NAME });
      failing = null;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unknown';
      if (failing !== code) logger.event('metrics.textfile', 'failure', { file: TEXTFILE_NAME, code });
      failing = code;
    }
  };
  // A slow disk never piles writes up: a tick while one is under way is skipped.
  const tick = (): void => {
    writing ??= writeOnce().finally(() => (writing = null));
  };
  tick();
  const timer = setInterval(tick, options.intervalMs ?? 15_000);
  timer.unref();

  return {
    /** The write under way, if any (tests). */
    settled: async (): Promise<void> => {
      await writing;
    },
    async stop(): Promise<void> {
      clearInterval(timer);
      await writing;
    },
  };
}
