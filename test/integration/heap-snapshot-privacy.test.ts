// Citizen data lives in memory for one session only (shared/README.md, principle 2). A kiosk agent in a child
// process runs one whole session — card, gateway, preview, print — and its heap is photographed before, during
// and after. Every string in the snapshot is searched for the holder's name and ID number: absent before (so
// nothing else in the process carries them), present during (so the search can find them), absent after; and
// so is the preview's PDF as the view carried it.
// The gateway simulator runs here, in the test's process: it holds the synthetic population, which must not
// be in the kiosk's heap. Snapshots hold citizen data: they are written to a temporary directory and deleted.

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../kiosk/logger';
import type { SessionView } from '../../kiosk/session/session-view';
import { simulatorClientConfig } from '../../scripts/gateway-simulator/client-config';
import { startGatewaySimulator, type RunningGatewaySimulator } from '../../scripts/gateway-simulator/simulator';
import { generatePopulation, type SyntheticCitizen } from '../../scripts/synthetic-population';
import { repoRoot } from '../support/kiosk-process';
import type { SnapshotKioskOptions, SnapshotKioskReply, SnapshotKioskRequest } from '../support/snapshot-kiosk';

// A generated resident, not one of the named test citizens whose names are constants in the agent's code.
const citizen: SyntheticCitizen = generatePopulation(1000).find(
  (c) => c.known && !c.ownsHousing && c.region === '杭州市' && Array.from(c.card.name).length === 3,
)!;
const { name, idNumber } = citizen.card;

let simulator: RunningGatewaySimulator;
let kiosk: ChildProcess;
let kioskUrl: string;
let output = '';
const dirs: string[] = [];

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

function ask(request: SnapshotKioskRequest): Promise<void> {
  return new Promise((resolve, reject) => {
    const onReply = (reply: SnapshotKioskReply) => {
      if (reply.type !== 'done' || reply.request !== request.type) return;
      kiosk.off('message', onReply);
      resolve();
    };
    kiosk.on('message', onReply);
    kiosk.send(request, (error) => error && reject(error));
  });
}

async function post(path: string, body: unknown): Promise<void> {
  const response = await fetch(new URL(path, kioskUrl), {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`POST ${path}: ${response.status}`);
}

async function waitForScreen(screen: string): Promise<void> {
  let last = '';
  for (let i = 0; i < 200; i++) {
    last = ((await (await fetch(new URL('/api/session', kioskUrl))).json()) as SessionView).screen;
    if (last === screen) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`screen ${screen} never came; last ${last}`);
}

/**
 * Which of the holder's data the kiosk's heap holds right now, read from every string of a heap snapshot; with
 * `pdfPiece` (a piece of the preview's PDF as the view sends it, base64), whether the paper is still there too.
 */
async function holderDataInHeap(label: string, pdfPiece?: string): Promise<{ name: boolean; idNumber: boolean; pdf?: boolean }> {
  const path = join(await tempDir(`heap-${label}-`), 'kiosk.heapsnapshot');
  try {
    await ask({ type: 'snapshot', path });
    // Parsed, not searched raw: the file writes Chinese as \u escapes, the strings table holds the text.
    const { strings } = JSON.parse(await readFile(path, 'utf8')) as { strings: string[] };
    const found = { name: strings.some((text) => text.includes(name)), idNumber: strings.some((text) => text.includes(idNumber)) };
    return pdfPiece === undefined ? found : { ...found, pdf: strings.some((text) => text.includes(pdfPiece)) };
  } finally {
    await rm(path, { force: true });
  }
}

beforeAll(async () => {
  simulator = await startGatewaySimulator({
    dataDir: await tempDir('heap-gateway-'),
    port: 0,
    adminPort: null,
    rateLimit: null,
    logger: silentLogger,
  });
  const { kioskId, ...gateway } = simulatorClientConfig(simulator);
  const options: SnapshotKioskOptions = { workDir: await tempDir('heap-kiosk-'), gateway, kioskId };
  kiosk = spawn(
    process.execPath,
    // Whole strings in the snapshot (V8 cuts them at 1024 characters), so a name deep in a long one is found.
    [
      '--expose-gc',
      '--heap-snapshot-string-limit=16777216',
      '--import',
      'tsx',
      join(repoRoot, 'test', 'support', 'snapshot-kiosk.ts'),
      JSON.stringify(options),
    ],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  kiosk.stdout?.on('data', (chunk) => (output += String(chunk)));
  kiosk.stderr?.on('data', (chunk) => (output += String(chunk)));
  kioskUrl = await new Promise<string>((resolve, reject) => {
    kiosk.once('message', (reply: SnapshotKioskReply) =>
      reply.type === 'ready' ? resolve(reply.url) : reject(new Error(`unexpected ${reply.type}`)),
    );
    kiosk.once('exit', (code) => reject(new Error(`the kiosk exited with ${code}:\n${output}`)));
  });
}, 60_000);

afterAll(async () => {
  if (kiosk?.connected) await ask({ type: 'stop' });
  if (kiosk && kiosk.exitCode === null) await new Promise((resolve) => kiosk.once('exit', resolve));
  await simulator?.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('the kiosk heap after a session', () => {
  it('holds neither the name nor the ID number of the citizen it just served, nor the paper it previewed', async () => {
    expect(await holderDataInHeap('before')).toEqual({ name: false, idNumber: false });

    await post('/api/session/events', { type: 'SELECT_ERRAND', errandId: 'no-property-proof-provident-fund' });
    await post('/api/session/events', { type: 'START' });
    await ask({ type: 'placeCard', card: citizen.card });
    await waitForScreen('consent');
    await post('/api/session/events', { type: 'CONSENT' });
    await waitForScreen('preview');
    const { preview } = (await (await fetch(new URL('/api/session', kioskUrl))).json()) as SessionView;
    const pdfPiece = preview!.pdfBase64.slice(1000, 1100);
    expect(await holderDataInHeap('during', pdfPiece)).toEqual({ name: true, idNumber: true, pdf: true });

    await post('/api/session/events', { type: 'PRINT' });
    await waitForScreen('takeItems');
    await ask({ type: 'removeCard' });
    await post('/api/sim/a4-printer', { action: 'takePaper' });
    await post('/api/session/events', { type: 'HOME' });
    await waitForScreen('home');
    expect(await holderDataInHeap('after', pdfPiece)).toEqual({ name: false, idNumber: false, pdf: false });
    expect(output).not.toContain(idNumber);
    expect(output).not.toContain(name);
  }, 180_000);
});
