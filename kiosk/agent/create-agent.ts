// Builds the whole agent from its configuration: devices, gateway (or the bundled simulator), templates,
// session, server. Tests build it the same way with another configuration.

import { mkdir, readdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { simulatorClientConfig } from '../../scripts/gateway-simulator/client-config';
import { startGatewaySimulator, type RunningGatewaySimulator } from '../../scripts/gateway-simulator/simulator';
import { testCitizens } from '../../scripts/synthetic-population';
import { loadBundledTemplate } from '../../print-templates/template-store';
import type { KioskConfig } from '../config/kiosk-config';
import { sessionSettingsFrom } from '../config/session-settings-from-config';
import { createKioskDevices, devicesStatus, simulatedSpoolDir } from '../devices/kiosk-devices';
import { loadCatalogue } from '../errands/catalogue';
import { createGatewayClient, type GatewayClientConfig } from '../gateway/https-gateway-client';
import type { Logger } from '../logger';
import { createPrintService } from '../printing/print-service';
import { startAgentServer } from './agent-server';
import { createErrandAvailability } from './errand-availability';
import { createSessionRuntime } from './session-runtime';

/** The built UI, next to the sources whatever the working directory. */
export const defaultUiDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'ui', 'dist');

/** Print jobs on their way are the one place citizen data touches disk: whatever a crash left is removed. */
async function clearSpool(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const name of await readdir(dir)) await rm(join(dir, name), { recursive: true, force: true });
}

export async function createAgent(config: KioskConfig, options: { logger: Logger; uiDir?: string }) {
  const { logger } = options;
  const startedAt = Date.now();
  await mkdir(config.dataDir, { recursive: true });

  const devices = createKioskDevices(config);
  if (devices.simulated.a4Printer) await clearSpool(simulatedSpoolDir(config));
  await Promise.all([devices.idReader.open(), devices.scanner.open(), devices.a4Printer.open(), devices.receiptPrinter?.open()]);

  let simulator: RunningGatewaySimulator | null = null;
  let gatewayConfig: GatewayClientConfig;
  if (config.gateway.mode === 'simulator') {
    // No admin endpoint inside the agent: faults are for `npm run gateway-sim` and the tests.
    simulator = await startGatewaySimulator({ dataDir: join(config.dataDir, 'gateway-simulator'), port: 0, kioskId: config.kioskId, adminPort: null });
    gatewayConfig = simulatorClientConfig(simulator);
  } else {
    const { mode: _mode, ...remote } = config.gateway;
    gatewayConfig = { ...remote, kioskId: config.kioskId };
  }
  const gateway = await createGatewayClient(
    { ...gatewayConfig, trustListVersionFile: join(config.dataDir, 'trust-list-version.json') },
    { logger },
  );

  const template = loadBundledTemplate();
  const catalogue = loadCatalogue();
  const notAuthorised = new Set<string>();
  const availability = createErrandAvailability(devices, gateway, notAuthorised);
  const runtime = createSessionRuntime({
    catalogue,
    settings: sessionSettingsFrom(config),
    devices,
    gateway,
    printService: createPrintService({ kioskId: config.kioskId, printer: devices.a4Printer, template: () => template }),
    availability,
    notAuthorised,
    logger,
  });
  runtime.start();

  const devPanel = !config.production && Object.keys(devices.simulated).length > 0;
  const server = await startAgentServer({
    port: config.port,
    uiDir: options.uiDir ?? defaultUiDir,
    runtime,
    devices,
    kioskInfo: {
      kioskId: config.kioskId,
      devPanel,
      testCards: devPanel ? testCitizens.map(({ key, label }) => ({ key, label })) : [],
    },
    health: () => ({
      status: gateway.available() ? 'ok' : 'degraded',
      kioskId: config.kioskId,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      session: runtime.stateName(),
      devices: devicesStatus(devices),
      // breaker state, clock offset, trust-list version and staleness, the last failure's staff diagnostic.
      gateway: { available: gateway.available(), simulator: simulator !== null, ...gateway.diagnostics() },
    }),
    logger,
  });
  // The gateway's circuit can open or close between sessions: keep the home screen honest.
  const refreshTimer = setInterval(() => runtime.refresh(), 1000);
  logger.event('agent.started', 'success', { kioskId: config.kioskId, port: server.port, startupMs: Date.now() - startedAt });

  return {
    url: server.url,
    port: server.port,
    devices,
    simulator,
    spoolDir: devices.simulated.a4Printer ? simulatedSpoolDir(config) : null,
    runtime,
    async stop() {
      clearInterval(refreshTimer);
      await server.close();
      runtime.stop();
      await gateway.close();
      await simulator?.close();
      await Promise.all([devices.idReader.close(), devices.scanner.close(), devices.a4Printer.close(), devices.receiptPrinter?.close()]);
    },
  };
}

export type RunningAgent = Awaited<ReturnType<typeof createAgent>>;
