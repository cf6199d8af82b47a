// What the audit log records: a short, closed list, so an auditor knows every kind of record it can hold.

export const auditEvents = [
  'agent.started',
  'agent.stopped',
  'session.ended',
  'staff.alert',
  // Maintenance mode: every entry, refusal, wrong PIN, lock, action and result, and every leave, with the staff id.
  'maintenance.code_accepted',
  'maintenance.code_refused',
  'maintenance.pin_wrong',
  'maintenance.locked',
  'maintenance.entered',
  'maintenance.action',
  'maintenance.left',
] as const;

export type AuditEventName = (typeof auditEvents)[number];

export function isAuditEvent(name: string): name is AuditEventName {
  return (auditEvents as readonly string[]).includes(name);
}
