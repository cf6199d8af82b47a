// The simulator's data directory: created on first start, reused on later ones. It holds the development
// PKI, an ES256 and an SM2 key per department, the trust-list root and the signed trust list, and each
// registered kiosk's request-signing key (ES256 or SM2, as registered) and TLS client certificate.
// Its trust list is a `test` list, and each issuer carries a generated stamp.

import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatInstant } from '../../kiosk/gateway/contract-time';
import { keyId } from '../../kiosk/gateway/key-id';
import { signatureScheme, type SignatureAlg } from '../../kiosk/gateway/signature-algorithms';
import { loadTrustList, publishTrustList, type TrustList, type TrustListDocument } from '../../kiosk/gateway/trust-list';
import { createDevCa, issueKioskClientCertificate, issueServerCertificate, type PemPair } from './dev-pki';
import { departments, type Department } from './departments';
import { generateIssuerStamp } from './issuer-stamp-art';

const DAY_MS = 86_400_000;
const KIOSK_ID = /^[A-Za-z0-9-]{1,64}$/;

export interface SimulatorFiles {
  /** The data directory itself. */
  dir: string;
  caCert: string;
  caKey: string;
  serverCert: string;
  serverKey: string;
  trustList: string;
  /** The trust-list root public key, which kiosks pin. */
  trustRoot: string;
  trustRootKey: string;
}

export interface KioskFiles {
  /** PKCS#8 PEM: a P-256 key for ES256, an SM2 key for SM2-SM3. */
  signingKey: string;
  /** The kiosk's registered public key, all the gateway keeps of it. */
  signingPublicKey: string;
  clientCert: string;
  clientKey: string;
}

export interface KioskRegistration {
  kioskId: string;
  alg: SignatureAlg;
}

export interface RegisteredKioskMaterial extends KioskRegistration {
  files: KioskFiles;
  publicKey: KeyObject;
}

export interface IssuerKey {
  department: Department;
  alg: SignatureAlg;
  kid: string;
  privateKey: KeyObject;
}

export interface SimulatorMaterial {
  files: SimulatorFiles;
  tls: { certPem: string; keyPem: string; caPem: string };
  /** Department id → its key for each algorithm. */
  issuers: ReadonlyMap<Department['id'], Readonly<Record<SignatureAlg, IssuerKey>>>;
  trustList: TrustList;
  kiosks: readonly RegisteredKioskMaterial[];
}

async function writePrivate(path: string, text: string): Promise<void> {
  await writeFile(path, text, { mode: 0o600 });
}

function newPrivateKeyPem(alg: SignatureAlg): string {
  const curve = alg === 'ES256' ? 'P-256' : 'SM2';
  return generateKeyPairSync('ec', { namedCurve: curve }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/** The key in `path`, made first if missing, or remade if it is not a key of `alg` (a kiosk re-registered). */
async function ensurePrivateKey(path: string, alg: SignatureAlg): Promise<KeyObject> {
  if (existsSync(path)) {
    const key = createPrivateKey(await readFile(path, 'utf8'));
    if (signatureScheme(alg).acceptsKey(createPublicKey(key))) return key;
  }
  await writePrivate(path, newPrivateKeyPem(alg));
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

async function ensureKiosk(dir: string, ca: PemPair, registration: KioskRegistration): Promise<RegisteredKioskMaterial> {
  if (!KIOSK_ID.test(registration.kioskId)) throw new Error('gateway simulator: kiosk id must be A-Z a-z 0-9 - (at most 64)');
  const kioskDir = join(dir, 'kiosks', registration.kioskId);
  await mkdir(kioskDir, { recursive: true });
  const files: KioskFiles = {
    signingKey: join(kioskDir, 'signing-key.pem'),
    signingPublicKey: join(kioskDir, 'signing-public-key.pem'),
    clientCert: join(kioskDir, 'client-cert.pem'),
    clientKey: join(kioskDir, 'client-key.pem'),
  };
  await ensurePair(files.clientCert, files.clientKey, () => issueKioskClientCertificate(ca, registration.kioskId));
  const publicKey = createPublicKey(await ensurePrivateKey(files.signingKey, registration.alg));
  await writeFile(files.signingPublicKey, publicKey.export({ type: 'spki', format: 'pem' }).toString());
  return { ...registration, files, publicKey };
}

export async function prepareSimulatorFiles(dataDir: string, kiosks: readonly KioskRegistration[], now: Date): Promise<SimulatorMaterial> {
  const dir = resolve(dataDir);
  await mkdir(join(dir, 'issuers'), { recursive: true });
  const files: SimulatorFiles = {
    dir,
    caCert: join(dir, 'ca-cert.pem'),
    caKey: join(dir, 'ca-key.pem'),
    serverCert: join(dir, 'server-cert.pem'),
    serverKey: join(dir, 'server-key.pem'),
    trustList: join(dir, 'trust-list.jws'),
    trustRoot: join(dir, 'trust-root.pem'),
    trustRootKey: join(dir, 'trust-root-key.pem'),
  };

  const ca = await ensurePair(files.caCert, files.caKey, createDevCa);
  const server = await ensurePair(files.serverCert, files.serverKey, () => issueServerCertificate(ca));
  const registered: RegisteredKioskMaterial[] = [];
  for (const registration of kiosks) registered.push(await ensureKiosk(dir, ca, registration));

  const issuers = new Map<string, Record<SignatureAlg, IssuerKey>>();
  for (const department of departments) {
    const keyFor = async (alg: SignatureAlg, file: string): Promise<IssuerKey> => {
      const privateKey = await ensurePrivateKey(join(dir, 'issuers', file), alg);
      return { department, alg, kid: keyId(privateKey), privateKey };
    };
    issuers.set(department.id, {
      ES256: await keyFor('ES256', `${department.id}-key.pem`),
      'SM2-SM3': await keyFor('SM2-SM3', `${department.id}-sm2-key.pem`),
    });
  }

  const rootKey = await ensurePrivateKey(files.trustRootKey, 'ES256');
  const rootPublic = createPublicKey(rootKey);
  await writeFile(files.trustRoot, rootPublic.export({ type: 'spki', format: 'pem' }).toString());
  const allIssuerKeys = [...issuers.values()].flatMap((keys) => [keys.ES256, keys['SM2-SM3']]);
  const trustList = await ensureTrustList(files.trustList, rootKey, rootPublic, allIssuerKeys, now);

  return { files, tls: { certPem: server.certPem, keyPem: server.keyPem, caPem: ca.certPem }, issuers, trustList, kiosks: registered };
}

/** Reuses the published list while it is current and names exactly today's keys; else publishes the next version. */
async function ensureTrustList(
  path: string,
  rootKey: KeyObject,
  rootPublic: KeyObject,
  issuers: IssuerKey[],
  now: Date,
): Promise<TrustList> {
  let previousVersion = 0;
  if (existsSync(path)) {
    const loaded = loadTrustList(await readFile(path, 'utf8'), rootPublic);
    if (loaded.ok) {
      const list = loaded.value;
      previousVersion = list.version;
      const current =
        now.getTime() < list.nextUpdateMs &&
        list.environment === 'test' &&
        list.issuers.size === issuers.length &&
        issuers.every((issuer) => {
          const entry = list.issuers.get(issuer.kid);
          return (
            entry !== undefined &&
            entry.alg === issuer.alg &&
            entry.status === 'active' &&
            entry.stamp !== undefined &&
            entry.validFromMs <= now.getTime() &&
            now.getTime() < entry.validToMs
          );
        });
      if (current) return list;
    }
  }
  const second = Math.floor(now.getTime() / 1000) * 1000;
  const stamps = new Map(departments.map((department) => [department.id, generateIssuerStamp(department.name)]));
  const document: TrustListDocument = {
    // The simulator's issuers are test issuers: every paper printed with them is a specimen.
    environment: 'test',
    // The example verifier page (README, `verifier.url`): a development kiosk configured with it prints URL-form seals.
    verifierUrls: ['https://verify.example.gov.cn/kq1'],
    version: previousVersion + 1,
    issuedAt: formatInstant(new Date(second)),
    nextUpdate: formatInstant(new Date(second + 7 * DAY_MS)),
    issuers: issuers.map(({ department, alg, kid, privateKey }) => ({
      kid,
      alg,
      code: department.code,
      name: department.name,
      certTypes: [...department.certTypes],
      publicKeyPem: createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString(),
      validFrom: formatInstant(new Date(second - 30 * DAY_MS)),
      validTo: formatInstant(new Date(second + 2 * 365 * DAY_MS)),
      status: 'active',
      stamp: stamps.get(department.id)!,
    })),
  };
  const token = publishTrustList(document, rootKey);
  await writeFile(path, token + '\n');
  const loaded = loadTrustList(token, rootPublic);
  if (!loaded.ok) throw new Error(`gateway simulator: the trust list it just published does not load: ${loaded.error.reason}`);
  return loaded.value;
}
