// The kiosk's gateway configuration for a running simulator: its URL, its CA, and the files it made for
// the development kiosk registered with the chosen algorithm.

import type { GatewayClientConfig } from '../../kiosk/gateway/gateway-client-config';
import type { SignatureAlg } from '../../kiosk/gateway/signature-algorithms';
import type { RunningGatewaySimulator } from './simulator';

export function simulatorClientConfig(
  sim: Pick<RunningGatewaySimulator, 'url' | 'kiosks' | 'files'>,
  alg: SignatureAlg = 'ES256',
): GatewayClientConfig {
  const kiosk = sim.kiosks.find((candidate) => candidate.alg === alg);
  if (!kiosk) throw new Error(`gateway simulator: no kiosk registered with ${alg}`);
  return {
    url: sim.url,
    kioskId: kiosk.kioskId,
    caFile: sim.files.caCert,
    clientCertFile: kiosk.files.clientCert,
    clientKeyFile: kiosk.files.clientKey,
    signingAlgorithm: alg,
    signingKeyFile: kiosk.files.signingKey,
    trustListFile: sim.files.trustList,
    trustRootFile: sim.files.trustRoot,
  };
}
