// The agent's metrics joined to its parts: the devices and the gateway read at each scrape, the gateway's fetches,
// the session runtime's views and what its machine emits, every staff alert logged, and — when the configuration
// names a directory — the textfile for node_exporter.

import type { A4Template } from '../../print-templates/template-schema';
import type { KioskConfig } from '../config/kiosk-config';
import { devicesStatus, type KioskDevices } from '../devices/kiosk-devices';
import type { Errand } from '../errands/catalogue';
import type { HttpsGatewayClient } from '../gateway/https-gateway-client';
import type { Logger } from '../logger';
import { createKioskMetrics } from '../metrics/kiosk-metrics';
import { startMetricsTextfile } from '../metrics/metrics-textfile';
import { createSessionTiming } from '../metrics/session-timing';
import { countingStaffAlerts } from '../metrics/staff-alert-counter';
import type { MaintenanceState } from './maintenance-mode';
import type { SessionRuntime } from './session-runtime';

function maintenanceSource(state: MaintenanceState) {
  return () => ({ paper: state.paper.lines(), outOfService: state.serviceFlag.outOfService() });
}

export function startAgentMetrics(parts: {
  config: KioskConfig;
  catalogue: Errand[];
  devices: KioskDevices;
  gateway: HttpsGatewayClient;
  template: A4Template;
  /** Paper used since each refill and the out-of-service flag, for their gauges. */
  maintenanceState?: MaintenanceState;
  logger: Logger;
}) {
  const { config, devices, gateway, template } = parts;
  const kiosk = createKioskMetrics({
    errandIds: parts.catalogue.map((errand) => errand.id),
    devices: () => devicesStatus(devices),
    gateway: () => ({ diagnostics: gateway.diagnostics(), trustListNextUpdateMs: gateway.trustList.nextUpdateMs }),
    processMetrics: true,
    ...(parts.maintenanceState ? { maintenance: maintenanceSource(parts.maintenanceState) } : {}),
  });
  kiosk.setTemplates([{ id: template.id, version: template.version, source: 'bundled' }]);
  const stopCountingFetches = gateway.onFetch(({ outcome, latencyMs }) => kiosk.gatewayFetched(outcome, latencyMs));
  const logger = countingStaffAlerts(parts.logger, kiosk);
  const { textfileDir } = config.metrics;
  const textfile = textfileDir === undefined ? null : startMetricsTextfile({ dir: textfileDir, text: kiosk.text, logger });

  return {
    kiosk,
    /** The agent's logger, counting every staff alert on its way. */
    logger,
    /** Session outcomes, durations, failures shown and ratings; returns the unsubscribe. */
    observeSession(runtime: SessionRuntime): () => void {
      const timing = createSessionTiming(kiosk);
      const unsubscribers = [
        runtime.onView((view) => timing.viewShown(view)),
        runtime.on('sessionEnded', (ended) => timing.sessionEnded(ended)),
        runtime.on('rating', ({ errandId, score }) => kiosk.rated(errandId, score)),
      ];
      return () => {
        for (const unsubscribe of unsubscribers) unsubscribe();
      };
    },
    async stop(): Promise<void> {
      stopCountingFetches();
      await textfile?.stop();
    },
  };
}
