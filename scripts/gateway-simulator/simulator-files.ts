// The simulator's data directory: created on first start, reused on later ones. It holds the development
// PKI, one ES256 key per department, the trust-list root and the signed trust list, and each registered
// kiosk's request-signing key and client certificate.

import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatInstant } from '../../kiosk/gateway/contract-time';
import { keyId } from '../../kiosk/gateway/key-id';
import { loadTrustList, publishTrustList, type TrustList, type TrustListDocument } from '../../kiosk/gateway/trust-list';
import { createDevCa, issueKioskClientCertificate, issueServerCertificate, type PemPair } from './dev-pki';
import { departments, type Department } from './departments';

const DAY_MS = 86_400_000;

export interface SimulatorFiles {
  caCert: string;
  caKey: string;
  serverCert: string;
  serverKey: string;
  trustList: string;
  /** The trust-list root public key, which kiosks pin. */
  trustRoot: string;
  trustRootKey: string;
  kioskSigningKey: string;
  /** The kiosk's registered public key, all the gateway keeps of it. */
  kioskSigningPublicKey: string;
  kioskClientCert: string;
  kioskClientKey: string;
}

export interface IssuerKey {
  department: Department;
  kid: string;
  privateKey: KeyObject;
}

export interface SimulatorMaterial {
  files: SimulatorFiles;
  tls: { certPem: string; keyPem: string; caPem: string };
  issuers: ReadonlyMap<Department['id'], IssuerKey>;
  trustList: TrustList;
  kioskPublicKey: KeyObject;
}

async function writePrivate(path: string, text: string): Promise<void> {
  await writeFile(path, text, { mode: 0o600 });
}

function newEs256PrivateKeyPem(): string {
  return generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

async function ensurePrivateKey(path: string): Promise<KeyObject> {
  if (!existsSync(path)) await writePrivate(path, newEs256PrivateKeyPem());
  return createPrivateKey(await readFile(path, 'utf8'));
}

async function ensurePair(certPath: string, keyPath: string, make: () => Promise<PemPair>): Promise<PemPair> {
  if (existsSync(certPath) && existsSync(keyPath)) {
    return { certPem: await readFile(certPath, 'utf8'), keyPem: await readFile(keyPath, 'utf8') };
  }
  const pair = await make();
  await writePrivate(keyPath, pair.keyPem);
  await writeFile(certPath, pair.certPem);
  return pair;
}

export async function prepareSimulatorFiles(dataDir: string, kioskId: string, now: Date): Promise<SimulatorMaterial> {
  if (!/^[A-Za-z0-9-]{1,64}$/.test(kioskId)) throw new Error('gateway simulator: kiosk id must be A-Z a-z 0-9 - (at most 64)');
  const dir = resolve(dataDir);
  const kioskDir = join(dir, 'kiosks', kioskId);
  await mkdir(join(dir, 'issuers'), { recursive: true });
  await mkdir(kioskDir, { recursive: true });
  const files: SimulatorFiles = {
    caCert: join(dir, 'ca-cert.pem'),
    caKey: join(dir, 'ca-key.pem'),
    serverCert: join(dir, 'server-cert.pem'),
    serverKey: join(dir, 'server-key.pem'),
    trustList: join(dir, 'trust-list.jws'),
    trustRoot: join(dir, 'trust-root.pem'),
    trustRootKey: join(dir, 'trust-root-key.pem'),
    kioskSigningKey: join(kioskDir, 'signing-key.pem'),
    kioskSigningPublicKey: join(kioskDir, 'signing-public-key.pem'),
    kioskClientCert: join(kioskDir, 'client-cert.pem'),
    kioskClientKey: join(kioskDir, 'client-key.pem'),
  };

  const ca = await ensurePair(files.caCert, files.caKey, createDevCa);
  const server = await ensurePair(files.serverCert, files.serverKey, () => issueServerCertificate(ca));
  await ensurePair(files.kioskClientCert, files.kioskClientKey, () => issueKioskClientCertificate(ca, kioskId));

  const kioskKey = await ensurePrivateKey(files.kioskSigningKey);
  const kioskPublicKey = createPublicKey(kioskKey);
  await writeFile(files.kioskSigningPublicKey, kioskPublicKey.export({ type: 'spki', format: 'pem' }).toString());

  const issuers = new Map<string, IssuerKey>();
  for (const department of departments) {
    const privateKey = await ensurePrivateKey(join(dir, 'issuers', `${department.id}-key.pem`));
    issuers.set(department.id, { department, kid: keyId(privateKey), privateKey });
  }

  const rootKey = await ensurePrivateKey(files.trustRootKey);
  const rootPublic = createPublicKey(rootKey);
  await writeFile(files.trustRoot, rootPublic.export({ type: 'spki', format: 'pem' }).toString());
  const trustList = await ensureTrustList(files.trustList, rootKey, rootPublic, [...issuers.values()], now);

  return { files, tls: { certPem: server.certPem, keyPem: server.keyPem, caPem: ca.certPem }, issuers, trustList, kioskPublicKey };
}

/** Reuses the published list while it is current and names exactly today's keys; else publishes the next version. */
async function ensureTrustList(path: string, rootKey: KeyObject, rootPublic: KeyObject, issuers: IssuerKey[], now: Date): Promise<TrustList> {
  let previousVersion = 0;
  if (existsSync(path)) {
    const loaded = loadTrustList(await readFile(path, 'utf8'), rootPublic);
    if (loaded.ok) {
      const { list } = loaded;
      previousVersion = list.version;
      const current =
        now.getTime() < list.nextUpdateMs &&
        list.issuers.size === issuers.length &&
        issuers.every((issuer) => {
          const entry = list.issuers.get(issuer.kid);
          return entry !== undefined && entry.status === 'active' && entry.validFromMs <= now.getTime() && now.getTime() < entry.validToMs;
        });
      if (current) return list;
    }
  }
  const second = Math.floor(now.getTime() / 1000) * 1000;
  const document: TrustListDocument = {
    version: previousVersion + 1,
    issuedAt: formatInstant(new Date(second)),
    nextUpdate: formatInstant(new Date(second + 7 * DAY_MS)),
    issuers: issuers.map(({ department, kid, privateKey }) => ({
      kid,
      alg: 'ES256',
      code: department.code,
      name: department.name,
      certTypes: [...department.certTypes],
      publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
      validFrom: formatInstant(new Date(second - 30 * DAY_MS)),
      validTo: formatInstant(new Date(second + 2 * 365 * DAY_MS)),
      status: 'active',
    })),
  };
  const token = publishTrustList(document, rootKey);
  await writeFile(path, token + '\n');
  const loaded = loadTrustList(token, rootPublic);
  if (!loaded.ok) throw new Error(`gateway simulator: the trust list it just published does not load: ${loaded.reason}`);
  return loaded.list;
}
