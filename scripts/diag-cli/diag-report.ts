// The self-test records as staff read them in a terminal: one line per test, then a count.

import type { DiagnosticRecord } from '../../kiosk/diagnostics/diagnostic-record';

const LABELS: Record<DiagnosticRecord['outcome'], string> = { passed: 'passed ', failed: 'FAILED ', skipped: 'skipped' };

export function diagReport(records: readonly DiagnosticRecord[], source: string): string {
  const lines = [`Kiosk self-tests (${source})`];
  for (const record of records) {
    const details = Object.entries(record.details)
      .filter(([, value]) => value !== null)
      .map(([key, value]) => `${key}=${String(value)}`)
      .join(' ');
    lines.push(`  ${LABELS[record.outcome]}  ${record.test.padEnd(15)} ${details}  (${record.durationMs} ms)`);
  }
  const count = (outcome: DiagnosticRecord['outcome']) => records.filter((record) => record.outcome === outcome).length;
  lines.push(`${count('passed')} passed, ${count('failed')} failed, ${count('skipped')} skipped`);
  return lines.join('\n') + '\n';
}
