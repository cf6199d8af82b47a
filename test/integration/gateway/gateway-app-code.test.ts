// Identity by the government app's code (sharing-gateway-v1.1) between the real client and the real simulator
// over mutual TLS: the simulator plays the app's platform, the client sends the scanned code and the challenge's
// nonce, and every refusal the contract names comes back as CONSENT_INVALID.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newAppChallenge, type AppChallenge } from '../../../kiosk/gateway/app-code';
import type { FetchRequest } from '../../../kiosk/gateway/gateway-client';
import type { AppCodeVariant } from '../../../scripts/gateway-simulator/app-platform';
import { fetchFailureCode } from '../../../kiosk/session/fetch-failure';
import { citizen, errand, expectNoPersonalData, noSignal, startRig, type GatewayRig } from './gateway-rig';

let rig: GatewayRig;
beforeAll(async () => {
  rig = await startRig();
});
afterAll(async () => {
  await rig?.close();
});

const NO_PROPERTY = 'no-property-proof-provident-fund';

function challenge(): AppChallenge {
  return newAppChallenge(rig.sim.kioskId, new Date());
}

function codeFor(citizenKey: string, shown: AppChallenge, variant: AppCodeVariant = 'valid'): string {
  const code = rig.sim.appPlatform.codeFor(citizenKey, shown.text, variant, new Date());
  if (!code.ok) throw new Error(code.error);
  return code.value;
}

function appRequest(token: string, shown: AppChallenge, errandId = NO_PROPERTY): FetchRequest {
  const e = errand(errandId);
  return {
    certTypes: e.certTypes,
    issueCode: e.issueCode,
    purposeCode: e.purposeCode,
    appCode: { token, nonce: shown.nonce },
    consent: { method: 'app-qr', grantedAt: new Date() },
  };
}

describe('the app code against the simulator', () => {
  it('gets Zhang San a verified proof from his app code: the answer names him, and each certificate is his', async () => {
    const client = await rig.client();
    const shown = challenge();
    const outcome = await client.fetchCertificates(appRequest(codeFor('zhang-san', shown), shown), noSignal());
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const zhang = citizen('zhang-san').card;
    expect(outcome.value.map((c) => c.holder)).toEqual([{ idType: 'resident-id', idNumber: zhang.idNumber, name: zhang.name }]);
  });

  it.each<[AppCodeVariant]>([['reused'], ['expired'], ['foreignKiosk'], ['wrongNonce']])(
    "refuses a %s code with CONSENT_INVALID (the platform's reasons: app-platform.test.ts), which the citizen sees as a refused app code",
    async (variant) => {
      const client = await rig.client();
      const shown = challenge();
      if (variant === 'reused') {
        const first = await client.fetchCertificates(appRequest(codeFor('zhang-san', shown), shown), noSignal());
        expect(first.ok).toBe(true);
      }
      const outcome = await client.fetchCertificates(appRequest(codeFor('zhang-san', shown, variant), shown), noSignal());
      expect(outcome).toMatchObject({ ok: false, error: { kind: 'error', code: 'CONSENT_INVALID', retryable: false } });
      if (!outcome.ok) expect(fetchFailureCode(outcome, 'app-qr')).toBe('APP_CODE_REFUSED');
      expect(rig.audits().at(-1)).toMatchObject({ outcome: 'CONSENT_INVALID', httpStatus: 403 });
    },
  );

  it("refuses a code made for one challenge when answered with another's nonce", async () => {
    const client = await rig.client();
    const shown = challenge();
    const other = challenge();
    const outcome = await client.fetchCertificates(appRequest(codeFor('zhang-san', shown), other), noSignal());
    expect(outcome).toMatchObject({ ok: false, error: { code: 'CONSENT_INVALID' } });
  });

  it('names the holder beside a refusal, so that the citizen confirms before hearing why', async () => {
    const client = await rig.client();
    const shown = challenge();
    const outcome = await client.fetchCertificates(appRequest(codeFor('li-si', shown), shown), noSignal());
    const li = citizen('li-si').card;
    expect(outcome).toMatchObject({
      ok: false,
      error: { kind: 'refused', holder: { idType: 'resident-id', idNumber: li.idNumber, name: li.name } },
    });
  });

  it('answers HOLDER_NOT_FOUND for an app account the sources do not know', async () => {
    const client = await rig.client();
    const shown = challenge();
    const outcome = await client.fetchCertificates(appRequest(codeFor('wang-wu', shown), shown), noSignal());
    expect(outcome).toMatchObject({ ok: false, error: { code: 'HOLDER_NOT_FOUND' } });
  });

  it('does not burn the code on an answer that was lost: the retry of the same request gets the certificate', async () => {
    await rig.setFaults([{ kind: '5xx', status: 503, count: 1 }]);
    try {
      const client = await rig.client();
      const shown = challenge();
      const outcome = await client.fetchCertificates(appRequest(codeFor('zhang-san', shown), shown), noSignal());
      expect(outcome.ok).toBe(true);
      expect(rig.audits().at(-1)).toMatchObject({ outcome: 'issued', attempts: 2 });
    } finally {
      await rig.clearFaults();
    }
  });

  it('logs no personal data, no code and no challenge on either side', async () => {
    const client = await rig.client();
    const shown = challenge();
    const token = codeFor('zhang-san', shown);
    await client.fetchCertificates(appRequest(token, shown), noSignal());
    const lines = [...rig.clientLog.lines, ...rig.simLog.lines];
    expectNoPersonalData(lines);
    const logs = lines.join('\n');
    expect(logs).not.toContain(token.slice(5, 60));
    expect(logs).not.toContain(shown.nonce);
    expect(logs).not.toContain('ZLB');
  });
});
