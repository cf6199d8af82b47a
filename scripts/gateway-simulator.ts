// npm run gateway-sim -- [options]     (or: npx tsx scripts/gateway-simulator.ts [options])
// Runs the development gateway simulator until interrupted. On first start it makes a development CA, its
// server certificate, and for each registered kiosk a client certificate and a signing key, in --data-dir;
// it prints where it listens, the admin endpoint, and a ready kiosk configuration for each algorithm.

import { parseArgs } from 'node:util';
import { createJsonLogger } from '../kiosk/logger';
import type { FaultRule } from './gateway-simulator/fault-plan';
import { parseFaultSpec, readFaultFile } from './gateway-simulator/fault-spec';
import { simulatorClientConfig } from './gateway-simulator/client-config';
import { DEFAULT_RATE_LIMIT, startGatewaySimulator } from './gateway-simulator/simulator';
import type { RateLimit } from './gateway-simulator/rate-limiter';

const USAGE = `usage: npm run gateway-sim -- [options]
  --data-dir DIR          keys, certificates, trust list (default .kiosk-data/gateway-simulator)
  --port N                gateway port, 0 = any free one (default 8443)
  --host H                address to listen on (default 127.0.0.1)
  --kiosk-id ID           the kiosk registered with ES256 (default kiosk-dev-0001)
  --sm2-kiosk-id ID       the kiosk registered with SM2-SM3 (default kiosk-dev-sm2-0001)
  --issuer-alg A          mixed | ES256 | SM2-SM3: which key departments sign with (default mixed)
  --rate-limit B/M        per kiosk: burst B, then M per minute; "off" for none (default ${DEFAULT_RATE_LIMIT.burst}/${DEFAULT_RATE_LIMIT.perMinute})
  --admin-port N|off      admin endpoint on 127.0.0.1 (default: any free port)
  --admin-token T         bearer token for the admin endpoint (default: random, printed)
  --fault SPEC            a fault in force from the start, repeatable: kind[:key=value,...]
                          kinds: latency(ms) 5xx(status) rate-limit(retryAfterSeconds) error(code,status) hang
                          malformed-json truncated-body bad-signature wrong-holder expired wrong-request-hash
                          unknown-kid refuse-result(certType,code,retryable); every kind takes count, route
                          (fetch|health|any) and kioskId. e.g. --fault 5xx:status=503,count=3
  --faults-file FILE      faults from a JSON file { "faults": [ { "kind": "latency", "ms": 200 }, ... ] }
  Admin: curl -H "Authorization: Bearer TOKEN" ADMIN_URL   (GET lists, POST {"faults":[...]} sets,
         POST ?append=1 adds, DELETE clears)
`;

function fail(message: string): never {
  process.stderr.write(`gateway-sim: ${message}\n`);
  process.exit(2);
}

function port(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 65535) fail(`--${name} must be 0–65535, got ${text}`);
  return value;
}

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: '.kiosk-data/gateway-simulator' },
    port: { type: 'string', default: '8443' },
    host: { type: 'string', default: '127.0.0.1' },
    'kiosk-id': { type: 'string', default: 'kiosk-dev-0001' },
    'sm2-kiosk-id': { type: 'string', default: 'kiosk-dev-sm2-0001' },
    'issuer-alg': { type: 'string', default: 'mixed' },
    'rate-limit': { type: 'string' },
    'admin-port': { type: 'string', default: '0' },
    'admin-token': { type: 'string' },
    fault: { type: 'string', multiple: true, default: [] },
    'faults-file': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

const issuerAlg = values['issuer-alg'];
if (issuerAlg !== 'mixed' && issuerAlg !== 'ES256' && issuerAlg !== 'SM2-SM3')
  fail(`--issuer-alg must be mixed, ES256 or SM2-SM3, got ${issuerAlg}`);

let rateLimit: RateLimit | null = DEFAULT_RATE_LIMIT;
if (values['rate-limit'] === 'off') rateLimit = null;
else if (values['rate-limit'] !== undefined) {
  const match = /^(\d+)\/(\d+)$/.exec(values['rate-limit']);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1)
    fail(`--rate-limit must be BURST/PER_MINUTE or off, got ${values['rate-limit']}`);
  rateLimit = { burst: Number(match[1]), perMinute: Number(match[2]) };
}

const faults: FaultRule[] = [];
if (values['faults-file'] !== undefined) {
  const file = await readFaultFile(values['faults-file']);
  if (!file.ok) fail(file.error);
  faults.push(...file.value);
}
for (const spec of values.fault) {
  const parsed = parseFaultSpec(spec);
  if (!parsed.ok) fail(parsed.error);
  faults.push(parsed.value);
}

const simulator = await startGatewaySimulator({
  dataDir: values['data-dir'],
  port: port('port', values.port),
  host: values.host,
  kioskId: values['kiosk-id'],
  sm2KioskId: values['sm2-kiosk-id'],
  issuerAlg,
  rateLimit,
  faults,
  adminPort: values['admin-port'] === 'off' ? null : port('admin-port', values['admin-port']),
  ...(values['admin-token'] !== undefined ? { adminToken: values['admin-token'] } : {}),
  logger: createJsonLogger((line) => process.stderr.write(line + '\n')),
});
process.stdout.write(
  JSON.stringify(
    {
      gatewaySimulator: simulator.url,
      dataDir: simulator.files.dir,
      admin: simulator.admin,
      faults: simulator.faults.list(),
      kiosks: simulator.kiosks.map((kiosk) => ({
        kioskId: kiosk.kioskId,
        alg: kiosk.alg,
        clientConfig: simulatorClientConfig(simulator, kiosk.alg),
      })),
    },
    null,
    2,
  ) + '\n',
);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void simulator.close().then(() => process.exit(0));
  });
}
