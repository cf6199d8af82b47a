// The development composition root's wiring: the configuration's devices with simulated twins where it says so,
// the bundled gateway simulator when `gateway.mode` is `simulator`, and the dev panel with the test citizens'
// cards. `npm start` (kiosk/dev-main.ts), the tests and the benchmarks build the kiosk this way.

import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { simulatorClientConfig } from '../../scripts/gateway-simulator/client-config';
import { startGatewaySimulator, type RunningGatewaySimulator } from '../../scripts/gateway-simulator/simulator';
import { testCitizens } from '../../scripts/synthetic-population';
import { createAgent, type AgentParts } from '../agent/create-agent';
import { createKioskGateway, remoteGatewayConfig } from '../agent/kiosk-gateway';
import type { KioskConfig } from '../config/kiosk-config';
import type { GatewayClientConfig } from '../gateway/gateway-client-config';
import type { Logger } from '../logger';
import { createDevelopmentDevices, simulatedSpoolDir } from './development-devices';
import { createDevelopmentMaintenance } from './development-maintenance';
import { loadMaintenanceKey } from '../config/maintenance-key';
import { handleSimulatedDevice } from './simulated-device-api';

/** Print jobs on their way are the one place citizen data touches disk: whatever a crash left is removed. */
async function clearSpool(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) await rm(join(dir, name), { recursive: true, force: true });
}

export async function createDevelopmentAgent(
  config: KioskConfig,
  options: { logger: Logger; uiDir?: string; maintenance?: Pick<AgentParts, 'maintenanceKey' | 'maintenanceSettings' | 'restart'> },
) {
  const { logger } = options;
  await mkdir(config.dataDir, { recursive: true });
  const { devices, simulated } = createDevelopmentDevices(config);
  if (simulated.a4Printer) await clearSpool(simulatedSpoolDir(config));

  let simulator: RunningGatewaySimulator | null = null;
  let clientConfig: GatewayClientConfig;
  if (config.gateway.mode === 'simulator') {
    // No admin endpoint inside the kiosk: faults are for `npm run gateway-sim` and the tests.
    simulator = await startGatewaySimulator({
      dataDir: join(config.dataDir, 'gateway-simulator'),
      port: 0,
      kioskId: config.kioskId,
      adminPort: null,
    });
    clientConfig = simulatorClientConfig(simulator);
  } else {
    clientConfig = remoteGatewayConfig(config, config.gateway);
  }
  const gateway = await createKioskGateway(clientConfig, config.dataDir, logger);

  const devPanel = !config.production && Object.keys(simulated).length > 0;
  // A configured maintenance key is used as in production; otherwise a development one, made now, in memory only.
  const configuredKey = await loadMaintenanceKey(config.maintenance);
  const maintenance = configuredKey || config.production ? null : createDevelopmentMaintenance(config.kioskId);
  const agent = await createAgent({
    config,
    devices,
    gateway,
    logger,
    maintenanceKey: configuredKey ?? maintenance?.key ?? null,
    ...(options.uiDir === undefined ? {} : { uiDir: options.uiDir }),
    ...options.maintenance,
    development: {
      devicePanel: devPanel
        ? {
            handle: (device, body) => handleSimulatedDevice(simulated, device, body, maintenance, simulator?.appPlatform ?? null),
            testCards: testCitizens.map(({ key, label }) => ({ key, label })),
          }
        : null,
      gatewaySimulator: simulator !== null,
      devMaintenance: maintenance && devPanel ? maintenance.staff : null,
    },
  });

  return {
    ...agent,
    devices,
    simulated,
    simulator,
    spoolDir: simulated.a4Printer ? simulatedSpoolDir(config) : null,
    async stop() {
      await agent.stop();
      await simulator?.close();
    },
  };
}

export type RunningDevelopmentAgent = Awaited<ReturnType<typeof createDevelopmentAgent>>;
