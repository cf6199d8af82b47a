// `npm start`: the kiosk agent. Configuration from --config PATH or KIOSK_CONFIG; none means the embedded
// default (simulated devices, bundled gateway simulator). --port overrides the configured port (0 = any).

import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { createAgent } from './agent/create-agent';
import { ConfigError, loadConfig } from './config/kiosk-config';
import { createJsonLogger } from './logger';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { config: { type: 'string' }, port: { type: 'string' } },
    strict: true,
  });
  const { config, source } = await loadConfig(values.config ?? process.env.KIOSK_CONFIG);
  if (values.port !== undefined) {
    const port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port: "${values.port}" is not a port number`);
    config.port = port;
  }
  const logger = createJsonLogger((line) => process.stderr.write(line + '\n'));
  const agent = await createAgent(config, { logger });

  const lines = [`Kiosk ${config.kioskId} is running (configuration: ${source}).`, `  Open the touch UI:        ${agent.url}`];
  if (agent.simulator) lines.push(`  Gateway simulator:        ${agent.simulator.url} (keys and certificates in ${dirname(agent.simulator.files.caCert)})`);
  if (agent.spoolDir) lines.push(`  Simulated A4 printer spool: ${agent.spoolDir}`);
  lines.push('  Press Ctrl+C to stop.');
  process.stdout.write(lines.join('\n') + '\n');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await agent.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  const reason = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
  process.stderr.write(`The kiosk did not start: ${reason}\n`);
  process.exit(1);
});
