// The agent's audit trail: audited log events reach the audit file; a torn record found at start is a staff alert.

import { appendFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../test/support/memory-logger';
import { scanChain } from '../audit/audit-chain';
import { auditLogFile } from '../audit/audit-log';
import { openAgentAudit } from './agent-audit';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'kiosk-agent-audit-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const events = (content: Buffer) =>
  content
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string; fields: Record<string, unknown> });

describe('the agent’s audit trail', () => {
  it('audits the audit events it logs, not the others, and its stop', async () => {
    const logger = createMemoryLogger();
    const audit = await openAgentAudit(dataDir, logger);
    audit.logger.event('agent.started', 'success', { kioskId: 'kiosk-test' });
    audit.logger.event('gateway.fetch', 'success', { ms: 3 });
    audit.logger.event('session.ended', 'failure', { errandId: 'residence-proof', outcome: 'failed', failure: 'GATEWAY_DOWN' });
    audit.logger.event('staff.alert', 'failure', { reason: 'paperOut' });
    await audit.stop();
    expect(logger.lines).toHaveLength(4);
    const content = await readFile(auditLogFile(dataDir));
    expect(events(content).map((r) => [r.event, r.fields])).toEqual([
      ['agent.started', { kioskId: 'kiosk-test' }],
      ['session.ended', { errandId: 'residence-proof', outcome: 'failed', failure: 'GATEWAY_DOWN' }],
      ['staff.alert', { reason: 'paperOut' }],
      ['agent.stopped', {}],
    ]);
    expect(scanChain(content)).toMatchObject({ records: 4, torn: null, broken: null });
  });

  it('raises a staff alert, logged and audited, for a torn record found at start', async () => {
    await (await openAgentAudit(dataDir, createMemoryLogger())).stop();
    await appendFile(auditLogFile(dataDir), '{"seq":2,"ti');
    const logger = createMemoryLogger();
    const audit = await openAgentAudit(dataDir, logger);
    await audit.stop();
    expect(logger.lines).toHaveLength(1);
    expect(JSON.parse(logger.lines[0]!)).toMatchObject({ event: 'staff.alert', reason: 'auditLogTornRecord', length: 12 });
    const content = await readFile(auditLogFile(dataDir));
    expect(events(content).map((r) => r.fields.reason ?? r.event)).toEqual(['agent.stopped', 'auditLogTornRecord', 'agent.stopped']);
    expect(scanChain(content)).toMatchObject({ torn: null, broken: null });
  });
});
