// A logger that keeps its lines in memory: for tests that search the log for personal data.

import { createJsonLogger, type Logger } from '../../kiosk/logger';

export function createMemoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, ...createJsonLogger((line) => lines.push(line)) };
}
