// One audit record as one JSON line, and the hash that chains it to the record before.
//
// The rule: a record says what happened (event, outcome and failure codes, device kinds, errand and request ids),
// never who it happened to. No name, ID number, photo, certificate content, nor a hash of any of them: a hash of
// an ID number is the ID number to anyone who can enumerate the few billion candidates. Field values are scalars
// so that a whole object (a card, a certificate) cannot slip in.

import { createHash } from 'node:crypto';
import { err, ok, type Result } from '../../device-drivers/result';
import { isAuditEvent, type AuditEventName } from './audit-events';

export type AuditValue = string | number | boolean | null;
export type AuditFields = Readonly<Record<string, AuditValue>>;

export interface AuditRecord {
  /** 1 for the first record of the file, then one more each time. */
  seq: number;
  time: string;
  event: AuditEventName;
  fields: AuditFields;
  /** The previous record's hash; the first record's is `genesisHash`. */
  prev: string;
  /** SHA-256 over the canonical record, which includes `prev`. */
  hash: string;
}

export const genesisHash = '0'.repeat(64);
const hexHash = /^[0-9a-f]{64}$/;

function isScalar(value: unknown): value is AuditValue {
  return value === null || typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** Fields in key order, so the same record always hashes the same. */
function sortedFields(fields: AuditFields): AuditFields {
  return Object.fromEntries(
    Object.keys(fields)
      .sort()
      .map((key) => [key, fields[key]!]),
  );
}

export function recordHash(body: Omit<AuditRecord, 'hash'>): string {
  const canonical = JSON.stringify([body.seq, body.time, body.event, sortedFields(body.fields), body.prev]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** The record with its hash, or why its fields cannot be recorded. */
export function sealRecord(body: Omit<AuditRecord, 'hash'>): Result<AuditRecord, string> {
  for (const [key, value] of Object.entries(body.fields)) {
    if (!isScalar(value)) return err(`field ${key} is not a finite scalar`);
  }
  const fields = sortedFields(body.fields);
  return ok({ ...body, fields, hash: recordHash({ ...body, fields }) });
}

export function encodeRecord(record: AuditRecord): string {
  const { seq, time, event, fields, prev, hash } = record;
  return JSON.stringify({ seq, time, event, fields: sortedFields(fields), prev, hash }) + '\n';
}

/** A line (without its line end) back into a record whose hash matches its content, or what is wrong with it. */
export function decodeRecord(line: string): Result<AuditRecord, string> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    return err('not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return err('not a record');
  const { seq, time, event, fields, prev, hash, ...extra } = value as Record<string, unknown>;
  if (Object.keys(extra).length > 0) return err(`unknown keys ${Object.keys(extra).join(', ')}`);
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) return err('seq is not a positive integer');
  if (typeof time !== 'string') return err('time is not a string');
  if (typeof event !== 'string' || !isAuditEvent(event)) return err('event is not an audit event');
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return err('fields is not an object');
  if (!Object.values(fields).every(isScalar)) return err('a field is not a scalar');
  if (typeof prev !== 'string' || !hexHash.test(prev)) return err('prev is not a SHA-256 hash');
  if (typeof hash !== 'string' || !hexHash.test(hash)) return err('hash is not a SHA-256 hash');
  const body = { seq, time, event, fields: fields as AuditFields, prev };
  if (recordHash(body) !== hash) return err('hash does not match the record');
  return ok({ ...body, hash });
}
