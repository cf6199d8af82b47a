// The self-tests through a running development agent's local API, as `npm run diag` reaches them when the agent
// holds the devices: records stored in its data directory, returned by GET /api/diagnostics, none with personal data.

import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningDevelopmentAgent } from '../../kiosk/development/create-development-agent';
import type { DiagnosticRecord } from '../../kiosk/diagnostics/diagnostic-record';
import { testCitizens } from '../../scripts/synthetic-population';
import { repoRoot } from '../support/kiosk-process';
import { postJson, startLoopbackDevelopmentAgent, type LoopbackDevelopmentAgent } from '../support/loopback-development-agent';

const run = promisify(execFile);
let running: LoopbackDevelopmentAgent;
let agent: RunningDevelopmentAgent;
const citizen = testCitizens.find((c) => c.key === 'zhang-san')!;

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  postJson<{ records?: DiagnosticRecord[]; error?: string }>(agent.url, path, body, headers);

async function storedRecords(): Promise<DiagnosticRecord[]> {
  const response = await fetch(new URL('/api/diagnostics', agent.url));
  return ((await response.json()) as { records: DiagnosticRecord[] }).records;
}

beforeAll(async () => {
  running = await startLoopbackDevelopmentAgent('kiosk-diagnostics-api');
  agent = running.agent;
});

afterAll(() => running?.stop());

describe('self-tests through the agent', () => {
  it('npm run diag asks the running agent, which tests its own devices and gateway and stores the records', async () => {
    // A citizen's card lies on the reader: nothing of it may reach a record.
    await post('/api/sim/id-reader', { action: 'place', cardKey: citizen.key });
    const { stdout } = await run(
      process.execPath,
      [join(repoRoot, 'scripts', 'maintenance-tool.mjs'), 'diag-cli', '--url', agent.url, '--json'],
      {
        cwd: running.workDir,
        timeout: 60_000,
      },
    );
    const report = JSON.parse(stdout) as { ranBy: string; passed: boolean; records: DiagnosticRecord[] };
    expect(report).toMatchObject({ ranBy: 'agent', passed: true });
    expect(report.records.map((record) => [record.test, record.outcome])).toEqual([
      ['idReader', 'passed'],
      ['scanner', 'passed'],
      ['a4Printer', 'passed'],
      ['receiptPrinter', 'passed'],
      ['gateway', 'passed'],
    ]);
    expect(report.records.every((record) => record.by === 'shell')).toBe(true);

    const stored = await storedRecords();
    expect(stored.map((record) => record.id)).toEqual(report.records.map((record) => record.id));
    const file = await readFile(join(running.workDir, '.kiosk-data', 'diagnostics', 'records.jsonl'), 'utf8');
    expect(file.trim().split('\n')).toHaveLength(5);
    for (const text of [file, JSON.stringify(stored)]) {
      for (const someone of testCitizens) {
        expect(text).not.toContain(someone.card.idNumber);
        expect(text).not.toContain(someone.card.name);
      }
    }
    expect(running.logger.lines.filter((line) => line.includes('"event":"diagnostics.selfTest"'))).toHaveLength(5);
  });

  it('prints a test page for a staff member on the home screen, and refuses paper during a citizen’s session', async () => {
    const printed = await post('/api/diagnostics/run', { by: 'staff-007', print: true });
    expect(printed.status).toBe(200);
    const outcomes = Object.fromEntries(printed.body.records!.map((record) => [record.test, record.outcome]));
    expect(outcomes).toMatchObject({ a4TestPage: 'passed', testReceipt: 'passed' });
    expect(printed.body.records!.every((record) => record.by === 'staff-007')).toBe(true);

    await post('/api/session/events', { type: 'SELECT_ERRAND', errandId: 'residence-proof' });
    expect(await post('/api/diagnostics/run', { print: true })).toMatchObject({ status: 409, body: { error: 'sessionRunning' } });
    await post('/api/session/events', { type: 'HOME' });
    expect((await storedRecords()).length).toBe(5 + 7);
  });

  it('refuses a run from another origin and a body it does not know', async () => {
    expect((await post('/api/diagnostics/run', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await post('/api/diagnostics/run', { by: 'a b' })).status).toBe(400);
    expect((await post('/api/diagnostics/run', { wipe: true })).status).toBe(400);
    const get = await fetch(new URL('/api/diagnostics/run', agent.url));
    expect(get.status).toBe(405);
  });
});
