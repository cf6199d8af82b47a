// The gateway suite's rig: a real simulator in a fresh data directory over real mutual TLS on 127.0.0.1,
// clients with millisecond timings, faults set through the real admin endpoint, and the captured logs of
// both sides for the personal-data check.

import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { maskIdNumber } from '../../../kiosk/privacy/mask';
import { loadCatalogue, type Errand } from '../../../kiosk/errands/catalogue';
import type { FetchOutcome, FetchRequest } from '../../../kiosk/gateway/gateway-client';
import {
  createGatewayClient,
  type GatewayClientConfig,
  type GatewayClientDeps,
  type HttpsGatewayClient,
} from '../../../kiosk/gateway/https-gateway-client';
import type { SignatureAlg } from '../../../kiosk/gateway/signature-algorithms';
import { createMemoryLogger } from '../../support/memory-logger';
import { createSessionHarness } from '../../support/session-harness';
import { fetchFailureCode } from '../../../kiosk/session/fetch-failure';
import type { FailureCode } from '../../../kiosk/session/failures';
import type { FaultRuleInput } from '../../../scripts/gateway-simulator/fault-plan';
import { simulatorClientConfig } from '../../../scripts/gateway-simulator/client-config';
import {
  startGatewaySimulator,
  type GatewaySimulatorOptions,
  type RunningGatewaySimulator,
} from '../../../scripts/gateway-simulator/simulator';
import { simulatorPopulation, testCitizens, type SyntheticCitizen } from '../../../scripts/synthetic-population';

/** Fast enough for a fault test to take milliseconds, slow enough for loopback TLS on a busy 2-core CI box. */
export const FAST_TIMINGS = {
  connectMs: 1_000,
  attemptMs: 400,
  totalMs: 2_000,
  maxRetries: 2,
  backoffBaseMs: 5,
  backoffCapMs: 20,
  breakerThreshold: 5,
  breakerOpenMs: 200,
} as const;

const errands = loadCatalogue();
export const errand = (id: string): Errand => {
  const found = errands.find((e) => e.id === id);
  if (!found) throw new Error(`no errand ${id}`);
  return found;
};
export const citizen = (key: string): SyntheticCitizen => {
  const found = testCitizens.find((c) => c.key === key);
  if (!found) throw new Error(`no test citizen ${key}`);
  return found;
};

export function fetchRequest(errandId: string, citizenKey: string, grantedAt = new Date()): FetchRequest {
  const e = errand(errandId);
  return {
    certTypes: e.certTypes,
    issueCode: e.issueCode,
    purposeCode: e.purposeCode,
    card: { ...citizen(citizenKey).card, photo: new Uint8Array(0) },
    consent: { method: 'id-card', grantedAt },
  };
}

export const noSignal = (): AbortSignal => new AbortController().signal;

/** What the citizen would see for an outcome: the session's failure screen, or "printed". */
export function citizenSees(outcome: FetchOutcome): FailureCode | 'printed' {
  return outcome.ok ? 'printed' : fetchFailureCode(outcome);
}

/**
 * Runs an outcome through the real session machine, as the agent would: the screen the citizen ends on, and
 * whether any document was rendered or any job sent to the printer.
 */
export async function throughSession(outcome: FetchOutcome): Promise<{ screen: string; documentsPrepared: number; jobsPrinted: number }> {
  const session = createSessionHarness();
  await session.toFetching();
  session.fetch.resolve(outcome);
  await session.flush();
  await session.flush();
  const result = { screen: session.screen(), documentsPrepared: session.prepare.calls, jobsPrinted: session.print.calls };
  session.actor.stop();
  return result;
}

/** What a session shows when nothing may be printed. */
export const nothingPrinted = { screen: 'failed', documentsPrepared: 0, jobsPrinted: 0 };

export interface GatewayRig {
  sim: RunningGatewaySimulator;
  dataDir: string;
  clientLog: ReturnType<typeof createMemoryLogger>;
  simLog: ReturnType<typeof createMemoryLogger>;
  client(config?: Partial<GatewayClientConfig>, deps?: Partial<GatewayClientDeps>, alg?: SignatureAlg): Promise<HttpsGatewayClient>;
  /** Replaces the simulator's faults through its admin endpoint (POST /admin/faults with the bearer token). */
  setFaults(faults: FaultRuleInput[]): Promise<void>;
  clearFaults(): Promise<void>;
  /** Another simulator on the same data directory (same CA, keys and trust list), with other options. */
  sibling(options: Partial<GatewaySimulatorOptions>): Promise<RunningGatewaySimulator>;
  /** The audit records (`gateway.fetch`) logged so far. */
  audits(): Array<Record<string, unknown>>;
  simRequests(): Array<Record<string, unknown>>;
  closeClients(): Promise<void>;
  close(): Promise<void>;
}

export async function startRig(options: Partial<GatewaySimulatorOptions> = {}): Promise<GatewayRig> {
  const dataDir = await mkdtemp(join(tmpdir(), 'gateway-rig-'));
  const clientLog = createMemoryLogger();
  const simLog = createMemoryLogger();
  const sim = await startGatewaySimulator({ dataDir, port: 0, logger: simLog, rateLimit: null, ...options });
  const clients: HttpsGatewayClient[] = [];
  const siblings: RunningGatewaySimulator[] = [];
  const admin = sim.admin!;
  const adminCall = async (method: string, body?: unknown): Promise<void> => {
    const response = await fetch(admin.url, {
      method,
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`admin ${method}: ${response.status} ${await response.text()}`);
  };
  // Log lines are JSON objects of scalars: reading them back as records is all the tests need.
  const records = (lines: string[], event: string) =>
    lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((r) => r.event === event);
  return {
    sim,
    dataDir,
    clientLog,
    simLog,
    async client(config = {}, deps = {}, alg = 'ES256') {
      const made = await createGatewayClient(
        { ...simulatorClientConfig(sim, alg), ...config, timings: { ...FAST_TIMINGS, ...config.timings } },
        { logger: clientLog, probeWhenOpen: false, ...deps },
      );
      clients.push(made);
      return made;
    },
    setFaults: (faults) => adminCall('POST', { faults }),
    clearFaults: () => adminCall('DELETE'),
    async sibling(more) {
      const other = await startGatewaySimulator({ dataDir, port: 0, logger: simLog, rateLimit: null, adminPort: null, ...more });
      siblings.push(other);
      return other;
    },
    audits: () => records(clientLog.lines, 'gateway.fetch'),
    simRequests: () => records(simLog.lines, 'gateway_sim.request'),
    async closeClients() {
      for (const made of clients.splice(0)) await made.close();
    },
    async close() {
      for (const made of clients.splice(0)) await made.close();
      for (const other of siblings.splice(0)) await other.close();
      await sim.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Every log line of both sides, searched for the name, ID number, masked ID number and SHA-256 of the ID
 * number of every synthetic person (the test cards and the generated population), and for any 64-hex-digit
 * value at all: no request-body hash may be logged either.
 */
export function expectNoPersonalData(lines: readonly string[]): void {
  expect(lines.length).toBeGreaterThan(0);
  const logs = lines.join('\n');
  const people = simulatorPopulation();
  for (const { card } of people) {
    const secrets = [card.name, card.idNumber, maskIdNumber(card.idNumber), createHash('sha256').update(card.idNumber).digest('hex')];
    if ('englishName' in card && card.englishName) secrets.push(card.englishName);
    for (const secret of secrets) {
      if (logs.includes(secret))
        throw new Error(`a log line holds personal data of synthetic person ${people.indexOf(people.find((p) => p.card === card)!)}`);
    }
  }
  // No field of that name, and no 64-hex-digit value anywhere (the word may name a failed check).
  expect(logs).not.toMatch(/"requestHash"|[0-9a-f]{64}/);
}
