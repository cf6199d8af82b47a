import { createPublicKey, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeBase64url } from '../gateway/base64url';
import { signCompactJws } from '../gateway/jws';
import { newEs256Key } from '../../test/support/trust-list-fixture';
import { signMaintenanceCode, verifyMaintenanceCode, type MaintenanceKey } from './maintenance-code';

const privateKey = newEs256Key();
const key: MaintenanceKey = { publicKey: createPublicKey(privateKey), staff: { 'wang.li': '$scrypt$…', zhao: '$scrypt$…' } };
const kioskId = 'kiosk-hz-0042';
const now = new Date('2026-05-04T08:00:00Z');
const nowS = now.getTime() / 1000;
const HOUR = 3600;

const verify = (code: string, at: Date = now) => verifyMaintenanceCode(code, { key, kioskId, now: at });
const code = (claims: Partial<{ sub: string; aud: string | string[]; exp: number }> = {}) =>
  signMaintenanceCode({ sub: 'wang.li', aud: kioskId, exp: nowS + HOUR, ...claims }, privateKey);

/** A token with any header and payload at all, validly signed by the maintenance key. */
function rawToken(header: unknown, payload: unknown, signer = privateKey): string {
  const input = `${encodeBase64url(Buffer.from(JSON.stringify(header)))}.${encodeBase64url(Buffer.from(JSON.stringify(payload)))}`;
  return `${input}.${encodeBase64url(sign('sha256', Buffer.from(input), { key: signer, dsaEncoding: 'ieee-p1363' }))}`;
}
const header = { alg: 'ES256', typ: 'kiosk-maintenance+jws' };
const claims = { sub: 'wang.li', aud: kioskId, exp: nowS + HOUR };

describe('maintenance codes', () => {
  it('accepts a good code: the staff id and when the code expires', () => {
    expect(verify(code())).toEqual({ ok: true, value: { staffId: 'wang.li', expiresAt: new Date((nowS + HOUR) * 1000) } });
  });

  it('is signed with the exact header, the claims in order, and a raw 64-byte r||s signature', () => {
    const [headerPart, payloadPart, signaturePart] = code().split('.') as [string, string, string];
    expect(Buffer.from(headerPart, 'base64url').toString()).toBe('{"alg":"ES256","typ":"kiosk-maintenance+jws"}');
    expect(Buffer.from(payloadPart, 'base64url').toString()).toBe(`{"sub":"wang.li","aud":"${kioskId}","exp":${nowS + HOUR}}`);
    expect(Buffer.from(signaturePart, 'base64url')).toHaveLength(64);
  });

  it('accepts an audience list that names this kiosk, and an optional iat', () => {
    expect(verify(code({ aud: ['kiosk-hz-0001', kioskId] })).ok).toBe(true);
    expect(verify(rawToken(header, { ...claims, iat: nowS })).ok).toBe(true);
  });

  it('refuses a code for other kiosks', () => {
    expect(verify(code({ aud: 'kiosk-hz-0001' }))).toEqual({ ok: false, error: 'otherKiosk' });
    expect(verify(code({ aud: ['kiosk-hz-0001', 'kiosk-hz-0002'] }))).toEqual({ ok: false, error: 'otherKiosk' });
    // A prefix or a case change is another kiosk.
    expect(verify(code({ aud: kioskId.toUpperCase() }))).toEqual({ ok: false, error: 'otherKiosk' });
  });

  it('refuses a staff id the configuration does not name, inherited names included', () => {
    expect(verify(code({ sub: 'li.ming' }))).toEqual({ ok: false, error: 'unknownStaff' });
    expect(verify(code({ sub: 'constructor' }))).toEqual({ ok: false, error: 'unknownStaff' });
  });

  it('refuses a code signed by another key, or changed after signing', () => {
    expect(verify(signMaintenanceCode(claims, newEs256Key()))).toEqual({ ok: false, error: 'badSignature' });
    const [h, , s] = code().split('.');
    const forged = `${h}.${encodeBase64url(Buffer.from(JSON.stringify({ ...claims, sub: 'zhao' })))}.${s}`;
    expect(verify(forged)).toEqual({ ok: false, error: 'badSignature' });
    // A DER signature (not raw r||s) is not this format's signature.
    const input = code().split('.').slice(0, 2).join('.');
    const der = sign('sha256', Buffer.from(input), privateKey);
    expect(verify(`${input}.${encodeBase64url(der)}`)).toEqual({ ok: false, error: 'badSignature' });
  });

  it('refuses a signature by a key of another curve even when the configured key is P-256', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).privateKey;
    expect(verify(rawToken(header, claims, p384))).toEqual({ ok: false, error: 'badSignature' });
  });

  it('bounds the time: expired, and at most 12 h ahead, each with 60 s of clock skew', () => {
    const at = (offsetS: number) => verify(code({ exp: nowS + offsetS }));
    expect(at(-1).ok).toBe(true); // 1 s past: within the skew
    expect(at(-59).ok).toBe(true);
    expect(at(-60)).toEqual({ ok: false, error: 'expired' });
    expect(at(-HOUR)).toEqual({ ok: false, error: 'expired' });
    expect(at(12 * HOUR).ok).toBe(true);
    expect(at(12 * HOUR + 60).ok).toBe(true);
    expect(at(12 * HOUR + 61)).toEqual({ ok: false, error: 'tooLongLived' });
    expect(at(30 * 24 * HOUR)).toEqual({ ok: false, error: 'tooLongLived' });
    // The same code expires as the clock moves.
    const good = code({ exp: nowS + HOUR });
    expect(verify(good, new Date(now.getTime() + HOUR * 1000 + 59_000)).ok).toBe(true);
    expect(verify(good, new Date(now.getTime() + HOUR * 1000 + 60_000))).toEqual({ ok: false, error: 'expired' });
  });

  it('refuses any other header: extra members, a kid, another typ or alg, a missing member', () => {
    for (const bad of [
      { ...header, kid: 'k1' },
      { ...header, jwk: {} },
      { ...header, crit: ['exp'] },
      { alg: 'ES256' },
      { alg: 'ES256', typ: 'cert+jws' },
      { alg: 'none', typ: 'kiosk-maintenance+jws' },
      { alg: 'SM2-SM3', typ: 'kiosk-maintenance+jws' },
      ['ES256'],
    ]) {
      expect(verify(rawToken(bad, claims))).toEqual({ ok: false, error: 'malformed' });
    }
  });

  it('refuses malformed claims even when well signed', () => {
    for (const bad of [
      { sub: 'wang.li', aud: kioskId }, // no exp
      { ...claims, exp: String(claims.exp) },
      { ...claims, exp: (nowS + HOUR) * 1000 + 0.5 },
      { ...claims, aud: [] },
      { ...claims, aud: [kioskId, 7] },
      { ...claims, sub: '' },
      { ...claims, sub: 'wang li' },
      { ...claims, nbf: nowS },
      { ...claims, iat: 'today' },
      'wang.li',
      null,
    ]) {
      expect(verify(rawToken(header, bad))).toEqual({ ok: false, error: 'malformed' });
    }
  });

  it('refuses what is not a compact JWS at all', () => {
    for (const bad of ['', 'hello', 'a.b', 'a.b.c.d', `${code()}=`, `${code()}.`, 'ZLB1:0123456789abcdef', 'x'.repeat(5000)]) {
      expect(verify(bad)).toEqual({ ok: false, error: 'malformed' });
    }
    // A payload that is not JSON, well signed.
    const input = `${encodeBase64url(Buffer.from(JSON.stringify(header)))}.${encodeBase64url(Buffer.from('not json'))}`;
    const signature = sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' });
    expect(verify(`${input}.${encodeBase64url(signature)}`)).toEqual({ ok: false, error: 'malformed' });
  });

  it('a gateway certificate (another typ, with kid) is not a maintenance code', () => {
    const certificate = signCompactJws('ES256', { alg: 'ES256', kid: 'abc', typ: 'cert+jws' }, claims, privateKey);
    expect(verify(certificate)).toEqual({ ok: false, error: 'malformed' });
  });
});
