// The production agent: configuration → real drivers → a remote gateway → agent. It imports no simulator, no
// test citizen and nothing from scripts/ or test/ (a test checks its import graph). A configuration is required;
// the embedded default (everything simulated) is for development: `npm start` (kiosk/dev-main.ts).

import { createAgent } from './agent/create-agent';
import { loadAgentConfig, parseAgentCommandLine, runAgentMain } from './agent/command-line';
import { createKioskGateway, remoteGatewayConfig } from './agent/kiosk-gateway';
import { ConfigError } from './config/kiosk-config';
import { loadMaintenanceKey } from './config/maintenance-key';
import { createRealDevices } from './devices/real-devices';
import { createJsonLogger } from './logger';

runAgentMain(async (agentProcess) => {
  const commandLine = parseAgentCommandLine();
  if (commandLine.configPath === undefined) {
    throw new ConfigError(
      'the production agent needs a configuration (--config PATH or KIOSK_CONFIG); `npm start` runs the development kiosk',
    );
  }
  const { config, source } = await loadAgentConfig(commandLine);
  if (config.gateway.mode !== 'remote') {
    throw new ConfigError(
      'gateway.mode: the production agent talks to a remote gateway; the simulator runs only in development (npm start)',
    );
  }
  // Before any device or the gateway: a bad key file stops the start naming the key.
  const maintenanceKey = await loadMaintenanceKey(config.maintenance);
  const logger = createJsonLogger(); // stdout, for the journal
  const devices = createRealDevices(config);
  const gateway = await createKioskGateway(remoteGatewayConfig(config, config.gateway), config.dataDir, logger);
  const agent = await createAgent({ config, devices, gateway, logger, restart: agentProcess.restart, maintenanceKey });
  return {
    banner: [`Kiosk ${config.kioskId} is running (configuration: ${source}).`, `  Open the touch UI:        ${agent.url}`],
    stop: () => agent.stop(),
  };
});
