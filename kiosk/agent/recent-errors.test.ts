import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLogFile, openAuditLog } from '../audit/audit-log';
import { silentLogger } from '../logger';
import { openRecentErrors } from './recent-errors';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'recent-errors-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('recent errors', () => {
  it('reads staff alerts and failed sessions back from the audit log, newest first, then follows the logger', async () => {
    const { log } = await openAuditLog(dataDir);
    await log.append('staff.alert', { reason: 'a4Printer:paperOut' });
    await log.append('session.ended', { errandId: 'x', outcome: 'issued', failure: null });
    await log.append('session.ended', { errandId: 'x', outcome: 'failed', failure: 'GATEWAY_UNAVAILABLE' });
    await log.append('maintenance.entered', { staffId: 's-1', endsAt: '' });
    await log.close();

    const errors = await openRecentErrors(auditLogFile(dataDir), () => new Date('2026-11-30T09:00:00Z'));
    expect(errors.lines().map((line) => line.code)).toEqual(['GATEWAY_UNAVAILABLE', 'a4Printer:paperOut']);
    const logger = errors.watching(silentLogger);
    logger.event('staff.alert', 'failure', { reason: 'idReaderUnavailable' });
    logger.event('session.ended', 'info', { outcome: 'abandoned', failure: null });
    expect(errors.lines()[0]).toEqual({ at: '2026-11-30T09:00:00.000Z', code: 'idReaderUnavailable' });
    expect(errors.lines()).toHaveLength(3);
  });

  it('starts empty without an audit log', async () => {
    expect((await openRecentErrors(auditLogFile(dataDir))).lines()).toEqual([]);
  });
});
