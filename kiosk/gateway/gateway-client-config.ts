// What the gateway client is configured with, its default timings (the contract's client policy), and the
// loading of its files: each refused with the file's name and the reason, so a bad install stops the start.

import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { ok, type Result } from '../../device-drivers/result';
import { replaceFileDurably } from '../durable-file';
import type { SignatureAlg } from './signature-algorithms';
import { signatureScheme } from './signature-algorithms';
import { loadTrustList, type TrustList, type TrustListRefusal } from './trust-list';

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
  /**
   * Where a trust list received after the start (through the template repository) is kept. At the next start
   * it is used instead of `trustListFile` when it verifies and is the newer of the two.
   */
  receivedTrustListFile?: string;
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
  /** The pinned root: every later list is verified against it as at the start. */
  trustRoot: KeyObject;
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
  const options = { ...(installedVersion === undefined ? {} : { installedVersion }), production: config.production ?? false };
  const loaded = loadTrustList(trustListText, trustRoot, options);
  const received = config.receivedTrustListFile ? await readReceivedTrustList(config.receivedTrustListFile, trustRoot, options) : undefined;
  let trustList: TrustList;
  if (received && (!loaded.ok || received.version >= loaded.value.version)) trustList = received;
  else if (loaded.ok) trustList = loaded.value;
  else throw new Error(`gateway client: trust list ${config.trustListFile} refused: ${loaded.error.reason}`);
  if (config.trustListVersionFile && trustList.version !== installedVersion)
    await recordTrustListVersion(config.trustListVersionFile, trustList.version);
  return { ca, clientCert, clientKey, signingKey, trustList, trustRoot, timings };
}

/** A list received after an earlier start, if one is kept and still passes every loading rule. */
async function readReceivedTrustList(
  file: string,
  trustRoot: KeyObject,
  options: { installedVersion?: number; production: boolean },
): Promise<TrustList | undefined> {
  const text = await readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  const loaded = loadTrustList(text, trustRoot, options);
  return loaded.ok ? loaded.value : undefined;
}

async function recordTrustListVersion(file: string, version: number): Promise<void> {
  await replaceFileDurably(file, JSON.stringify({ version }) + '\n');
}

/**
 * A newer list received while running: verified against the pinned root with the same rules as at the start
 * (never a lower version than `current`), then kept on disk — the list first, then the version — before it is used.
 */
export async function acceptTrustList(
  token: string,
  current: TrustList,
  config: Pick<GatewayClientConfig, 'production' | 'receivedTrustListFile' | 'trustListVersionFile'>,
  trustRoot: KeyObject,
): Promise<Result<TrustList, TrustListRefusal>> {
  const loaded = loadTrustList(token, trustRoot, { installedVersion: current.version, production: config.production ?? false });
  if (!loaded.ok) return loaded;
  if (config.receivedTrustListFile) {
    await replaceFileDurably(config.receivedTrustListFile, token.trim() + '\n');
  }
  if (config.trustListVersionFile) await recordTrustListVersion(config.trustListVersionFile, loaded.value.version);
  return ok(loaded.value);
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
