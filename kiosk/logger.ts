// Logs are events, not prose: one JSON line each, an event name, a disposition, and never personal data.
// Field values are restricted to scalars so that a whole object (a card, a certificate) cannot slip in.
// Event names come from the registry in log-events.ts.

import type { LogEventName } from './log-events';

export type LogValue = string | number | boolean | null;
export type Disposition = 'success' | 'failure' | 'info';

export interface Logger {
  event(name: LogEventName, disposition: Disposition, fields?: Record<string, LogValue>): void;
}

export function createJsonLogger(write: (line: string) => void = (line) => process.stdout.write(line + '\n')): Logger {
  return {
    event(name, disposition, fields = {}) {
      write(JSON.stringify({ time: new Date().toISOString(), event: name, disposition, ...fields }));
    },
  };
}

export const silentLogger: Logger = { event() {} };
