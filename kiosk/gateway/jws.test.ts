import { createPublicKey, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeBase64url } from './base64url';
import { jwsPayloadJson, parseJws, signJws, verifyJwsSignature } from './jws';
import { keyId } from './key-id';
import { newEs256Key } from '../../test/support/trust-list-fixture';

const key = newEs256Key();
const kid = keyId(key);

/** A token with any header at all, validly signed: what a hostile or buggy signer could send. */
function tokenWithHeader(header: unknown, payload: unknown = { a: 1 }): string {
  const input = `${encodeBase64url(Buffer.from(JSON.stringify(header)))}.${encodeBase64url(Buffer.from(JSON.stringify(payload)))}`;
  const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
  return `${input}.${encodeBase64url(signature)}`;
}

describe('compact JWS', () => {
  it('round-trips a payload and verifies with the signer key only', () => {
    const token = signJws({ alg: 'ES256', kid, typ: 'cert+jws' }, { 名称: '无房证明', n: 1 }, key);
    const parsed = parseJws(token, 'cert+jws');
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.value.header).toEqual({ alg: 'ES256', kid, typ: 'cert+jws' });
    expect(parsed.value.signature).toHaveLength(64);
    expect(jwsPayloadJson(parsed.value)).toEqual({ 名称: '无房证明', n: 1 });
    expect(verifyJwsSignature(parsed.value, 'ES256', createPublicKey(key))).toBe(true);
    expect(verifyJwsSignature(parsed.value, 'ES256', createPublicKey(newEs256Key()))).toBe(false);
    // The header cannot choose an algorithm the caller has no implementation for.
    expect(verifyJwsSignature(parsed.value, 'SM2-SM3', createPublicKey(key))).toBe(false);
  });

  it('refuses a header with any extra member, even when the signature is good', () => {
    for (const extra of [{ crit: ['exp'] }, { jku: 'https://evil.example/keys' }, { jwk: {} }, { x5u: 'https://x' }, { cty: 'json' }]) {
      const parsed = parseJws(tokenWithHeader({ alg: 'ES256', kid, typ: 'cert+jws', ...extra }), 'cert+jws');
      expect(parsed).toEqual({ ok: false, error: 'header has other members' });
    }
  });

  it('refuses a missing member, alg none, a malformed kid and the wrong typ', () => {
    expect(parseJws(tokenWithHeader({ alg: 'ES256', kid }), 'cert+jws')).toEqual({ ok: false, error: 'header has other members' });
    expect(parseJws(tokenWithHeader({ alg: 'none', kid, typ: 'cert+jws' }), 'cert+jws')).toEqual({ ok: false, error: 'header malformed' });
    expect(parseJws(tokenWithHeader({ alg: 'ES256', kid: 'ABC', typ: 'cert+jws' }), 'cert+jws')).toEqual({
      ok: false,
      error: 'header malformed',
    });
    expect(parseJws(tokenWithHeader({ alg: 'ES256', kid, typ: 'trust+jws' }), 'cert+jws')).toEqual({ ok: false, error: 'wrong typ' });
  });

  it('refuses what is not a compact serialization', () => {
    const token = signJws({ alg: 'ES256', kid, typ: 'cert+jws' }, { a: 1 }, key);
    expect(parseJws(token + '.x', 'cert+jws').ok).toBe(false);
    expect(parseJws(token.replace(/\.[^.]+$/, '.'), 'cert+jws').ok).toBe(false);
    expect(parseJws(token + '=', 'cert+jws')).toEqual({ ok: false, error: 'not compact JWS' });
  });

  it('detects a changed payload', () => {
    const token = signJws({ alg: 'ES256', kid, typ: 'cert+jws' }, { holder: 'A' }, key);
    const [header, , signature] = token.split('.');
    const forged = `${header}.${encodeBase64url(Buffer.from(JSON.stringify({ holder: 'B' })))}.${signature}`;
    const parsed = parseJws(forged, 'cert+jws');
    expect(parsed.ok && verifyJwsSignature(parsed.value, 'ES256', createPublicKey(key))).toBe(false);
  });
});
