// `npm start`: the development kiosk. Configuration from --config PATH or KIOSK_CONFIG; none means the embedded
// default (simulated devices, the bundled gateway simulator, the dev panel). --port overrides the port (0 = any).
// The production agent is kiosk/main.ts.

import { dirname } from 'node:path';
import { loadAgentConfig, parseAgentCommandLine, runAgentMain } from './agent/command-line';
import { createDevelopmentAgent } from './development/create-development-agent';
import { createJsonLogger } from './logger';

runAgentMain(async () => {
  const { config, source } = await loadAgentConfig(parseAgentCommandLine());
  const logger = createJsonLogger(); // stdout, for the journal
  const agent = await createDevelopmentAgent(config, { logger });
  const banner = [`Kiosk ${config.kioskId} is running (configuration: ${source}).`, `  Open the touch UI:        ${agent.url}`];
  if (agent.simulator)
    banner.push(`  Gateway simulator:        ${agent.simulator.url} (keys and certificates in ${dirname(agent.simulator.files.caCert)})`);
  if (agent.spoolDir) banner.push(`  Simulated A4 printer spool: ${agent.spoolDir}`);
  return { banner, stop: () => agent.stop() };
});
