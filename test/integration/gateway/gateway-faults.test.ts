// One test per simulator fault: the real client against the real simulator over real mutual TLS, each
// asserting the FetchOutcome the session sees, the failure screen the citizen then sees, and that nothing
// printable came back when nothing should be printed.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { FetchOutcome } from '../../../kiosk/gateway/gateway-client';
import { staffDiagnostic } from '../../../kiosk/gateway/staff-diagnostic';
import type { ContractErrorCode } from '../../../kiosk/gateway/gateway-client';
import {
  citizenSees,
  expectNoPersonalData,
  fetchRequest,
  noSignal,
  nothingPrinted,
  throughSession,
  startRig,
  type GatewayRig,
} from './gateway-rig';

let rig: GatewayRig;
beforeAll(async () => {
  rig = await startRig();
});
afterEach(async () => {
  await rig.clearFaults();
  await rig.closeClients();
});
afterAll(async () => {
  await rig?.close();
});

const zhang = () => fetchRequest('no-property-proof-provident-fund', 'zhang-san');
const renter = () => fetchRequest('renter-provident-fund-withdrawal', 'zhang-san');
const lastAudit = () => rig.audits().at(-1)!;

async function expectError(outcome: FetchOutcome, code: string, detail?: RegExp): Promise<void> {
  expect(outcome).toMatchObject({ ok: false, error: { kind: 'error', code } });
  if (detail && !outcome.ok && outcome.error.kind === 'error') expect(outcome.error.detail).toMatch(detail);
  expect(await throughSession(outcome)).toEqual(nothingPrinted);
}

describe('simulator faults, as the kiosk and the citizen see them', () => {
  it('latency within the budget: the citizen still gets the paper, a little later', async () => {
    await rig.setFaults([{ kind: 'latency', ms: 120 }]);
    const client = await rig.client();
    const started = performance.now();
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    expect(citizenSees(outcome)).toBe('printed');
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
    expect(lastAudit()).toMatchObject({ outcome: 'issued', attempts: 1 });
  });

  it('latency beyond every attempt: TIMEOUT after the retries, "temporarily unavailable"', async () => {
    await rig.setFaults([{ kind: 'latency', ms: 300 }]);
    const client = await rig.client({ timings: { attemptMs: 80, totalMs: 1_000, backoffBaseMs: 5, backoffCapMs: 10 } });
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    await expectError(outcome, 'TIMEOUT');
    expect(outcome).toMatchObject({ ok: false, error: { retryable: true } });
    expect(citizenSees(outcome)).toBe('GATEWAY_UNAVAILABLE');
    expect(lastAudit()).toMatchObject({ outcome: 'TIMEOUT', attempts: 3, httpStatus: null });
  });

  it('a burst of 5xx shorter than the retries: retried under the same id, and printed', async () => {
    await rig.setFaults([{ kind: '5xx', status: 503, count: 2 }]);
    const client = await rig.client();
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    expect(citizenSees(outcome)).toBe('printed');
    expect(lastAudit()).toMatchObject({ outcome: 'issued', attempts: 3, httpStatus: 200 });
  });

  it('a burst of 5xx longer than the retries: UPSTREAM_UNAVAILABLE after 3 attempts, nothing printed', async () => {
    await rig.setFaults([{ kind: '5xx', status: 503 }]);
    const client = await rig.client();
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    await expectError(outcome, 'UPSTREAM_UNAVAILABLE', /no retries left after 3 attempts/);
    expect(outcome).toMatchObject({ ok: false, error: { retryable: true } });
    expect(citizenSees(outcome)).toBe('GATEWAY_UNAVAILABLE');
    expect(lastAudit()).toMatchObject({ attempts: 3, httpStatus: 503 });
  });

  it('504 and 500 bursts name their codes', async () => {
    const client = await rig.client({ timings: { maxRetries: 0 } });
    await rig.setFaults([{ kind: '5xx', status: 504 }]);
    await expectError(await client.fetchCertificates(zhang(), noSignal()), 'UPSTREAM_TIMEOUT');
    await rig.setFaults([{ kind: '5xx', status: 500 }]);
    await expectError(await client.fetchCertificates(zhang(), noSignal()), 'INTERNAL');
  });

  it('429 with a Retry-After beyond the budget: gives up at once instead of making the citizen wait', async () => {
    await rig.setFaults([{ kind: 'rate-limit', retryAfterSeconds: 30 }]);
    const client = await rig.client();
    const started = performance.now();
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    await expectError(outcome, 'RATE_LIMITED', /beyond budget after 1 attempts/);
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(citizenSees(outcome)).toBe('GATEWAY_UNAVAILABLE');
  });

  it('a hang: each attempt abandoned at its deadline, TIMEOUT within the total budget', async () => {
    await rig.setFaults([{ kind: 'hang' }]);
    const client = await rig.client({ timings: { attemptMs: 100, totalMs: 1_000, backoffBaseMs: 5, backoffCapMs: 10 } });
    const started = performance.now();
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    await expectError(outcome, 'TIMEOUT');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(lastAudit()).toMatchObject({ attempts: 3 });
    expect(citizenSees(outcome)).toBe('GATEWAY_UNAVAILABLE');
  });

  it('a hang is cut short when the citizen cancels', async () => {
    await rig.setFaults([{ kind: 'hang' }]);
    const client = await rig.client({ timings: { attemptMs: 5_000, totalMs: 10_000 } });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const started = performance.now();
    await expectError(await client.fetchCertificates(zhang(), controller.signal), 'CANCELED');
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  it('malformed JSON: check 1 fails, not retried, "failed its checks and was not printed"', async () => {
    await rig.setFaults([{ kind: 'malformed-json' }]);
    const client = await rig.client();
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    await expectError(outcome, 'VERIFICATION_FAILED', /check 1: response is not UTF-8 JSON/);
    expect(outcome).toMatchObject({ ok: false, error: { retryable: false } });
    expect(lastAudit()).toMatchObject({ attempts: 1 });
    expect(citizenSees(outcome)).toBe('CERTIFICATE_INVALID');
  });

  it('a truncated body every time: TRANSPORT after the retries, nothing printed', async () => {
    await rig.setFaults([{ kind: 'truncated-body' }]);
    const client = await rig.client();
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    await expectError(outcome, 'TRANSPORT');
    expect(outcome).toMatchObject({ ok: false, error: { retryable: true } });
    expect(lastAudit()).toMatchObject({ attempts: 3 });
    expect(citizenSees(outcome)).toBe('GATEWAY_UNAVAILABLE');
  });

  it("a truncated body once: the retry gets the gateway's kept answer for that request id", async () => {
    await rig.setFaults([{ kind: 'truncated-body', count: 1 }]);
    const client = await rig.client();
    const before = rig.simRequests().length;
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    expect(citizenSees(outcome)).toBe('printed');
    const seen = rig.simRequests().slice(before);
    // First answer cut on the wire after the gateway kept it; the retry is a replay of the same answer.
    expect(seen.map((r) => r.code)).toEqual(['OK', 'REPLAY']);
    expect(new Set(seen.map((r) => r.requestId)).size).toBe(1);
  });

  it('a bad signature: check 3, nothing printed', async () => {
    await rig.setFaults([{ kind: 'bad-signature' }]);
    const client = await rig.client();
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    await expectError(outcome, 'VERIFICATION_FAILED', /check 3: signature does not verify/);
    expect(citizenSees(outcome)).toBe('CERTIFICATE_INVALID');
  });

  it('a bad SM2 signature is caught as surely as an ES256 one', async () => {
    await rig.setFaults([{ kind: 'bad-signature' }]);
    const client = await rig.client();
    // The renter errand's social-security record comes from the SM2 department.
    const outcome = await client.fetchCertificates(renter(), noSignal());
    await expectError(outcome, 'VERIFICATION_FAILED', /check 3/);
  });

  it("a wrong holder (another person's genuine certificate): check 5, and the other person's data goes nowhere", async () => {
    await rig.setFaults([{ kind: 'wrong-holder' }]);
    const client = await rig.client();
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    await expectError(outcome, 'VERIFICATION_FAILED', /check 5: holder idNumber differs from the card/);
    expect(citizenSees(outcome)).toBe('CERTIFICATE_INVALID');
    expect(JSON.stringify(outcome)).not.toMatch(/\d{17}[\dX]/);
  });

  it('an expired certificate: check 6', async () => {
    await rig.setFaults([{ kind: 'expired' }]);
    const client = await rig.client();
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    await expectError(outcome, 'VERIFICATION_FAILED', /check 6: validUntil has passed/);
    expect(citizenSees(outcome)).toBe('CERTIFICATE_INVALID');
  });

  it('a wrong request hash in the certificate: check 4', async () => {
    await rig.setFaults([{ kind: 'wrong-request-hash' }]);
    const client = await rig.client();
    const outcome = await client.fetchCertificates(zhang(), noSignal());
    await expectError(outcome, 'VERIFICATION_FAILED', /check 4: requestHash is not the hash of the body sent/);
    expect(citizenSees(outcome)).toBe('CERTIFICATE_INVALID');
  });

  it('an unknown kid: check 2, for either algorithm', async () => {
    await rig.setFaults([{ kind: 'unknown-kid' }]);
    const client = await rig.client();
    const outcome = await client.fetchCertificates(renter(), noSignal());
    await expectError(outcome, 'VERIFICATION_FAILED', /check 2: kid [0-9a-f]{16} is not in the trust list/);
    expect(citizenSees(outcome)).toBe('CERTIFICATE_INVALID');
  });

  it('a per-result refusal marked retryable: refused, nothing printed, "try again"', async () => {
    await rig.setFaults([{ kind: 'refuse-result', certType: 'social-security-record', code: 'UPSTREAM_UNAVAILABLE', retryable: true }]);
    const client = await rig.client();
    const outcome = await client.fetchCertificates(renter(), noSignal());
    expect(outcome).toEqual({
      ok: false,
      error: {
        kind: 'refused',
        issued: [expect.objectContaining({ verified: true, certType: 'no-property-proof' })],
        refusals: [{ certType: 'social-security-record', code: 'UPSTREAM_UNAVAILABLE', retryable: true }],
      },
    });
    expect(await throughSession(outcome)).toEqual(nothingPrinted);
    expect(citizenSees(outcome)).toBe('GATEWAY_UNAVAILABLE');
  });

  it('NOT_ELIGIBLE inside a result, without any fault: told plainly, with the next step', async () => {
    const client = await rig.client();
    const outcome = await client.fetchCertificates(fetchRequest('renter-provident-fund-withdrawal', 'li-si'), noSignal());
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'refused', refusals: [{ certType: 'no-property-proof', code: 'NOT_ELIGIBLE' }] },
    });
    expect(citizenSees(outcome)).toBe('NOT_ELIGIBLE_NO_PROPERTY');
    // The social-security record was issued beside it: the citizen chooses before anything is prepared.
    expect(await throughSession(outcome)).toEqual({ screen: 'partial', documentsPrepared: 0, jobsPrinted: 0 });
  });

  it("every error code of the contract's table: its outcome, its screen, a staff diagnostic", async () => {
    const client = await rig.client({ timings: { maxRetries: 0 } });
    const expected: Record<ContractErrorCode, { retryable: boolean; screen: string }> = {
      BAD_REQUEST: { retryable: false, screen: 'GATEWAY_REFUSED' },
      UNAUTHENTICATED: { retryable: false, screen: 'GATEWAY_REFUSED' },
      CLOCK_SKEW: { retryable: false, screen: 'GATEWAY_REFUSED' },
      KIOSK_NOT_AUTHORISED: { retryable: false, screen: 'GATEWAY_REFUSED' },
      CONSENT_INVALID: { retryable: false, screen: 'CONSENT_EXPIRED' },
      HOLDER_NOT_FOUND: { retryable: false, screen: 'HOLDER_NOT_FOUND' },
      REQUEST_ID_REUSED: { retryable: false, screen: 'GATEWAY_REFUSED' },
      TOO_LARGE: { retryable: false, screen: 'GATEWAY_REFUSED' },
      RATE_LIMITED: { retryable: true, screen: 'GATEWAY_UNAVAILABLE' },
      UPSTREAM_UNAVAILABLE: { retryable: true, screen: 'GATEWAY_UNAVAILABLE' },
      UPSTREAM_TIMEOUT: { retryable: true, screen: 'GATEWAY_UNAVAILABLE' },
      INTERNAL: { retryable: true, screen: 'GATEWAY_UNAVAILABLE' },
    };
    for (const [code, want] of Object.entries(expected) as Array<[ContractErrorCode, (typeof expected)[ContractErrorCode]]>) {
      await rig.setFaults([{ kind: 'error', code }]);
      const outcome = await client.fetchCertificates(zhang(), noSignal());
      expect(outcome, code).toMatchObject({ ok: false, error: { kind: 'error', code, retryable: want.retryable } });
      expect(citizenSees(outcome), code).toBe(want.screen);
      expect(await throughSession(outcome)).toEqual(nothingPrinted);
      if (!outcome.ok && outcome.error.kind === 'error') expect(staffDiagnostic(outcome.error.code).text.length, code).toBeGreaterThan(20);
      expect(lastAudit(), code).toMatchObject({ outcome: code, attempts: 1 });
    }
  });

  it('logs no personal data, nor any hash of it, on either side', () => {
    expectNoPersonalData([...rig.clientLog.lines, ...rig.simLog.lines]);
    expect(rig.audits().length).toBeGreaterThan(15);
  });
});
