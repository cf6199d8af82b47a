// The audit log's figures on this machine's disk: one append (written and fdatasync'd before it resolves), median
// and p95 of 500 one after another; the same under a burst of 20 at once (they queue); and the start-up cost of
// opening (reading and checking the chain of) a log of 100 000 records.
// `npx tsx test/bench/audit-log.bench.ts`

import { mkdtemp, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditLogFile, openAuditLog } from '../../kiosk/audit/audit-log';
import { encodeRecord, genesisHash, sealRecord } from '../../kiosk/audit/audit-record';
import { percentile, summarize } from './bench-stats';

const APPENDS = 500;
const BURSTS = 10;
const BURST_SIZE = 20;
const LARGE_LOG = 100_000;

const dataDir = await mkdtemp(join(tmpdir(), 'kiosk-audit-bench-'));
try {
  const fs = await statfs(dataDir);
  console.log(`data directory ${dataDir} (filesystem type 0x${fs.type.toString(16)}; 0xef53 is ext4, 0x1021994 tmpfs)`);

  const { log } = await openAuditLog(dataDir);
  const fields = { errandId: 'renter-provident-fund-withdrawal', outcome: 'issued', failure: null };
  for (let i = 0; i < 20; i++) await log.append('session.ended', fields); // warm-up
  const sequential: number[] = [];
  for (let i = 0; i < APPENDS; i++) {
    const started = performance.now();
    const appended = await log.append('session.ended', fields);
    sequential.push(performance.now() - started);
    if (!appended.ok) throw new Error(appended.error);
  }
  console.log(summarize('append, fdatasync’d, one after another', sequential));

  const burst: number[] = [];
  for (let b = 0; b < BURSTS; b++) {
    const started = performance.now();
    await Promise.all(
      Array.from({ length: BURST_SIZE }, () =>
        log.append('staff.alert', { reason: 'bench' }).then(() => burst.push(performance.now() - started)),
      ),
    );
  }
  console.log(summarize(`append under a burst of ${BURST_SIZE} at once (queued in order)`, burst));
  await log.close();

  const largeDir = join(dataDir, 'large');
  await openAuditLog(largeDir).then(({ log: empty }) => empty.close());
  const lines: string[] = [];
  let tip = { seq: 0, hash: genesisHash };
  for (let seq = 1; seq <= LARGE_LOG; seq++) {
    const sealed = sealRecord({ seq, time: new Date().toISOString(), event: 'session.ended', fields, prev: tip.hash });
    if (!sealed.ok) throw new Error(sealed.error);
    lines.push(encodeRecord(sealed.value));
    tip = sealed.value;
  }
  await writeFile(auditLogFile(largeDir), lines.join(''));
  const opens: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const opened = await openAuditLog(largeDir);
    opens.push(performance.now() - started);
    await opened.log.close();
    if (opened.records !== LARGE_LOG || opened.broken || opened.torn) throw new Error('the large log did not verify');
  }
  console.log(summarize(`open and check a log of ${LARGE_LOG} records`, opens));
  console.log(`audit append p95: ${percentile(sequential, 95).toFixed(1)} ms`);
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
