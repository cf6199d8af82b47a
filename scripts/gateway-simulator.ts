// npm run gateway-sim -- --data-dir DIR --port N [--host H] [--kiosk-id ID]
// Runs the development gateway simulator until interrupted; prints where it listens and the kiosk's files.

import { parseArgs } from 'node:util';
import { createJsonLogger } from '../kiosk/logger';
import { startGatewaySimulator } from './gateway-simulator/simulator';
import { simulatorClientConfig } from './gateway-simulator/client-config';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: '.kiosk-data/gateway-simulator' },
    port: { type: 'string', default: '8443' },
    host: { type: 'string', default: '127.0.0.1' },
    'kiosk-id': { type: 'string', default: 'kiosk-dev-0001' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  process.stdout.write('usage: npm run gateway-sim -- --data-dir DIR --port N [--host H] [--kiosk-id ID]\n');
  process.exit(0);
}
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`gateway-sim: --port must be 0–65535, got ${values.port}\n`);
  process.exit(2);
}

const simulator = await startGatewaySimulator({
  dataDir: values['data-dir'],
  port,
  host: values.host,
  kioskId: values['kiosk-id'],
  logger: createJsonLogger(),
});
process.stdout.write(JSON.stringify({ gatewaySimulator: simulator.url, clientConfig: simulatorClientConfig(simulator) }, null, 2) + '\n');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.close().then(() => process.exit(0));
  });
}
