// Every log event name the kiosk writes, in one list: a metric, a journal search or an alert rule can rely on
// them. The logger accepts only these names; a new event is added here first.

export const logEvents = [
  'agent.started',
  'agent.requestFailed',
  'agent.restart_scheduled',
  'agent.socketError',
  'agent.socketServerError',
  'agent.systemd_notify',
  'diagnostics.selfTest',
  'gateway.breaker',
  'gateway.breaker_probe',
  'gateway.clock_corrected',
  'gateway.fetch',
  'gateway.outage_ended',
  'gateway.ratings',
  'gateway.trust_list_stale',
  'gateway_sim.fault',
  'gateway_sim.faults',
  'gateway_sim.request',
  'gateway_sim.started',
  'launcher.agent_unreachable',
  'launcher.browser_exited',
  'launcher.browser_restarted',
  'launcher.browser_stale',
  'launcher.browser_started',
  'gateway_sim.tls_refused',
  'metrics.textfile',
  'ratings.delivery',
  'ratings.dropped',
  'ratings.outbox',
  'service.rating',
  'session.ended',
  'session.machineError',
  'staff.alert',
] as const;

export type LogEventName = (typeof logEvents)[number];
