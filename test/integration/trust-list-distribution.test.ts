// The trust list through the template repository on a local static server: signed into TUF by the operator's
// `sign-trust-list`, downloaded by the kiosk's poll, and used by the real gateway client only once the kiosk's own
// pinned trust root verifies it. A list TUF carries but the root did not sign (a compromised targets key) is
// refused with a staff alert, as is a lower version; the list in use stays, and a restart keeps what was installed.

import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ok } from '../../device-drivers/result';
import { createGatewayClient, type GatewayClientConfig, type HttpsGatewayClient } from '../../kiosk/gateway/https-gateway-client';
import { signJws } from '../../kiosk/gateway/jws';
import { keyId } from '../../kiosk/gateway/key-id';
import { publishTrustList, type TrustListDocument } from '../../kiosk/gateway/trust-list';
import { openInstalledBundles } from '../../kiosk/templates/installed-bundles';
import { startTemplateUpdater, type TemplateUpdater } from '../../kiosk/templates/template-updater';
import { createTrustListUpdate } from '../../kiosk/templates/trust-list-update';
import { createTufBundleSource, TRUST_LIST_TARGET } from '../../kiosk/templates/tuf-bundle-source';
import { simulatorClientConfig } from '../../scripts/gateway-simulator/client-config';
import { startGatewaySimulator, type RunningGatewaySimulator } from '../../scripts/gateway-simulator/simulator';
import { publishRepository } from '../../scripts/template-repository/publish-repository';
import { makeRoleKeys } from '../../scripts/template-repository/role-keys';
import { signBundle } from '../../scripts/template-repository/sign-bundle';
import { signTrustList } from '../../scripts/template-repository/sign-trust-list';
import { addTarget, signNextTargets } from '../../scripts/template-repository/targets-signing';
import { createMemoryLogger } from '../support/memory-logger';
import { makeIssuer, newEs256Key, productionCopyOfTrustList } from '../support/trust-list-fixture';
import { startStaticDirectoryServer } from '../support/static-directory-server';
import { writeTemplateBundle } from '../support/template-bundle-fixture';

let work: string;
let repo: string;
let keys: string;
let kioskData: string;
let server: Awaited<ReturnType<typeof startStaticDirectoryServer>>;
let sim: RunningGatewaySimulator;
let simList: TrustListDocument;
let rootKey: KeyObject;
let clients: HttpsGatewayClient[];
let updater: TemplateUpdater | null;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'trust-tuf-'));
  repo = join(work, 'repository');
  keys = join(work, 'keys');
  kioskData = join(work, 'kiosk');
  await mkdir(kioskData);
  await makeRoleKeys(keys);
  await signBundle({ repo, bundle: await writeTemplateBundle(join(work, 'bundle'), '1.0.0'), ring: 9, keys });
  await publishRepository({ repo, keys });
  server = await startStaticDirectoryServer(repo);
  sim = await startGatewaySimulator({
    dataDir: join(work, 'simulator'),
    port: 0,
    logger: createMemoryLogger(),
    rateLimit: null,
    adminPort: null,
  });
  const [, payload] = (await readFile(sim.files.trustList, 'utf8')).trim().split('.');
  simList = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as TrustListDocument;
  rootKey = createPrivateKey(await readFile(sim.files.trustRootKey, 'utf8'));
  clients = [];
  updater = null;
});

afterEach(async () => {
  await updater?.stop();
  for (const client of clients) await client.close();
  await sim.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
});

/** The gateway client as the agent makes it (kiosk-gateway.ts): the version and the received list in its data directory. */
async function gatewayClient(production: Partial<GatewayClientConfig> = {}): Promise<HttpsGatewayClient> {
  const config: GatewayClientConfig = {
    ...simulatorClientConfig(sim),
    ...production,
    trustListVersionFile: join(kioskData, 'trust-list-version.json'),
    receivedTrustListFile: join(kioskData, 'trust-list.jws'),
  };
  const client = await createGatewayClient(config, { logger: createMemoryLogger() });
  clients.push(client);
  return client;
}

async function kiosk(production: Partial<GatewayClientConfig> = {}) {
  const gateway = await gatewayClient(production);
  const logger = createMemoryLogger();
  updater = startTemplateUpdater({
    source: createTufBundleSource({
      repositoryUrl: server.url,
      trustedRootFile: join(repo, 'metadata', '1.root.json'),
      metadataDir: join(kioskData, 'templates-metadata'),
    }),
    installed: await openInstalledBundles(join(kioskData, 'templates')),
    ring: 9,
    appVersion: '0.1.0',
    testRender: async () => ok(undefined),
    idle: () => true,
    pollMs: 3_600_000,
    logger,
    trustList: createTrustListUpdate(gateway, logger),
  });
  await updater.checkNow();
  return { gateway, logger, updater };
}

/** A list with one more issuer (the one an attacker would add), at `version`, signed by `signer`, into TUF. */
async function releaseList(version: number, signer: KeyObject = rootKey): Promise<string> {
  const document = { ...simList, version, issuers: [...simList.issuers, makeIssuer().entry] };
  // A forger names the pinned root's kid: only the signature can tell.
  const token =
    signer === rootKey
      ? publishTrustList(document, rootKey)
      : signJws({ alg: 'ES256', kid: keyId(createPublicKey(rootKey)), typ: 'trust+jws' }, document, signer);
  const file = join(work, `trust-list-${version}-${keyId(signer)}.jws`);
  await writeFile(file, token);
  await signTrustList({ repo, trustList: file, keys });
  await publishRepository({ repo, keys });
  return token;
}

const alerts = (lines: readonly string[]) => lines.filter((line) => line.includes('trustListRefused'));

describe('the trust list through the template repository', () => {
  it('installs a newer list signed by the pinned root, uses it, and keeps it across a restart', async () => {
    const { gateway, updater, logger } = await kiosk();
    expect(gateway.trustList.version).toBe(simList.version);
    const token = await releaseList(simList.version + 1);
    await updater.checkNow();
    expect(gateway.trustList.version).toBe(simList.version + 1);
    expect(gateway.trustList.issuers.size).toBe(simList.issuers.length + 1);
    expect(gateway.diagnostics().trustListVersion).toBe(simList.version + 1);
    expect(logger.lines.some((line) => line.includes('templates.trust_list'))).toBe(true);
    expect((await readFile(join(kioskData, 'trust-list.jws'), 'utf8')).trim()).toBe(token);
    // A restart starts from the received list, not the older configured one (which its version file now refuses).
    const restarted = await gatewayClient();
    expect(restarted.trustList.version).toBe(simList.version + 1);
  });

  it('refuses a list the targets key carries but the pinned root did not sign, with a staff alert', async () => {
    const { gateway, updater, logger } = await kiosk();
    await releaseList(simList.version + 5, newEs256Key());
    await updater.checkNow();
    expect(gateway.trustList.version).toBe(simList.version);
    expect(gateway.trustList.issuers.size).toBe(simList.issuers.length);
    expect(alerts(logger.lines)).toHaveLength(1);
    expect(logger.lines.join('\n')).toMatch(/signature does not verify against the pinned root/);
    // Not downloaded or alerted on again at the next poll.
    await updater.checkNow();
    expect(alerts(logger.lines)).toHaveLength(1);
    expect((await gatewayClient()).trustList.version).toBe(simList.version);
  });

  it('refuses a lower version than the one in use, whatever TUF says', async () => {
    await releaseList(simList.version + 2);
    const { gateway, updater, logger } = await kiosk();
    expect(gateway.trustList.version).toBe(simList.version + 2);
    // The operator's tool refuses a lower version before any kiosk does.
    await expect(releaseList(simList.version + 1)).rejects.toThrow(/lower than the signed/);
    // A holder of the targets key can still carry an older root-signed list whose target claims a newer version.
    const older = Buffer.from(publishTrustList({ ...simList, version: simList.version + 1 }, rootKey));
    await signNextTargets({ repo, keys }, async (targets) => {
      delete targets.targets[TRUST_LIST_TARGET];
      await addTarget(repo, targets, TRUST_LIST_TARGET, older, { version: simList.version + 3 });
    });
    await publishRepository({ repo, keys });
    await updater.checkNow();
    expect(gateway.trustList.version).toBe(simList.version + 2);
    expect(alerts(logger.lines)).toHaveLength(1);
    expect(logger.lines.join('\n')).toMatch(/version \d+ is lower than the installed \d+/);
  });

  it('refuses a test list on a kiosk whose configuration says production', async () => {
    const trustListFile = await productionCopyOfTrustList(sim.files, join(work, 'production-trust-list.jws'));
    const { gateway, updater, logger } = await kiosk({ production: true, trustListFile });
    expect(gateway.trustList.environment).toBe('production');
    await releaseList(simList.version + 1);
    await updater.checkNow();
    expect(gateway.trustList).toMatchObject({ version: simList.version, environment: 'production' });
    expect(alerts(logger.lines)).toHaveLength(1);
    expect(logger.lines.join('\n')).toMatch(/a test list, and this kiosk's configuration says production/);
  });
});
