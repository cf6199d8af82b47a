// Requests per second the gateway simulator sustains on this machine: the simulator runs as its own process
// (as integrators run it), and a load loop here sends signed fetches over mutual TLS on loopback from a
// number of concurrent connections, for a fixed time, then stops. Every request is new (fresh id, fresh
// signature), names a known citizen of the population, and is answered with freshly signed certificates.
//   npx tsx test/bench/gateway-simulator-throughput.bench.ts

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createPrivateKey } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import https from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue } from '../../kiosk/errands/catalogue';
import { formatInstant } from '../../kiosk/gateway/contract-time';
import { buildFetchRequestBody, encodeBody } from '../../kiosk/gateway/fetch-request-body';
import type { GatewayClientConfig } from '../../kiosk/gateway/gateway-client-config';
import { FETCH_PATH, signedRequestHeaders } from '../../kiosk/gateway/request-signing';
import { simulatorPopulation } from '../../scripts/synthetic-population';
import { readPrintedJson } from '../support/printed-json';
import { summarize } from './bench-stats';

const DURATION_MS = 5_000;
const CONCURRENCY = [1, 8, 32];

const repoRoot = join(import.meta.dirname, '..', '..');
const dataDir = await mkdtemp(join(tmpdir(), 'gateway-throughput-'));
const child = spawn(
  process.execPath,
  [
    join(repoRoot, 'node_modules/tsx/dist/cli.mjs'),
    join(repoRoot, 'scripts/gateway-simulator.ts'),
    '--data-dir',
    dataDir,
    '--port',
    '0',
    '--rate-limit',
    'off',
    '--admin-port',
    'off',
  ],
  { stdio: ['ignore', 'pipe', 'ignore'] },
);

try {
  const printed = await readPrintedJson<{ kiosks: Array<{ alg: string; clientConfig: GatewayClientConfig }> }>(child);
  const config = printed.kiosks.find((kiosk) => kiosk.alg === 'ES256')!.clientConfig;
  const [ca, cert, key, signingPem] = await Promise.all(
    [config.caFile, config.clientCertFile, config.clientKeyFile, config.signingKeyFile].map((file) => readFile(file, 'utf8')),
  );
  const signingKey = createPrivateKey(signingPem!);
  const errand = loadCatalogue().find((e) => e.id === 'no-property-proof-provident-fund')!;
  const citizens = simulatorPopulation().filter((c) => c.known && !c.ownsHousing && c.card.cardType === 'resident');
  const url = new URL(FETCH_PATH, config.url);

  async function run(concurrency: number): Promise<void> {
    const agent = new https.Agent({ ca, cert, key, keepAlive: true, maxSockets: concurrency });
    const latencies: number[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const send = (): Promise<void> => {
      const citizen = citizens[next++ % citizens.length]!;
      const body = encodeBody(
        buildFetchRequestBody({
          certTypes: errand.certTypes,
          issueCode: errand.issueCode,
          purposeCode: errand.purposeCode,
          card: { ...citizen.card, photo: new Uint8Array(0) },
          consent: { method: 'id-card', grantedAt: new Date() },
        }),
      );
      const headers = signedRequestHeaders(
        {
          method: 'POST',
          path: FETCH_PATH,
          kioskId: config.kioskId,
          requestId: randomUUID(),
          timestamp: formatInstant(new Date()),
          issue: errand.issueCode,
          purpose: errand.purposeCode,
          body,
        },
        'ES256',
        signingKey,
      );
      const started = performance.now();
      return new Promise((resolve, reject) => {
        const request = https.request(
          url,
          { method: 'POST', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': body.length } },
          (response) => {
            response.on('data', () => {});
            response.on('end', () => {
              latencies.push(performance.now() - started);
              statuses.set(response.statusCode ?? 0, (statuses.get(response.statusCode ?? 0) ?? 0) + 1);
              resolve();
            });
          },
        );
        request.on('error', reject);
        request.end(body);
      });
    };
    // Warm the connections, then count only the measured window.
    await Promise.all(Array.from({ length: concurrency }, () => send()));
    latencies.length = 0;
    statuses.clear();
    const deadline = performance.now() + DURATION_MS;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (performance.now() < deadline) await send();
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    const ok = statuses.get(200) ?? 0;
    console.log(
      `${concurrency} concurrent: ${(latencies.length / seconds).toFixed(0)} requests/s (${ok} answered 200 with a signed certificate, statuses ${JSON.stringify(Object.fromEntries(statuses))}) over ${seconds.toFixed(1)} s`,
    );
    console.log(`  ${summarize('latency per request', latencies)}`);
  }

  for (const concurrency of CONCURRENCY) await run(concurrency);
} finally {
  child.kill('SIGTERM');
  await rm(dataDir, { recursive: true, force: true });
}
