// The compiled production agent starts only from a named configuration of real devices and a remote gateway:
// anything meant for development stops the start with one plain sentence naming the key, and exit status 1.

import { spawnSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtAgent } from '../support/kiosk-process';
import { realHardware } from '../support/real-hardware-config';
import { makeIssuer, newEs256Key, trustDocument } from '../support/trust-list-fixture';
import { publishTrustList, type TrustListDocument } from '../../kiosk/gateway/trust-list';

let dir: string;

function withoutConfigVariable(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.KIOSK_CONFIG;
  return env;
}

async function start(config: unknown | null): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const args = [builtAgent.production, '--port', '0'];
  if (config !== null) {
    const file = join(dir, 'kiosk.json');
    await writeFile(file, JSON.stringify(config));
    args.push('--config', file);
  }
  const run = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8', timeout: 20_000, env: withoutConfigVariable() });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiosk-production-'));
}, 120_000);
afterAll(() => rm(dir, { recursive: true, force: true }));

// `production: false` in the files below: the production agent refuses development parts whatever the file says
// (a file that says `production: true` is refused earlier, by the configuration's own check).
describe('the production agent refuses what is meant for development', () => {
  it('without a configuration', async () => {
    const run = await start(null);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      'The kiosk did not start: the production agent needs a configuration (--config PATH or KIOSK_CONFIG); `npm start` runs the development kiosk\n',
    );
    expect(run.stdout).toBe('');
  });

  it('with the gateway simulator', async () => {
    const run = await start({ ...realHardware, production: false, dataDir: dir, gateway: { mode: 'simulator' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('gateway.mode: the production agent talks to a remote gateway');
  });

  it('with a simulated device, naming it', async () => {
    const run = await start({
      ...realHardware,
      production: false,
      dataDir: dir,
      devices: { ...realHardware.devices, a4Printer: { driver: 'simulated' } },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('devices.a4Printer: simulated devices run only in development (npm start)');
  });
});

describe('a production kiosk refuses a test trust list at start (seal-kq1.md v1.1)', () => {
  /** A production configuration whose gateway files are all usable, with a trust list of this environment. */
  async function productionWith(environment: TrustListDocument['environment']) {
    const root = newEs256Key();
    const pem = (key: ReturnType<typeof newEs256Key>) => key.export({ type: 'pkcs8', format: 'pem' }).toString();
    const file = async (name: string, text: string) => {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    };
    const document = { ...trustDocument([makeIssuer().entry]), ...(environment ? { environment } : {}) };
    return {
      ...realHardware,
      dataDir: dir,
      gateway: {
        ...realHardware.gateway,
        caFile: await file('ca.pem', '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n'),
        clientCertFile: await file('kiosk.crt', '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n'),
        clientKeyFile: await file('kiosk.key', pem(newEs256Key())),
        signingKeyFile: await file('signing.key', pem(newEs256Key())),
        trustListFile: await file('trust-list.jws', publishTrustList(document, root)),
        trustRootFile: await file('trust-root.pem', createPublicKey(root).export({ type: 'spki', format: 'pem' }).toString()),
      },
    };
  }

  it.each([
    ['a test list', 'test' as const],
    ['a list that names no environment', undefined],
  ])('%s stops the start, naming the file', async (_, environment) => {
    const config = await productionWith(environment);
    const run = await start(config);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `trust list ${config.gateway.trustListFile} refused: trust list: a test list, and this kiosk's configuration says production`,
    );
  });
});
