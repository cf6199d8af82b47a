// The kiosk's gateway client, from the gateway's client configuration and the kiosk's data directory (where the
// highest trust-list version accepted, and a newer list received while running, are kept across restarts).

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { KioskConfig } from '../config/kiosk-config';
import type { GatewayClientConfig } from '../gateway/gateway-client-config';
import { createGatewayClient, type HttpsGatewayClient } from '../gateway/https-gateway-client';
import type { Logger } from '../logger';

export async function createKioskGateway(clientConfig: GatewayClientConfig, dataDir: string, logger: Logger): Promise<HttpsGatewayClient> {
  await mkdir(dataDir, { recursive: true });
  return createGatewayClient(
    {
      ...clientConfig,
      trustListVersionFile: join(dataDir, 'trust-list-version.json'),
      receivedTrustListFile: join(dataDir, 'trust-list.jws'),
    },
    { logger },
  );
}

/** The client configuration of a remote gateway named in the kiosk's configuration. */
export function remoteGatewayConfig(
  config: KioskConfig,
  gateway: Extract<KioskConfig['gateway'], { mode: 'remote' }>,
): GatewayClientConfig {
  // The outage alert is the agent's (gateway-outage-watch.ts), not a client timing.
  const { mode: _mode, timings, ...remote } = gateway;
  const { outageAlertMs: _outageAlertMs, ...clientTimings } = timings ?? {};
  return { ...remote, ...(timings && { timings: clientTimings }), kioskId: config.kioskId, production: config.production };
}
