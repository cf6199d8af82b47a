// Agent start-up: from `node` starting to the URL printed, for the compiled development kiosk (what `npm start`
// runs after its build step) and, for comparison, the same entry through the TypeScript loader. Each start is in a
// fresh working directory, so the gateway simulator makes its development keys every time, as on a first start;
// a second series reuses one directory (keys already made), as on every later start.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKiosk } from '../support/build-kiosk';
import { repoRoot, startKioskProcess } from '../support/kiosk-process';
import { percentile, summarize } from './bench-stats';

const RUNS = 10;
const TARGET_MS = 1000;
const tsxEntry = [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'kiosk', 'dev-main.ts')];

async function startups(entry: string[] | undefined, cwd?: string): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const kiosk = await startKioskProcess({ ...(entry ? { entry } : {}), ...(cwd ? { cwd } : {}) });
    samples.push(kiosk.startupMs);
    await kiosk.stop();
  }
  return samples;
}

buildKiosk();
const compiled = await startups(undefined);
const throughTsx = await startups(tsxEntry);
const warmDir = await mkdtemp(join(tmpdir(), 'kiosk-bench-warm-'));
const compiledWarm = await startups(undefined, warmDir);
await rm(warmDir, { recursive: true, force: true });

console.log(summarize('agent start → URL printed, compiled (node dist/kiosk-dev.mjs), first start', compiled));
console.log(summarize('agent start → URL printed, TypeScript through tsx (kiosk/dev-main.ts), first start', throughTsx));
console.log(summarize('agent start → URL printed, compiled, keys already made', compiledWarm));
const median = percentile(compiled, 50);
console.log(
  `compiled / tsx (medians): ${(median / percentile(throughTsx, 50)).toFixed(2)}; compiled median / ${TARGET_MS} ms target: ${(median / TARGET_MS).toFixed(2)}`,
);
