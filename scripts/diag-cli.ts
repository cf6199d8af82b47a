// `npm run diag -- [--config PATH] [--url http://127.0.0.1:8700] [--print] [--json]`: the kiosk's self-tests
// from a shell. Through the running agent's local API when one answers (it holds the serial ports), else on the
// configured devices opened here. A human report, or one JSON document with --json; exit 1 when a test failed.

import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../kiosk/config/kiosk-config';
import { diagnosticRecordSchema, type DiagnosticRecord, type SelfTestRequest } from '../kiosk/diagnostics/diagnostic-record';
import { CliFailure, writeFailure } from './device-cli/cli-output';
import { diagReport } from './diag-cli/diag-report';
import { runSelfTestsInShell } from './diag-cli/self-tests-in-shell';

const USAGE = 'usage: npm run diag -- [--config PATH] [--url http://127.0.0.1:PORT] [--print] [--json]';
const DEFAULT_PORT = 8700;

/** The agent's answer, or null when no agent listens there. */
async function runThroughAgent(url: URL, request: SelfTestRequest): Promise<DiagnosticRecord[] | null> {
  let response: Response;
  try {
    response = await fetch(new URL('/api/diagnostics/run', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request),
    });
  } catch {
    return null; // nothing listens (connection refused): the devices are free to open here
  }
  const body = (await response.json().catch(() => ({}))) as { records?: unknown; error?: unknown };
  if (!response.ok) throw new CliFailure(`the agent at ${url.origin} refused the self-tests: ${String(body.error ?? response.status)}`);
  const records = diagnosticRecordSchema.array().safeParse(body.records);
  if (!records.success) throw new CliFailure(`the agent at ${url.origin} answered something other than self-test records`);
  return records.data;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        config: { type: 'string' },
        url: { type: 'string' },
        print: { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new CliFailure(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`, 2);
  }
  const configPath = values.config ?? (process.env.KIOSK_CONFIG || undefined);
  const { config, source } = await loadConfig(configPath).catch((error: unknown) => {
    throw error instanceof ConfigError ? new CliFailure(error.message, 2) : error;
  });
  let url: URL;
  try {
    url = new URL(values.url ?? `http://127.0.0.1:${config.port || DEFAULT_PORT}`);
  } catch {
    throw new CliFailure(`--url: not a URL: ${values.url}\n${USAGE}`, 2);
  }
  const request: SelfTestRequest = { by: 'shell', print: values.print };

  const throughAgent = await runThroughAgent(url, request);
  const records = throughAgent ?? (await runSelfTestsInShell(config, request));
  const ranBy = throughAgent ? `run by the agent at ${url.origin}` : `devices opened here from ${source}`;
  const failed = records.some((record) => record.outcome === 'failed');
  if (values.json) {
    process.stdout.write(JSON.stringify({ ranBy: throughAgent ? 'agent' : 'shell', passed: !failed, records }, null, 2) + '\n');
  } else {
    process.stdout.write(diagReport(records, ranBy));
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => process.exit(writeFailure(error)),
);
