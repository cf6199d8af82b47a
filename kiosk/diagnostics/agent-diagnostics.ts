// The self-tests as the running agent offers them (GET /api/diagnostics, POST /api/diagnostics/run): one run at
// a time, paper only while no citizen's session is running, every record stored and logged.

import { err, ok, type Result } from '../../device-drivers/result';
import type { Logger } from '../logger';
import type { DiagnosticRecord, SelfTestRequest } from './diagnostic-record';
import type { DiagnosticsStore } from './diagnostics-store';
import { runNamedSelfTests, runSelfTests, type MachineSelfTest, type SelfTestSubjects } from './self-tests';

export type SelfTestRefusal = 'alreadyRunning' | 'sessionRunning';

export interface AgentDiagnostics {
  recent(limit?: number): Promise<DiagnosticRecord[]>;
  run(request: SelfTestRequest): Promise<Result<DiagnosticRecord[], SelfTestRefusal>>;
  /** Maintenance mode's tests (staff have the screen, so no citizen's session runs): the named ones only. */
  runNamed(tests: readonly MachineSelfTest[], by: string): Promise<Result<DiagnosticRecord[], SelfTestRefusal>>;
  /** Keeps and logs records made elsewhere (the card and scan tests, which need a person). */
  keep(records: readonly DiagnosticRecord[]): Promise<void>;
}

export interface AgentDiagnosticsParts {
  subjects: SelfTestSubjects;
  store: DiagnosticsStore;
  /** No citizen's session is running: a test page may use the printer. */
  sessionIdle: () => boolean;
  logger: Logger;
}

export function createAgentDiagnostics(parts: AgentDiagnosticsParts): AgentDiagnostics {
  const { subjects, store, sessionIdle, logger } = parts;
  let running = false;
  async function keep(records: readonly DiagnosticRecord[]): Promise<void> {
    await store.append(records);
    for (const record of records) {
      const disposition = record.outcome === 'failed' ? 'failure' : record.outcome === 'passed' ? 'success' : 'info';
      logger.event('diagnostics.selfTest', disposition, { test: record.test, outcome: record.outcome, by: record.by, id: record.id });
    }
  }
  async function exclusive(run: () => Promise<DiagnosticRecord[]>): Promise<Result<DiagnosticRecord[], SelfTestRefusal>> {
    if (running) return err('alreadyRunning');
    running = true;
    try {
      const records = await run();
      await keep(records);
      return ok(records);
    } finally {
      running = false;
    }
  }
  return {
    recent: (limit) => store.recent(limit),
    async run(request) {
      if (!running && request.print && !sessionIdle()) return err('sessionRunning');
      return exclusive(() => runSelfTests(subjects, request));
    },
    runNamed: (tests, by) => exclusive(() => runNamedSelfTests(subjects, tests, by)),
    keep,
  };
}
