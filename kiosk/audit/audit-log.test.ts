// The audit log's chain: appends in order, fsync'd; a torn last record cut at every byte is set aside and the
// chain before it holds; a record changed in the middle is a break, reported and left as it is.

import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanChain } from './audit-chain';
import { auditLogFile, openAuditLog } from './audit-log';
import { decodeRecord, genesisHash, recordHash, type AuditRecord } from './audit-record';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kiosk-audit-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

async function writeRecords(count: number, dir = dataDir): Promise<Buffer> {
  const { log } = await openAuditLog(dir);
  for (let i = 0; i < count; i++) {
    const appended = await log.append('session.ended', { errandId: 'residence-proof', outcome: 'issued', failure: null, n: i });
    expect(appended.ok).toBe(true);
  }
  await log.close();
  return readFile(auditLogFile(dir));
}

/** Byte offsets where each line starts. */
function lineStarts(content: Buffer): number[] {
  const starts = [0];
  for (let i = 0; i < content.length - 1; i++) if (content[i] === 0x0a) starts.push(i + 1);
  return starts;
}

describe('the audit log', () => {
  it('chains each record to the one before, one JSON line each, and verifies', async () => {
    const content = await writeRecords(3);
    const lines = content.toString('utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const records = lines.map((line) => {
      const decoded = decodeRecord(line);
      if (!decoded.ok) throw new Error(decoded.error);
      return decoded.value;
    });
    expect(records.map((r) => r.seq)).toEqual([1, 2, 3]);
    expect(records[0]!.prev).toBe(genesisHash);
    expect(records[1]!.prev).toBe(records[0]!.hash);
    expect(records[2]!.prev).toBe(records[1]!.hash);
    expect(records[0]).toMatchObject({
      event: 'session.ended',
      fields: { errandId: 'residence-proof', outcome: 'issued', failure: null, n: 0 },
    });
    expect(scanChain(content)).toEqual({ records: 3, tip: { seq: 3, hash: records[2]!.hash }, torn: null, broken: null });
  });

  it('continues the chain across a reopen', async () => {
    await writeRecords(2);
    const content = await writeRecords(2);
    const scan = scanChain(content);
    expect(scan).toMatchObject({ records: 4, tip: { seq: 4 }, torn: null, broken: null });
  });

  it('keeps concurrent appends in call order, each resolved once on disk', async () => {
    const { log } = await openAuditLog(dataDir);
    const results = await Promise.all(Array.from({ length: 20 }, (_, n) => log.append('staff.alert', { reason: 'test', n })));
    expect(results.map((r) => (r.ok ? r.value.seq : -1))).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
    await log.close();
    const content = await readFile(auditLogFile(dataDir));
    const ns = content
      .toString()
      .trimEnd()
      .split('\n')
      .map((line) => (JSON.parse(line) as { fields: { n: number } }).fields.n);
    expect(ns).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });

  it('refuses a field that is not a scalar, and the chain goes on', async () => {
    const { log } = await openAuditLog(dataDir);
    const card = { name: 'x' } as unknown as string;
    expect(await log.append('staff.alert', { reason: 'test', card })).toEqual({ ok: false, error: 'field card is not a finite scalar' });
    expect(await log.append('staff.alert', { reason: 'test' })).toMatchObject({ ok: true, value: { seq: 1 } });
    await log.close();
  });

  it('sets aside a last record cut at every byte, keeps the chain before it, and appends after it', async () => {
    const whole = await writeRecords(3);
    const lastStart = lineStarts(whole).at(-1)!;
    // Cut at lastStart is a whole file of two records, and at whole.length the complete one: every length between is torn.
    for (let cut = lastStart + 1; cut < whole.length; cut++) {
      const dir = join(dataDir, `cut-${cut}`);
      await writeRecords(0, dir);
      await writeFile(auditLogFile(dir), whole.subarray(0, cut));

      const opened = await openAuditLog(dir);
      expect(opened.torn, `cut at ${cut}`).toMatchObject({ atByte: lastStart, length: cut - lastStart });
      expect(opened.broken, `cut at ${cut}`).toBeNull();
      expect(opened.records).toBe(2);
      const appended = await opened.log.append('agent.started', { kioskId: 'kiosk-test' });
      expect(appended).toMatchObject({ ok: true, value: { seq: 3 } });
      await opened.log.close();

      const after = await readFile(auditLogFile(dir));
      expect(after.subarray(0, lastStart).equals(whole.subarray(0, lastStart))).toBe(true);
      expect(scanChain(after)).toMatchObject({ records: 3, torn: null, broken: null });
      const sideFiles = (await readdir(join(dir, 'audit'))).filter((name) => name.startsWith('audit.log.torn-'));
      expect(sideFiles).toHaveLength(1);
      expect((await readFile(join(dir, 'audit', sideFiles[0]!))).equals(whole.subarray(lastStart, cut))).toBe(true);
      await rm(dir, { recursive: true });
    }
  });

  it('finds a torn last record that is complete but garbled (zeros where the write was lost)', async () => {
    const whole = await writeRecords(2);
    const lastStart = lineStarts(whole).at(-1)!;
    const garbled = Buffer.from(whole);
    garbled.fill(0, lastStart + 10, lastStart + 30);
    expect(scanChain(garbled)).toMatchObject({ records: 1, torn: { atByte: lastStart, reason: 'not JSON' }, broken: null });
  });

  it('reports a record changed in the middle as a break, and leaves the file as it is', async () => {
    const whole = await writeRecords(3);
    const tampered = Buffer.from(whole.toString('utf8').replace('"n":1', '"n":7'));
    await writeFile(auditLogFile(dataDir), tampered);
    const opened = await openAuditLog(dataDir);
    expect(opened.broken).toEqual({ line: 2, atByte: lineStarts(whole)[1], seq: null, reason: 'hash does not match the record' });
    expect(opened.torn).toBeNull();
    await opened.log.close();
    expect((await readFile(auditLogFile(dataDir))).equals(tampered)).toBe(true);
  });

  it('reports a record removed from the middle, even with every hash right', async () => {
    const whole = await writeRecords(3);
    const starts = lineStarts(whole);
    const removed = Buffer.concat([whole.subarray(0, starts[1]), whole.subarray(starts[2])]);
    expect(scanChain(removed).broken).toEqual({ line: 2, atByte: starts[1], seq: 3, reason: 'seq 3 follows seq 1' });
  });

  it('reports a rewritten record whose own hash was recomputed: its successor no longer follows it', async () => {
    const whole = await writeRecords(3);
    const lines = whole.toString('utf8').trimEnd().split('\n');
    const { hash: _hash, ...second } = JSON.parse(lines[1]!) as AuditRecord;
    const forged = { ...second, fields: { ...second.fields, n: 7 } };
    lines[1] = JSON.stringify({ ...forged, hash: recordHash(forged) });
    const scan = scanChain(Buffer.from(lines.join('\n') + '\n'));
    expect(scan.broken).toMatchObject({ line: 3, seq: 3, reason: 'prev is not the hash of the record before' });
  });
});
