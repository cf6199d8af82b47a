// What the audit log records: a short, closed list, so an auditor knows every kind of record it can hold.

export const auditEvents = ['agent.started', 'agent.stopped', 'session.ended', 'staff.alert'] as const;

export type AuditEventName = (typeof auditEvents)[number];

export function isAuditEvent(name: string): name is AuditEventName {
  return (auditEvents as readonly string[]).includes(name);
}
