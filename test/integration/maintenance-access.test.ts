// Maintenance access as the two composition roots wire it: the development kiosk's ephemeral key, its staff
// member shown to the dev panel and its minted codes; a configured key used instead where the configuration names
// one; and the compiled production agent refusing to start on a maintenance key file that is not a P-256 public key.

import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../kiosk/config/kiosk-config';
import { createDevelopmentAgent } from '../../kiosk/development/create-development-agent';
import { hashPin } from '../../kiosk/maintenance/pin-hash';
import type { AgentMessage, KioskInfo } from '../../kiosk/session/session-view';
import { builtAgent } from '../support/kiosk-process';
import { postJson, startLoopbackDevelopmentAgent } from '../support/loopback-development-agent';
import { createMemoryLogger } from '../support/memory-logger';
import { realHardware } from '../support/real-hardware-config';

let dir: string;
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maintenance-access-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function kioskInfo(url: string): Promise<KioskInfo> {
  const ws = new WebSocket(url.replace('http', 'ws') + 'ws');
  try {
    const first = await new Promise<AgentMessage>((resolve, reject) => {
      ws.once('message', (data) => resolve(JSON.parse(String(data)) as AgentMessage));
      ws.once('error', reject);
    });
    if (first.type !== 'kiosk') throw new Error(`first message: ${first.type}`);
    return first.info;
  } finally {
    ws.close();
  }
}

describe('the development kiosk', () => {
  it('shows its development staff member and PIN, and the panel mints codes through the scanner', async () => {
    const running = await startLoopbackDevelopmentAgent('maintenance-dev');
    try {
      const { agent } = running;
      expect((await kioskInfo(agent.url)).devMaintenance).toEqual({ staffId: 'dev-staff', pin: '2468' });
      for (const variant of ['valid', 'expired', 'otherKiosk', 'badSignature', 'tooLongLived']) {
        expect(await postJson(agent.url, '/api/sim/scanner', { action: 'maintenanceCode', variant })).toEqual({
          status: 200,
          body: { ok: true },
        });
      }
      expect((await postJson(agent.url, '/api/sim/scanner', { action: 'maintenanceCode', variant: 'forged' })).status).toBe(400);
      // The development key is never written to disk: no PEM anywhere under the kiosk's directory.
      const pem = spawnSync('grep', ['-rl', 'PRIVATE KEY', running.workDir, '--exclude-dir=gateway-simulator'], { encoding: 'utf8' });
      expect(pem.stdout).toBe('');
    } finally {
      await running.stop();
    }
  });

  it('uses the configured key instead when the configuration names one: no development staff, no minted codes', async () => {
    const workDir = await mkdtemp(join(dir, 'configured-'));
    const publicKeyFile = join(workDir, 'maintenance-public.pem');
    await writeFile(publicKeyFile, p256.publicKey.export({ type: 'spki', format: 'pem' }));
    const { config } = await loadConfig(undefined, workDir);
    config.port = 0;
    config.maintenance = { publicKeyFile, staff: { 'wang.li': hashPin('482915', { ln: 10, r: 8, p: 1 }) } };
    const agent = await createDevelopmentAgent(config, { logger: createMemoryLogger(), uiDir: join(workDir, 'no-ui') });
    try {
      expect((await kioskInfo(agent.url)).devMaintenance).toBeNull();
      expect((await postJson(agent.url, '/api/sim/scanner', { action: 'maintenanceCode', variant: 'valid' })).status).toBe(404);
    } finally {
      await agent.stop();
    }
  });
});

describe('the production agent', () => {
  async function start(publicKeyPem: string): Promise<{ status: number | null; stderr: string }> {
    const keyFile = join(dir, 'maintenance-public.pem');
    await writeFile(keyFile, publicKeyPem);
    const configFile = join(dir, 'kiosk.json');
    await writeFile(
      configFile,
      JSON.stringify({
        ...realHardware,
        dataDir: dir,
        maintenance: { publicKeyFile: keyFile, staff: { 'wang.li': hashPin('482915', { ln: 10, r: 8, p: 1 }) } },
      }),
    );
    const env = { ...process.env };
    delete env.KIOSK_CONFIG;
    const run = spawnSync(process.execPath, [builtAgent.production, '--port', '0', '--config', configFile], {
      cwd: dir,
      encoding: 'utf8',
      timeout: 20_000,
      env,
    });
    return { status: run.status, stderr: run.stderr };
  }

  it('refuses to start on a maintenance key file that holds a private key, another curve or no key, naming the key', async () => {
    const keyFile = join(dir, 'maintenance-public.pem');
    for (const [pem, reason] of [
      [p256.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), 'holds a private key'],
      [
        generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        'is not a P-256 (ES256) public key',
      ],
      ['not a key\n', 'does not hold a PEM public key'],
    ] as const) {
      const run = await start(pem);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`The kiosk did not start: maintenance.publicKeyFile: ${keyFile} ${reason}`);
    }
  });
});
