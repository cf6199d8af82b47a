// The kiosk's gateway configuration for a running simulator: its URL, its CA, and the files it made for
// its development kiosk.

import type { GatewayClientConfig } from '../../kiosk/gateway/https-gateway-client';
import type { RunningGatewaySimulator } from './simulator';

export function simulatorClientConfig(sim: RunningGatewaySimulator): GatewayClientConfig {
  return {
    url: sim.url,
    kioskId: sim.kioskId,
    caFile: sim.files.caCert,
    clientCertFile: sim.files.kioskClientCert,
    clientKeyFile: sim.files.kioskClientKey,
    signingAlgorithm: 'ES256',
    signingKeyFile: sim.files.kioskSigningKey,
    trustListFile: sim.files.trustList,
    trustRootFile: sim.files.trustRoot,
  };
}
