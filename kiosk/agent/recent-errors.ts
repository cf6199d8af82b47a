// The recent errors staff see in maintenance mode: staff alerts and failed sessions, by their code only. Read
// back from the audit log's tail at start (so they survive the nightly restart), then followed as they are logged.

import { open } from 'node:fs/promises';
import { decodeRecord } from '../audit/audit-record';
import type { Logger, LogValue } from '../logger';
import type { ErrorLine } from '../maintenance/maintenance-view';

const TAIL_BYTES = 512 * 1024;
const KEPT = 50;

/** The error a logged or audited event stands for, or null. */
function errorCode(event: string, fields: Readonly<Record<string, LogValue>>): string | null {
  if (event === 'staff.alert' && typeof fields.reason === 'string') return fields.reason;
  if (event === 'session.ended' && fields.outcome === 'failed') return typeof fields.failure === 'string' ? fields.failure : 'failed';
  return null;
}

async function auditTail(file: string): Promise<string> {
  let handle;
  try {
    handle = await open(file, 'r');
  } catch {
    return '';
  }
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - TAIL_BYTES);
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    const text = buffer.toString('utf8');
    // A tail cut mid-line starts at the next whole line.
    return start === 0 ? text : text.slice(text.indexOf('\n') + 1);
  } finally {
    await handle.close();
  }
}

export async function openRecentErrors(auditFile: string, now: () => Date = () => new Date()) {
  const lines: ErrorLine[] = [];
  const add = (line: ErrorLine) => {
    lines.unshift(line);
    if (lines.length > KEPT) lines.length = KEPT;
  };
  for (const text of (await auditTail(auditFile)).split('\n')) {
    if (!text) continue;
    const record = decodeRecord(text);
    if (!record.ok) continue;
    const code = errorCode(record.value.event, record.value.fields);
    if (code !== null) add({ at: record.value.time, code });
  }
  return {
    /** Newest first. */
    lines: (): ErrorLine[] => [...lines],
    /** The logger, noting each error on its way. */
    watching(logger: Logger): Logger {
      return {
        event(name, disposition, fields = {}) {
          logger.event(name, disposition, fields);
          const code = errorCode(name, fields);
          if (code !== null) add({ at: now().toISOString(), code });
        },
      };
    },
  };
}

export type RecentErrors = Awaited<ReturnType<typeof openRecentErrors>>;
