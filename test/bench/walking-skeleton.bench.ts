// The walking skeleton's figures: time from card tapped to PDF in the spool (median of 20), agent start-up
// time (in process and as `npm start` runs it), and the UI's JavaScript: the first screen's, gzipped, and the
// chunks loaded later (the preview's PDF renderer and its worker).

import { readdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDevelopmentAgent } from '../../kiosk/development/create-development-agent';
import { loadConfig } from '../../kiosk/config/kiosk-config';
import { silentLogger } from '../../kiosk/logger';
import { buildKiosk } from '../support/build-kiosk';
import { totalGzipped, uiBuildChunks, type UiChunk } from '../support/ui-build-chunks';
import { summarize } from './bench-stats';

const RUNS = 20;

async function until(check: () => Promise<boolean> | boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1));
  }
}

async function cardToSpool(): Promise<{ cardToPdf: number[]; consentToPdf: number[]; startups: number[] }> {
  const workDir = await mkdtemp(join(tmpdir(), 'kiosk-bench-'));
  const { config } = await loadConfig(undefined, workDir);
  config.port = 0;
  const started = performance.now();
  const agent = await createDevelopmentAgent(config, { logger: silentLogger });
  const startups = [performance.now() - started];
  const reader = agent.simulated.idReader!;
  const cardToPdf: number[] = [];
  const consentToPdf: number[] = [];
  const { testCitizens } = await import('../../scripts/synthetic-population');
  for (let run = 0; run < RUNS; run++) {
    agent.runtime.send({ type: 'SELECT_ERRAND', errandId: 'no-property-proof-provident-fund' });
    agent.runtime.send({ type: 'START' });
    const before = (await readdir(agent.spoolDir!)).length;
    const tapped = performance.now();
    reader.placeCard(testCitizens[0]!.card);
    await until(() => agent.runtime.view().screen === 'consent', 'consent');
    const consented = performance.now();
    agent.runtime.send({ type: 'CONSENT' });
    await until(() => agent.runtime.view().screen === 'preview', 'preview');
    agent.runtime.send({ type: 'PRINT' });
    await until(async () => (await readdir(agent.spoolDir!)).length > before, 'the PDF in the spool');
    cardToPdf.push(performance.now() - tapped);
    consentToPdf.push(performance.now() - consented);
    await until(() => agent.runtime.view().screen === 'takeItems', 'takeItems');
    agent.runtime.send({ type: 'HOME' });
    await until(() => agent.runtime.view().screen === 'home', 'home');
  }
  await agent.stop();
  await rm(workDir, { recursive: true, force: true });
  return { cardToPdf, consentToPdf, startups };
}

const { cardToPdf, consentToPdf, startups } = await cardToSpool();
console.log(summarize('card tapped → PDF in the simulated spool (consent and print tapped at once)', cardToPdf));
console.log(summarize('  of which consent → PDF in the spool (fetch over HTTPS, verify, render, spool)', consentToPdf));
console.log('  the rest is the reader: "find card" polled every 300 ms plus 112 ms of 115200-baud wire time');
console.log(summarize('agent start-up, in process (first start: simulator keys made)', startups));
buildKiosk();
const { firstScreen, loadedLater } = uiBuildChunks();
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const rawOf = (chunks: readonly UiChunk[]) => chunks.reduce((sum, c) => sum + c.bytes, 0);
console.log(`UI JavaScript, first screen: ${kib(rawOf(firstScreen))} raw, ${kib(totalGzipped(firstScreen))} gzipped (budget 80 KiB)`);
for (const chunk of loadedLater) console.log(`  loaded later: ${chunk.file} ${kib(chunk.bytes)} raw, ${kib(chunk.gzipped)} gzipped`);
