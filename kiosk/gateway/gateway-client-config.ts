// What the gateway client is configured with, its default timings (the contract's client policy), and the
// loading of its files: each refused with the file's name and the reason, so a bad install stops the start.

import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { SignatureAlg } from './signature-algorithms';
import { signatureScheme } from './signature-algorithms';
import { loadTrustList, type TrustList } from './trust-list';

export interface GatewayTimings {
  /** TLS connection set up (contract: 3 s). */
  connectMs: number;
  /** One attempt, first byte to last (contract: 10 s). */
  attemptMs: number;
  /** The whole fetch, retries and waits included; a slow trickle cannot extend it (contract: 20 s). */
  totalMs: number;
  /** Retries after the first attempt, only for retryable errors (contract: at most 2). */
  maxRetries: number;
  /** Backoff before retry n is about base·2^(n-1), jittered, at most the cap. */
  backoffBaseMs: number;
  backoffCapMs: number;
  /** Consecutive failed attempts that open the circuit breaker (contract: 5). */
  breakerThreshold: number;
  /** How long the breaker stays open before a test attempt (contract: 30 s). */
  breakerOpenMs: number;
}

export const DEFAULT_GATEWAY_TIMINGS: Readonly<GatewayTimings> = {
  connectMs: 3_000,
  attemptMs: 10_000,
  totalMs: 20_000,
  maxRetries: 2,
  backoffBaseMs: 250,
  backoffCapMs: 2_000,
  breakerThreshold: 5,
  breakerOpenMs: 30_000,
};

export interface GatewayClientConfig {
  /** Base URL; a deployment prefix in its path is kept in front of the contract's paths. */
  url: string;
  /** X-Kiosk-Id; must equal the client certificate's CN. */
  kioskId: string;
  /** The gateway server CA (PEM): the only one trusted. */
  caFile: string;
  /** The kiosk's TLS client certificate and key (PEM), issued by the gateway operator. */
  clientCertFile: string;
  clientKeyFile: string;
  /** The algorithm the gateway registered for this kiosk. */
  signingAlgorithm: SignatureAlg;
  /**
   * PKCS#8 PEM ("BEGIN PRIVATE KEY", unencrypted): a P-256 key for ES256, an SM2 key (curve OID
   * 1.2.156.10197.1.301) for SM2-SM3 — exactly what `openssl genpkey -algorithm EC -pkeyopt
   * ec_paramgen_curve:P-256` or `openssl genpkey -algorithm SM2` write. (SEC1 "EC PRIVATE KEY" works for P-256.)
   */
  signingKeyFile: string;
  /** The signed trust list (compact JWS, typ trust+jws). */
  trustListFile: string;
  /** The pinned trust-list root public key (SPKI PEM). */
  trustRootFile: string;
  /**
   * Where the highest trust-list version ever accepted is kept, so that an older signed list (from before a
   * key was revoked, say) is refused at the next start. Without it, no rollback check is made.
   */
  trustListVersionFile?: string;
  /** The kiosk's configuration says production: a `test` trust list stops the start (seal-kq1.md v1.1). */
  production?: boolean;
  timings?: Partial<GatewayTimings>;
}

export interface GatewayClientMaterial {
  ca: string;
  clientCert: string;
  clientKey: string;
  signingKey: KeyObject;
  trustList: TrustList;
  timings: GatewayTimings;
}

async function readConfigFile(label: string, path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new Error(`gateway client: cannot read ${label} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function parseKey<T>(label: string, path: string, parse: () => T): T {
  try {
    return parse();
  } catch {
    throw new Error(`gateway client: ${label} ${path} does not hold a usable key`);
  }
}

export function resolveTimings(overrides: Partial<GatewayTimings> = {}): GatewayTimings {
  const timings: GatewayTimings = { ...DEFAULT_GATEWAY_TIMINGS };
  for (const [name, value] of Object.entries(overrides) as Array<[keyof GatewayTimings, number | undefined]>) {
    if (value === undefined) continue;
    if (!Number.isInteger(value) || value < 0) throw new Error(`gateway client: timings.${name} must be a whole number ≥ 0, got ${value}`);
    timings[name] = value;
  }
  if (timings.maxRetries > 2) throw new Error('gateway client: timings.maxRetries is at most 2 (sharing-gateway-v1.md)');
  if (timings.breakerThreshold < 1) throw new Error('gateway client: timings.breakerThreshold must be at least 1');
  return timings;
}

export async function loadClientMaterial(config: GatewayClientConfig): Promise<GatewayClientMaterial> {
  const url = new URL(config.url);
  if (url.protocol !== 'https:') throw new Error(`gateway client: url must be https, got ${url.protocol}`);
  const timings = resolveTimings(config.timings);
  const ca = await readConfigFile('caFile', config.caFile);
  const clientCert = await readConfigFile('clientCertFile', config.clientCertFile);
  const clientKey = await readConfigFile('clientKeyFile', config.clientKeyFile);
  const signingKeyPem = await readConfigFile('signingKeyFile', config.signingKeyFile);
  const trustListText = await readConfigFile('trustListFile', config.trustListFile);
  const trustRootPem = await readConfigFile('trustRootFile', config.trustRootFile);

  parseKey('clientKeyFile', config.clientKeyFile, () => createPrivateKey(clientKey));
  const signingKey = parseKey('signingKeyFile', config.signingKeyFile, () => createPrivateKey(signingKeyPem));
  if (!signatureScheme(config.signingAlgorithm).acceptsKey(createPublicKey(signingKey))) {
    throw new Error(`gateway client: signingKeyFile ${config.signingKeyFile} is not an ${config.signingAlgorithm} key`);
  }
  const trustRoot = parseKey('trustRootFile', config.trustRootFile, () => createPublicKey(trustRootPem));
  const installedVersion = config.trustListVersionFile ? await readInstalledVersion(config.trustListVersionFile) : undefined;
  const loaded = loadTrustList(trustListText, trustRoot, {
    ...(installedVersion === undefined ? {} : { installedVersion }),
    production: config.production ?? false,
  });
  if (!loaded.ok) throw new Error(`gateway client: trust list ${config.trustListFile} refused: ${loaded.error.reason}`);
  if (config.trustListVersionFile && loaded.value.version !== installedVersion) {
    await writeFile(config.trustListVersionFile, JSON.stringify({ version: loaded.value.version }) + '\n');
  }
  return { ca, clientCert, clientKey, signingKey, trustList: loaded.value, timings };
}

/** The version recorded by an earlier start, or undefined on the first start. */
async function readInstalledVersion(file: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`gateway client: cannot read trustListVersionFile ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let version: unknown;
  try {
    version = (JSON.parse(text) as { version?: unknown }).version;
  } catch {
    throw new Error(`gateway client: trustListVersionFile ${file} is not JSON`);
  }
  if (typeof version !== 'number' || !Number.isInteger(version))
    throw new Error(`gateway client: trustListVersionFile ${file} holds no version`);
  return version;
}
