// The gateway client's cost per request against a zero-latency simulator on loopback, over real mutual TLS:
// end-to-end time per fetch (median/p95), the simulator's own time for the same requests (from its log),
// and the difference — what the client (build, sign, send, parse, verify every check) adds. For both the
// ES256 kiosk and the SM2-SM3 kiosk, on the one-certificate and the two-certificate errand.
//   npx tsx test/bench/gateway-client-overhead.bench.ts

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalogue } from '../../kiosk/errands/catalogue';
import type { FetchRequest } from '../../kiosk/gateway/gateway-client';
import { createGatewayClient } from '../../kiosk/gateway/https-gateway-client';
import type { SignatureAlg } from '../../kiosk/gateway/signature-algorithms';
import { silentLogger } from '../../kiosk/logger';
import { createMemoryLogger } from '../support/memory-logger';
import { simulatorClientConfig } from '../../scripts/gateway-simulator/client-config';
import { startGatewaySimulator } from '../../scripts/gateway-simulator/simulator';
import { testCitizens } from '../../scripts/synthetic-population';
import { percentile, summarize } from './bench-stats';

const RUNS = 150;
const WARMUP = 15;

const errands = loadCatalogue();
const zhang = testCitizens.find((c) => c.key === 'zhang-san')!;
function request(errandId: string): FetchRequest {
  const e = errands.find((candidate) => candidate.id === errandId)!;
  return {
    certTypes: e.certTypes,
    issueCode: e.issueCode,
    purposeCode: e.purposeCode,
    card: { ...zhang.card, photo: new Uint8Array(0) },
    consent: { method: 'id-card', grantedAt: new Date() },
  };
}

const dataDir = await mkdtemp(join(tmpdir(), 'gateway-bench-'));
const simLog = createMemoryLogger();
// The simulator's log gives its own time per request; the client measures the whole exchange.
const sim = await startGatewaySimulator({ dataDir, port: 0, rateLimit: null, adminPort: null, logger: simLog });
try {
  for (const alg of ['ES256', 'SM2-SM3'] as SignatureAlg[]) {
    const client = await createGatewayClient(simulatorClientConfig(sim, alg), { logger: silentLogger });
    for (const errandId of ['no-property-proof-provident-fund', 'renter-provident-fund-withdrawal']) {
      for (let i = 0; i < WARMUP; i++) await client.fetchCertificates(request(errandId), new AbortController().signal);
      simLog.lines.length = 0;
      const totals: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        const outcome = await client.fetchCertificates(request(errandId), new AbortController().signal);
        totals.push(performance.now() - started);
        if (!outcome.ok) throw new Error(`bench fetch failed: ${outcome.error.kind}`);
      }
      const server = simLog.lines
        .map((line) => JSON.parse(line) as { event: string; latencyMs: number })
        .filter((record) => record.event === 'gateway_sim.request')
        .map((record) => record.latencyMs);
      const label = `${alg} kiosk, ${errandId === 'renter-provident-fund-withdrawal' ? '2 certificates (ES256 + SM2 issuers)' : '1 certificate (ES256 issuer)'}`;
      console.log(summarize(`end to end, ${label}`, totals));
      console.log(summarize(`  simulator's own time`, server));
      console.log(
        `  client overhead ≈ median ${(percentile(totals, 50) - percentile(server, 50)).toFixed(1)} ms, p95 ${(percentile(totals, 95) - percentile(server, 95)).toFixed(1)} ms`,
      );
    }
    await client.close();
  }
} finally {
  await sim.close();
  await rm(dataDir, { recursive: true, force: true });
}
