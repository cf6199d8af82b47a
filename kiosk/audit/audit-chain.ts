// Reads an audit file's bytes and checks its chain. Two findings, told apart on purpose:
// - a torn last record: the last line is cut short (no line end) or does not decode. A power cut during an
//   append leaves exactly this; the records before it keep their chain. The caller reports it.
// - a broken chain: a record before the last does not decode, or a record does not follow the one before it
//   (seq, prev). No power cut does that: it is damage or tampering, reported and never repaired.

import { decodeRecord, genesisHash } from './audit-record';

export interface ChainTip {
  seq: number;
  hash: string;
}

export interface TornTail {
  /** Where the torn record starts: the file's good part is the bytes before it. */
  atByte: number;
  bytes: Buffer;
  reason: string;
}

export interface ChainBreak {
  /** 1-based line number in the file. */
  line: number;
  atByte: number;
  /** The broken record's seq when it decodes. */
  seq: number | null;
  reason: string;
}

export interface ChainScan {
  /** Records that decode, the torn one not counted. */
  records: number;
  /** What the next record follows: the last decoded record (or the genesis of an empty file). */
  tip: ChainTip;
  torn: TornTail | null;
  /** The first break only; the chain after it is not vouched for. */
  broken: ChainBreak | null;
}

const LINE_END = 0x0a;

export function scanChain(content: Buffer): ChainScan {
  let tip: ChainTip = { seq: 0, hash: genesisHash };
  let records = 0;
  let broken: ChainBreak | null = null;
  let start = 0;
  const tornFrom = (reason: string): ChainScan => ({
    records,
    tip,
    torn: { atByte: start, bytes: Buffer.from(content.subarray(start)), reason },
    broken,
  });
  for (let line = 1; start < content.length; line++) {
    const end = content.indexOf(LINE_END, start);
    if (end === -1) return tornFrom('cut short: no line end');
    const decoded = decodeRecord(content.subarray(start, end).toString('utf8'));
    if (!decoded.ok && end === content.length - 1) return tornFrom(decoded.error);
    if (!decoded.ok) {
      broken ??= { line, atByte: start, seq: null, reason: decoded.error };
    } else {
      const record = decoded.value;
      if (record.seq !== tip.seq + 1)
        broken ??= { line, atByte: start, seq: record.seq, reason: `seq ${record.seq} follows seq ${tip.seq}` };
      else if (record.prev !== tip.hash)
        broken ??= { line, atByte: start, seq: record.seq, reason: 'prev is not the hash of the record before' };
      tip = { seq: record.seq, hash: record.hash };
      records++;
    }
    start = end + 1;
  }
  return { records, tip, torn: null, broken };
}
