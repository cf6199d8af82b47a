// The cost of one /metrics scrape of the development agent after an errand, over real HTTP on loopback: wall time
// and the CPU time it took (the agent and the HTTP client share this process, so that CPU includes the client's
// side); then the registry's rendering alone, with and without the process metrics, and one atomic textfile write.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../kiosk/config/kiosk-config';
import { createDevelopmentAgent } from '../../kiosk/development/create-development-agent';
import { devicesStatus } from '../../kiosk/devices/kiosk-devices';
import { silentLogger } from '../../kiosk/logger';
import { createKioskMetrics } from '../../kiosk/metrics/kiosk-metrics';
import { writeMetricsTextfile } from '../../kiosk/metrics/metrics-textfile';
import { localApi } from '../support/local-api';
import { gatewayDiagnostics } from '../support/gateway-diagnostics';
import { summarize } from './bench-stats';

const RUNS = 300;
const WARMUP = 20;

/** Wall and CPU milliseconds of each of RUNS calls, after WARMUP unmeasured ones. */
async function measure(run: () => Promise<unknown>): Promise<{ wall: number[]; cpu: number[] }> {
  for (let i = 0; i < WARMUP; i++) await run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    await run();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall, cpu };
}

const workDir = await mkdtemp(join(tmpdir(), 'kiosk-bench-metrics-'));
const { config } = await loadConfig(undefined, workDir);
config.port = 0;
const agent = await createDevelopmentAgent(config, { logger: silentLogger, uiDir: join(workDir, 'no-ui') });
// One errand to paper, so the histograms and counters hold what a working kiosk's do.
const api = localApi(agent.url);
await api.consentTo('renter-provident-fund-withdrawal', 'ayiguli');
await api.waitForScreen('preview');
await api.event({ type: 'PRINT' });
await api.waitForScreen('takeItems');
await api.event({ type: 'HOME' });
await api.waitForScreen('home');

let size = 0;
const scrape = await measure(async () => {
  const text = await (await fetch(new URL('/metrics', agent.url))).text();
  size = text.length;
});
const render = await measure(() => agent.metrics.text());
const kioskOnly = createKioskMetrics({
  errandIds: ['renter-provident-fund-withdrawal', 'residence-proof', 'social-security-record', 'no-property-proof-provident-fund'],
  devices: () => devicesStatus(agent.devices),
  gateway: () => ({
    diagnostics: gatewayDiagnostics(),
    trustListNextUpdateMs: Date.now() + 3600_000,
  }),
});
const withoutProcess = await measure(() => kioskOnly.text());
const text = await agent.metrics.text();
const textfile = await measure(() => writeMetricsTextfile(workDir, text));

await agent.stop();
await rm(workDir, { recursive: true, force: true });

console.log(`one /metrics answer: ${size} bytes, ${text.split('\n').filter((l) => l && !l.startsWith('#')).length} samples`);
console.log(summarize('GET /metrics over loopback HTTP, wall', scrape.wall));
console.log(summarize('GET /metrics over loopback HTTP, CPU (agent and client)', scrape.cpu));
console.log(summarize('registry rendering alone (with process metrics), wall', render.wall));
console.log(summarize('registry rendering alone (with process metrics), CPU', render.cpu));
console.log(summarize('registry rendering, kiosk metrics only (no process metrics), wall', withoutProcess.wall));
console.log(summarize('registry rendering, kiosk metrics only (no process metrics), CPU', withoutProcess.cpu));
console.log(summarize('textfile write (temp file, fsync, rename), wall', textfile.wall));
console.log(summarize('textfile write (temp file, fsync, rename), CPU', textfile.cpu));
