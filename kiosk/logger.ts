// Logs are events, not prose: one JSON line each, an event name, a disposition, and never personal data.
// Field values are restricted to scalars so that a whole object (a card, a certificate) cannot slip in.
// Event names come from the registry in log-events.ts. The lines are pino's, on stdout for the journal.

import { pino } from 'pino';
import type { LogEventName } from './log-events';

export type LogValue = string | number | boolean | null;
export type Disposition = 'success' | 'failure' | 'info';

export interface Logger {
  event(name: LogEventName, disposition: Disposition, fields?: Record<string, LogValue>): void;
}

/**
 * A logger writing one JSON line per event: `{"level":"info","time":"…","event":"…","disposition":"…",…}`.
 * By default to stdout, synchronously: no line is lost when the agent exits, and none interleaves with the banner.
 * `write` takes each line without its newline (tests keep lines in memory).
 */
export function createJsonLogger(write?: (line: string) => void): Logger {
  const destination =
    write === undefined ? pino.destination({ dest: 1, sync: true }) : { write: (chunk: string) => write(chunk.replace(/\n$/, '')) };
  const log = pino(
    {
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    destination,
  );
  return {
    event(name, disposition, fields = {}) {
      // A field never overrides what makes the line an event.
      log[disposition === 'failure' ? 'warn' : 'info']({ ...fields, event: name, disposition });
    },
  };
}

export const silentLogger: Logger = { event() {} };
