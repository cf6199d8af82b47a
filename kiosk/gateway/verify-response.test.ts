import { describe, expect, it } from 'vitest';
import { maskIdNumber } from '../privacy/mask';
import { testCitizens } from '../../scripts/synthetic-population';
import { buildCertificatePayload, signCertificate } from '../../scripts/gateway-simulator/certificate-issuer';
import { departments } from '../../scripts/gateway-simulator/departments';
import type { IssuerKey } from '../../scripts/gateway-simulator/simulator-files';
import type { CertificatePayload } from './certificate';
import { endOfShanghaiDay } from '../../print-templates/shanghai-date';
import { holderFromCard } from './fetch-request-body';
import { signJws } from './jws';
import { encodeSeal, type SealClaims } from './seal-kq1';
import { makeIssuer, makeTrustList, type TestIssuer } from '../../test/support/trust-list-fixture';
import { verifyFetchResponse, type SentFetch } from './verify-response';

const department = departments.find((d) => d.certTypes.includes('no-property-proof'))!;
const good = makeIssuer({ code: department.code, name: department.name, certTypes: ['no-property-proof'] });
const notAllowed = makeIssuer({ code: department.code, certTypes: ['residence-proof'] });
const sm2Listed = makeIssuer({ code: department.code, alg: 'SM2-SM3' });
const revoked = makeIssuer({ code: department.code, status: 'revoked' });
const { list } = makeTrustList([good, notAllowed, sm2Listed, revoked]);
const issuerKey = (issuer: TestIssuer): IssuerKey => ({
  department,
  alg: issuer.entry.alg,
  kid: issuer.kid,
  privateKey: issuer.privateKey,
});

const now = new Date('2026-11-23T08:00:02Z');
const zhang = testCitizens.find((c) => c.key === 'zhang-san')!;
const li = testCitizens.find((c) => c.key === 'li-si')!;
const sent: SentFetch = {
  requestId: '3f0c8a52-8d1e-4c57-9d1a-6a2b9e4f7c10',
  kioskId: 'kiosk-dev-0001',
  purpose: 'provident-fund-withdrawal',
  certTypes: ['no-property-proof'],
  holder: holderFromCard(zhang.card),
  bodyHash: 'a'.repeat(64),
};

function payloadFor(holder = sent.holder, issuer = good): CertificatePayload {
  return buildCertificatePayload(
    {
      certType: 'no-property-proof',
      holder,
      title: '无房证明',
      statement: '经查询，截至2026年11月23日，……在杭州市范围内无登记在册的住房。',
      fields: [{ key: 'region', label: '查询范围', value: '杭州市' }],
    },
    issuerKey(issuer),
    {
      requestId: sent.requestId,
      requestHash: sent.bodyHash,
      kioskId: sent.kioskId,
      purpose: sent.purpose,
      now: new Date('2026-11-23T08:00:01Z'),
    },
  );
}

function sealFor(payload: CertificatePayload, overrides: Partial<SealClaims> = {}, issuer = good): string {
  return encodeSeal(
    {
      v: 1,
      t: payload.certType,
      id: payload.certId,
      n: payload.holder.name,
      m: maskIdNumber(payload.holder.idNumber),
      f: { region: '杭州市' },
      iat: Math.floor(Date.parse(payload.issuedAt) / 1000),
      exp: endOfShanghaiDay(payload.validUntil) / 1000,
      ...overrides,
    },
    { alg: 'ES256', kid: issuer.kid, privateKey: issuer.privateKey },
  );
}

function response(certificate: string, top: Record<string, unknown> = {}): Buffer {
  return Buffer.from(
    JSON.stringify({
      requestId: sent.requestId,
      requestHash: sent.bodyHash,
      results: [{ certType: 'no-property-proof', status: 'issued', certificate }],
      ...top,
    }),
  );
}

function verify(body: Buffer, at = now) {
  return verifyFetchResponse(body, sent, list, at);
}

/** A certificate with some payload members changed, properly re-signed by `issuer`. */
function altered(changes: Partial<CertificatePayload>, issuer = good): string {
  return signJws({ alg: 'ES256', kid: issuer.kid, typ: 'cert+jws' }, { ...payloadFor(), ...changes }, issuer.privateKey);
}

describe('verifyFetchResponse', () => {
  it('passes a genuine certificate and marks it verified', () => {
    const payload = payloadFor();
    const result = verify(response(signCertificate(payload, issuerKey(good))));
    // The list has no environment, so it is a test list; this issuer's entry has no stamp.
    expect(result).toEqual({
      ok: true,
      value: { issued: [{ ...payload, verified: true, stamp: null, specimen: true }], refusals: [], holder: sent.holder },
    });
  });

  it("carries the verifying entry's stamp, only under that entry's name, and marks papers of a production list real", () => {
    const stamp = { paths: ['M0 0L10 0L5 8Z'], viewBox: [10, 10] as [number, number], color: '#d0021b' };
    const stamped = makeIssuer({ code: department.code, name: department.name, certTypes: ['no-property-proof'], stamp });
    const other = makeIssuer({ code: department.code, name: '杭州市另一个中心', certTypes: ['no-property-proof'], stamp });
    const production = makeTrustList([stamped, other], undefined, { environment: 'production' }).list;
    const issued = (issuer: TestIssuer) => {
      const payload = payloadFor(undefined, issuer);
      const result = verifyFetchResponse(response(signCertificate(payload, issuerKey(issuer))), sent, production, now);
      if (!result.ok) throw new Error(result.error.detail);
      return result.value.issued[0]!;
    };
    expect(issued(stamped)).toMatchObject({ stamp, specimen: false });
    // The certificate says the department's name, the entry another: no stamp rather than a stamp under a wrong name.
    expect(issued(other)).toMatchObject({ stamp: null, specimen: false });
  });

  it('refuses a certificate that brings its own stamp or says it is no specimen: those come from the trust list', () => {
    const stamp = { paths: ['M0 0L10 0L5 8Z'], viewBox: [10, 10], color: '#d0021b' };
    for (const extra of [{ stamp }, { specimen: false }]) {
      const result = verify(response(altered(extra as Partial<CertificatePayload>)));
      expect(result).toMatchObject({ ok: false, error: { check: 1 } });
    }
  });

  it('passes a genuine SM2-SM3 certificate: JWS by SM2 and a seal with COSE alg -65537', () => {
    const certificate = signCertificate(payloadFor(undefined, sm2Listed), issuerKey(sm2Listed));
    expect(JSON.parse(Buffer.from(certificate.split('.')[0]!, 'base64url').toString())).toEqual({
      alg: 'SM2-SM3',
      kid: sm2Listed.kid,
      typ: 'cert+jws',
    });
    const result = verify(response(certificate));
    expect(result).toMatchObject({ ok: true, value: { issued: [{ verified: true, certType: 'no-property-proof' }] } });
    // The same bytes under an ES256 entry would not do: the trust list decides the algorithm.
    const [header, payload, signature] = certificate.split('.');
    const damaged = Buffer.from(signature!, 'base64url');
    damaged[5] = damaged[5]! ^ 1;
    expect(verify(response(`${header}.${payload}.${damaged.toString('base64url')}`))).toMatchObject({ ok: false, error: { check: 3 } });
  });

  it('returns refusals for the citizen to be told, unsigned', () => {
    const body = Buffer.from(
      JSON.stringify({
        requestId: sent.requestId,
        requestHash: sent.bodyHash,
        results: [{ certType: 'no-property-proof', status: 'refused', error: { code: 'NOT_ELIGIBLE', message: '…', retryable: false } }],
      }),
    );
    expect(verify(body)).toEqual({
      ok: true,
      value: { issued: [], refusals: [{ certType: 'no-property-proof', code: 'NOT_ELIGIBLE', retryable: false }], holder: sent.holder },
    });
  });

  it('v1.1 app code: the answer must name the holder, and every certificate must be for that holder', () => {
    const byAppCode = { ...sent, holder: null };
    const genuine = signCertificate(payloadFor(), issuerKey(good));
    expect(verifyFetchResponse(response(genuine), byAppCode, list, now)).toMatchObject({ ok: false, error: { check: 1 } });
    expect(verifyFetchResponse(response(genuine, { holder: sent.holder }), byAppCode, list, now)).toMatchObject({
      ok: true,
      value: { holder: sent.holder, issued: [{ holder: sent.holder }] },
    });
    const liHolder = holderFromCard(li.card);
    expect(verifyFetchResponse(response(genuine, { holder: liHolder }), byAppCode, list, now)).toMatchObject({
      ok: false,
      error: { check: 5 },
    });
    // A card's answer that names someone else is refused too, whatever its certificates say.
    expect(verify(response(genuine, { holder: liHolder }))).toMatchObject({ ok: false, error: { check: 5 } });
  });

  it('check 1: malformed, extra members, a missing or extra result, wrong order, too large', () => {
    const certificate = signCertificate(payloadFor(), issuerKey(good));
    expect(verify(Buffer.from('{"requestId":'))).toMatchObject({ ok: false, error: { check: 1 } });
    expect(verify(response(certificate, { extra: true }))).toMatchObject({ ok: false, error: { check: 1 } });
    expect(verify(response(certificate, { results: [] }))).toMatchObject({
      ok: false,
      error: { check: 1, detail: 'check 1: not one result per requested type' },
    });
    const two = [
      { certType: 'no-property-proof', status: 'issued', certificate },
      { certType: 'residence-proof', status: 'issued', certificate },
    ];
    expect(verify(response(certificate, { results: two }))).toMatchObject({ ok: false, error: { check: 1 } });
    expect(verify(response(certificate, { results: [{ certType: 'residence-proof', status: 'issued', certificate }] }))).toMatchObject({
      ok: false,
      error: { check: 1 },
    });
    expect(verify(Buffer.alloc(1024 * 1024 + 1, 0x20))).toMatchObject({
      ok: false,
      error: { check: 1, detail: 'check 1: response larger than 1 MiB' },
    });
  });

  it('check 2: header members, unknown kid, alg not the trust list one, revoked key, future issuedAt', () => {
    const stranger = makeIssuer();
    expect(
      verify(response(signCertificate(payloadFor(), { department, alg: 'ES256', kid: stranger.kid, privateKey: stranger.privateKey }))),
    ).toMatchObject({ ok: false, error: { check: 2, detail: `no-property-proof: check 2: kid ${stranger.kid} is not in the trust list` } });
    // The header names ES256 for a kid the trust list holds as SM2-SM3: the list decides.
    expect(verify(response(signCertificate(payloadFor(undefined, sm2Listed), { ...issuerKey(good), kid: sm2Listed.kid })))).toMatchObject({
      ok: false,
      error: { check: 2 },
    });
    expect(verify(response(signCertificate(payloadFor(undefined, revoked), issuerKey(revoked))))).toMatchObject({
      ok: false,
      error: { check: 2 },
    });
    expect(verify(response(altered({ issuedAt: '2026-11-23T08:10:00Z' })))).toMatchObject({
      ok: false,
      error: { check: 2, detail: expect.stringMatching(/future/) },
    });
    const [, payload, signature] = signCertificate(payloadFor(), issuerKey(good)).split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'ES256', kid: good.kid, typ: 'cert+jws', jku: 'https://x' })).toString('base64url');
    expect(verify(response(`${header}.${payload}.${signature}`))).toMatchObject({ ok: false, error: { check: 2 } });
  });

  it('check 3: a payload changed after signing', () => {
    const [header, , signature] = signCertificate(payloadFor(), issuerKey(good)).split('.');
    const forged = Buffer.from(JSON.stringify({ ...payloadFor(), statement: '伪造' })).toString('base64url');
    expect(verify(response(`${header}.${forged}.${signature}`))).toMatchObject({ ok: false, error: { check: 3 } });
  });

  it('check 4: request hash, ids, purpose, type allowed to the issuer, issuer code', () => {
    expect(verify(response(signCertificate(payloadFor(), issuerKey(good)), { requestHash: 'b'.repeat(64) }))).toMatchObject({
      ok: false,
      error: { check: 4 },
    });
    expect(verify(response(altered({ requestHash: 'b'.repeat(64) })))).toMatchObject({ ok: false, error: { check: 4 } });
    expect(verify(response(altered({ requestId: 'another' })))).toMatchObject({ ok: false, error: { check: 4 } });
    expect(verify(response(altered({ kioskId: 'kiosk-other' })))).toMatchObject({ ok: false, error: { check: 4 } });
    expect(verify(response(altered({ purpose: 'personal-record' })))).toMatchObject({ ok: false, error: { check: 4 } });
    expect(verify(response(signCertificate(payloadFor(undefined, notAllowed), issuerKey(notAllowed))))).toMatchObject({
      ok: false,
      error: { check: 4, detail: expect.stringMatching(/may not issue this type/) },
    });
    expect(verify(response(altered({ issuer: { name: department.name, code: '91350100M000100Y43' } })))).toMatchObject({
      ok: false,
      error: { check: 4 },
    });
  });

  it('check 5: a genuine certificate for another person is not printed', () => {
    const other = payloadFor(holderFromCard(li.card));
    const result = verify(response(signCertificate(other, issuerKey(good))));
    expect(result).toMatchObject({ ok: false, error: { check: 5 } });
    // The detail names the check, never the people.
    expect(JSON.stringify(result)).not.toContain(li.card.name);
    expect(JSON.stringify(result)).not.toContain(zhang.card.idNumber);
    expect(verify(response(altered({ holder: { ...sent.holder, idType: 'hmt-residence-permit' } })))).toMatchObject({
      ok: false,
      error: { check: 5 },
    });
  });

  it('check 6: validUntil passed, whole day Asia/Shanghai', () => {
    const payload = payloadFor();
    const certificate = signCertificate(payload, issuerKey(good));
    expect(payload.validUntil).toBe('2026-12-23');
    expect(verify(response(certificate), new Date('2026-12-23T23:59:58+08:00')).ok).toBe(true);
    // 2026-12-23T16:00Z is still the 23rd in UTC, but already the 24th in Shanghai.
    expect(verify(response(certificate), new Date('2026-12-24T00:00:00+08:00'))).toMatchObject({ ok: false, error: { check: 6 } });
    expect(verify(response(altered({ validUntil: '2026-11-22' })))).toMatchObject({ ok: false, error: { check: 6 } });
  });

  it('check 7: a seal that does not match the certificate', () => {
    const payload = payloadFor();
    const withSeal = (seal: string) => response(altered({ ...payload, seal }));
    expect(verify(withSeal(sealFor(payload)))).toMatchObject({ ok: true });
    expect(verify(withSeal(sealFor(payload, { id: 'HZBDC-OTHER' })))).toMatchObject({
      ok: false,
      error: { check: 7, detail: expect.stringMatching(/seal id/) },
    });
    expect(verify(withSeal(sealFor(payload, { n: '李四' })))).toMatchObject({ ok: false, error: { check: 7 } });
    expect(verify(withSeal(sealFor(payload, { m: maskIdNumber(li.card.idNumber) })))).toMatchObject({ ok: false, error: { check: 7 } });
    expect(verify(withSeal(sealFor(payload, { exp: endOfShanghaiDay(payload.validUntil) / 1000 + 86400 })))).toMatchObject({
      ok: false,
      error: { check: 7 },
    });
    expect(verify(withSeal(sealFor(payload, { f: { region: '宁波市' } })))).toMatchObject({ ok: false, error: { check: 7 } });
    expect(verify(withSeal(sealFor(payload, { f: {} })))).toMatchObject({ ok: false, error: { check: 7 } });
    expect(verify(withSeal(sealFor(payload, {}, notAllowed)))).toMatchObject({ ok: false, error: { check: 7 } });
    expect(verify(withSeal('KQ1:DAMAGED'))).toMatchObject({ ok: false, error: { check: 7, detail: expect.stringMatching(/damaged/) } });
  });
});
