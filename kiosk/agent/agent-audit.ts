// The agent's audit trail: the log events that are also audit records (audit-events.ts) are appended to the
// audit log as they are logged, with the same scalar fields. What the audit log found when opened — a torn last
// record, a broken chain — is a staff alert. An append that fails is one too, logged but not audited.

import { openAuditLog, type AuditLog } from '../audit/audit-log';
import { isAuditEvent } from '../audit/audit-events';
import type { Logger } from '../logger';

export interface AgentAudit {
  /** The logger that audits what it logs: give it to every part of the agent. */
  logger: Logger;
  /** Records the agent's stop, then closes the log once every record is on disk. */
  stop(): Promise<void>;
}

function auditingLogger(logger: Logger, log: AuditLog): Logger {
  const append: AuditLog['append'] = async (event, fields) => {
    const appended = await log.append(event, fields);
    if (!appended.ok) logger.event('staff.alert', 'failure', { reason: 'auditLogUnwritable', detail: appended.error });
    return appended;
  };
  return {
    event(name, disposition, fields = {}) {
      logger.event(name, disposition, fields);
      if (isAuditEvent(name)) void append(name, fields);
    },
  };
}

export async function openAgentAudit(dataDir: string, logger: Logger): Promise<AgentAudit> {
  const opened = await openAuditLog(dataDir);
  const audited = auditingLogger(logger, opened.log);
  if (opened.torn) {
    const { atByte, length, reason, file } = opened.torn;
    audited.event('staff.alert', 'failure', { reason: 'auditLogTornRecord', atByte, length, tornReason: reason, setAsideIn: file });
  }
  if (opened.broken) {
    const { line, seq, reason } = opened.broken;
    audited.event('staff.alert', 'failure', { reason: 'auditLogBroken', line, seq, brokenReason: reason });
  }
  return {
    logger: audited,
    async stop() {
      const stopped = await opened.log.append('agent.stopped');
      if (!stopped.ok) logger.event('staff.alert', 'failure', { reason: 'auditLogUnwritable', detail: stopped.error });
      await opened.log.close();
    },
  };
}
