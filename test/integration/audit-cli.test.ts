// `npm run audit -- verify` as a production kiosk runs it: compiled (dist/audit-cli.mjs), plain node, on an intact
// audit log, a torn one and a tampered one; and through the launcher `npm run audit` uses.

import { execFile } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLogFile, openAuditLog } from '../../kiosk/audit/audit-log';
import { repoRoot } from '../support/kiosk-process';

const compiledCli = join(repoRoot, 'dist', 'audit-cli.mjs');
let dataDir: string;

async function verify(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return promisify(execFile)(process.execPath, [compiledCli, 'verify', '--data-dir', dataDir, ...args]).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kiosk-audit-cli-'));
  const { log } = await openAuditLog(dataDir);
  for (const reason of ['paperOut', 'paperLow', 'gatewayDown']) await log.append('staff.alert', { reason });
  await log.close();
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('npm run audit -- verify', () => {
  it('exits 0 with a one-line summary when the chain is intact', async () => {
    const result = await verify();
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^audit log .*audit\.log intact: 3 records, last seq 3, last hash [0-9a-f]{12}\n$/);
  });

  it('exits 1 on a torn last record, naming its byte', async () => {
    const size = (await readFile(auditLogFile(dataDir))).length;
    await appendFile(auditLogFile(dataDir), '{"seq":4,"time":"20');
    const result = await verify();
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr).toContain(`torn last record at byte ${size} (cut short: no line end)`);
  });

  it('exits 0 once the agent has set a torn record aside, and says where it is kept', async () => {
    await appendFile(auditLogFile(dataDir), '{"seq":4,"time":"20');
    await (await openAuditLog(dataDir)).log.close();
    const result = await verify();
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^note: torn records set aside earlier, kept beside it: audit\.log\.torn-/);
  });

  it('exits 1 with the first broken record when one in the middle was changed', async () => {
    const content = await readFile(auditLogFile(dataDir), 'utf8');
    await writeFile(auditLogFile(dataDir), content.replace('paperLow', 'paperOut'));
    const result = await verify();
    expect(result).toMatchObject({ code: 1, stdout: '' });
    expect(result.stderr.trim()).toMatch(/is broken at line 2, byte \d+: hash does not match the record$/);
  });

  it('exits 1 when there is no audit log, and 2 on a bad command line', async () => {
    await rm(auditLogFile(dataDir));
    expect(await verify()).toMatchObject({ code: 1, stderr: expect.stringContaining('no audit log at') });
    expect(await verify('--frobnicate')).toMatchObject({ code: 2, stderr: expect.stringContaining('usage:') });
    const usage = await promisify(execFile)(process.execPath, [compiledCli, 'check']).catch((error: { code: number }) => error);
    expect(usage).toMatchObject({ code: 2 });
  });

  it('runs through the launcher from its TypeScript source, as `npm run audit` does', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [
      join(repoRoot, 'scripts', 'maintenance-tool.mjs'),
      'audit-cli',
      'verify',
      '--data-dir',
      dataDir,
    ]);
    expect(stdout).toContain('intact: 3 records');
  });
});
