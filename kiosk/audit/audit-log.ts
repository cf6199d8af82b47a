// The append-only audit log on disk: dataDir/audit/audit.log, one hash-chained JSON line per record
// (audit-record.ts). Each append is written and fdatasync'd before its promise resolves, one at a time in call
// order. Opening checks the chain (audit-chain.ts): a torn last record, what a power cut mid-append leaves, is
// copied to a side file beside the log, cut off, and returned for the caller to report; appending goes on from
// the last good record. A broken chain is returned too and left as it is: evidence is not repaired.

import { open, readFile, mkdir, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { err, ok, type Result } from '../../device-drivers/result';
import type { AuditEventName } from './audit-events';
import { scanChain, type ChainBreak, type ChainTip } from './audit-chain';
import { encodeRecord, sealRecord, type AuditFields } from './audit-record';
import { syncDirectory } from '../durable-file';

export function auditLogFile(dataDir: string): string {
  return join(dataDir, 'audit', 'audit.log');
}

/** The side file a torn record found at `time` is kept in. */
export function tornRecordFile(logFile: string, time: Date): string {
  return `${logFile}.torn-${time.toISOString().replace(/:/g, '-')}`;
}

export interface TornRecordSetAside {
  atByte: number;
  length: number;
  reason: string;
  /** The side file holding the torn bytes. */
  file: string;
}

export interface AuditLog {
  readonly file: string;
  /** Resolves once the record is on disk. Scalars only: see audit-record.ts for what may never be recorded. */
  append(event: AuditEventName, fields?: AuditFields): Promise<Result<ChainTip, string>>;
  /** Waits for the appends under way, then closes the file. */
  close(): Promise<void>;
}

export interface OpenedAuditLog {
  log: AuditLog;
  /** How many good records the file held when opened. */
  records: number;
  torn: TornRecordSetAside | null;
  broken: ChainBreak | null;
}

async function readIfPresent(file: string): Promise<Buffer | null> {
  try {
    return await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

async function writeDurably(file: string, bytes: Buffer): Promise<void> {
  const handle = await open(file, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Unreadable or unwritable storage throws: the caller cannot run without its data directory. */
export async function openAuditLog(dataDir: string, options: { now?: () => Date } = {}): Promise<OpenedAuditLog> {
  const now = options.now ?? (() => new Date());
  const file = auditLogFile(dataDir);
  await mkdir(dirname(file), { recursive: true });
  const content = await readIfPresent(file);
  const scan = scanChain(content ?? Buffer.alloc(0));

  let torn: TornRecordSetAside | null = null;
  if (scan.torn) {
    // Kept first, cut second: a crash between the two leaves the bytes in both places, never in neither.
    const sideFile = tornRecordFile(file, now());
    await writeDurably(sideFile, scan.torn.bytes);
    const handle = await open(file, 'r+');
    try {
      await handle.truncate(scan.torn.atByte);
      await handle.sync();
    } finally {
      await handle.close();
    }
    torn = { atByte: scan.torn.atByte, length: scan.torn.bytes.length, reason: scan.torn.reason, file: sideFile };
  }

  const handle = await open(file, 'a');
  if (content === null || torn) await syncDirectory(dirname(file));
  if (content === null) await syncDirectory(dataDir); // the audit directory may be new too
  return {
    log: appendingLog(file, handle, scan.tip, scan.torn?.atByte ?? content?.length ?? 0, now),
    records: scan.records,
    torn,
    broken: scan.broken,
  };
}

function appendingLog(file: string, handle: FileHandle, start: ChainTip, startSize: number, now: () => Date): AuditLog {
  let tip = start;
  let size = startSize;
  let queue: Promise<unknown> = Promise.resolve();

  async function write(event: AuditEventName, fields: AuditFields): Promise<Result<ChainTip, string>> {
    const sealed = sealRecord({ seq: tip.seq + 1, time: now().toISOString(), event, fields, prev: tip.hash });
    if (!sealed.ok) return sealed;
    const bytes = Buffer.from(encodeRecord(sealed.value), 'utf8');
    try {
      await handle.write(bytes);
      await handle.datasync();
    } catch (error) {
      // A half-written line would break the chain for every later record: cut it off (best effort) and stay put.
      await handle.truncate(size).catch(() => undefined);
      return err(`cannot write ${basename(file)}: ${(error as Error).message}`);
    }
    size += bytes.length;
    tip = { seq: sealed.value.seq, hash: sealed.value.hash };
    return ok(tip);
  }

  return {
    file,
    append(event, fields = {}) {
      const defined = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      const appended = queue.then(() => write(event, defined));
      queue = appended;
      return appended;
    },
    async close() {
      await queue;
      await handle.close();
    },
  };
}
