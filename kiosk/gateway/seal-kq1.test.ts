import { decode, encode } from 'cborg';
import { describe, expect, it } from 'vitest';
import { decodeBase45, encodeBase45 } from '../../verifier/base45';
import { encodeSeal, sealCoseBytes, SEAL_MAX_COSE_BYTES, verifySeal, type SealClaims } from './seal-kq1';
import { signatureScheme } from './signature-algorithms';
import { makeIssuer, makeTrustList } from '../../test/support/trust-list-fixture';

const issuer = makeIssuer({ certTypes: ['no-property-proof', 'social-security-record'] });
const { list } = makeTrustList([issuer]);
const signer = { alg: 'ES256' as const, kid: issuer.kid, privateKey: issuer.privateKey };
const now = new Date('2026-11-23T08:00:01Z');
const claims: SealClaims = {
  v: 1,
  t: 'no-property-proof',
  id: 'HZBDC-20261123-' + 'A'.repeat(65),
  n: '张三',
  m: '330106********123X',
  f: { region: '杭州市' },
  iat: Math.floor(now.getTime() / 1000),
  exp: Math.floor(Date.parse('2026-12-23T23:59:59+08:00') / 1000),
};

function cose(seal: string): unknown[] {
  return decode(decodeBase45(seal.slice(4))!, { useMaps: true }) as unknown[];
}
function reseal(parts: unknown[], tag = false): string {
  const bytes = Buffer.from(encode(parts));
  return 'KQ1:' + encodeBase45(tag ? Buffer.concat([Buffer.from([0xd2]), bytes]) : bytes);
}

/** A CBOR map written entry by entry, so that a test can repeat a key. */
function cborMap(entries: Array<[unknown, unknown]>): Buffer {
  return Buffer.concat([Buffer.from([0xa0 + entries.length]), ...entries.flatMap(([key, value]) => [encode(key), encode(value)])]);
}
/** A seal around payload bytes as given, signed properly, so that only the payload's CBOR can be at fault. */
function sealWithPayload(payload: Uint8Array): string {
  const [protectedBytes] = cose(encodeSeal(claims, signer)) as [Uint8Array];
  const signature = signatureScheme('ES256').sign(encode(['Signature1', protectedBytes, new Uint8Array(0), payload]), signer.privateKey);
  return 'KQ1:' + encodeBase45(encode([protectedBytes, new Map(), payload, signature]));
}
const claimEntries = (): Array<[unknown, unknown]> => [
  ['v', 1],
  ['t', claims.t],
  ['id', claims.id],
  ['n', claims.n],
  ['m', claims.m],
  ['f', new Map([['region', '杭州市']])],
  ['iat', claims.iat],
  ['exp', claims.exp],
];
function withCoseBytes(seal: string, change: (bytes: Buffer) => Buffer): string {
  return 'KQ1:' + encodeBase45(change(Buffer.from(decodeBase45(seal.slice(4))!)));
}

describe('KQ1 seal', () => {
  it('round-trips its claims and stays within the QR size budget with an 80-character id', () => {
    const seal = encodeSeal(claims, signer);
    expect(seal).toMatch(/^KQ1:[0-9A-Z $%*+\-./:]+$/);
    expect(claims.id).toHaveLength(80);
    expect(sealCoseBytes(seal)).toBeLessThanOrEqual(SEAL_MAX_COSE_BYTES);
    const result = verifySeal(seal, list, now);
    expect(result).toMatchObject({ ok: true, value: { claims, kid: issuer.kid } });
    expect(result.ok && result.value.issuer.name).toBe('杭州市不动产登记服务中心');
  });

  it('has the COSE_Sign1 shape of the spec: protected {1: -7, 4: kid}, empty unprotected, 64-byte signature', () => {
    const [protectedBytes, unprotected, , signature] = cose(encodeSeal(claims, signer));
    expect(Buffer.from(protectedBytes as Uint8Array).toString('hex')).toBe(`a201260448${issuer.kid}`);
    expect(unprotected).toEqual(new Map());
    expect(signature).toHaveLength(64);
  });

  it('accepts the optional tag 18', () => {
    expect(verifySeal(reseal(cose(encodeSeal(claims, signer)), true), list, now).ok).toBe(true);
  });

  it('catches a changed claim', () => {
    const parts = cose(encodeSeal(claims, signer));
    const other = cose(encodeSeal({ ...claims, n: '李四' }, signer));
    parts[2] = other[2];
    expect(verifySeal(reseal(parts), list, now)).toEqual({ ok: false, error: { failure: 'signature-invalid' } });
  });

  it('reads damage as damage', () => {
    const seal = encodeSeal(claims, signer);
    expect(verifySeal('HC1:' + seal.slice(4), list, now)).toEqual({ ok: false, error: { failure: 'not-kq1' } });
    expect(verifySeal(seal.slice(0, -1), list, now).ok).toBe(false);
    expect(verifySeal(seal.slice(0, 20) + 'a' + seal.slice(21), list, now)).toEqual({ ok: false, error: { failure: 'damaged' } });
    const parts = cose(seal);
    parts[1] = new Map([[4, Buffer.alloc(8)]]);
    expect(verifySeal(reseal(parts), list, now)).toEqual({ ok: false, error: { failure: 'damaged' } });
  });

  it('is expired after exp and not before', () => {
    const seal = encodeSeal(claims, signer);
    expect(verifySeal(seal, list, new Date((claims.exp - 1) * 1000)).ok).toBe(true);
    expect(verifySeal(seal, list, new Date(claims.exp * 1000))).toEqual({ ok: false, error: { failure: 'expired' } });
  });

  it('refuses an unknown kid, a type the issuer may not sign, and a revoked key', () => {
    const stranger = makeIssuer();
    expect(verifySeal(encodeSeal(claims, { ...signer, kid: stranger.kid, privateKey: stranger.privateKey }), list, now)).toEqual({
      ok: false,
      error: { failure: 'unknown-issuer' },
    });
    expect(verifySeal(encodeSeal({ ...claims, t: 'residence-proof' }, signer), list, now)).toEqual({
      ok: false,
      error: { failure: 'type-not-allowed' },
    });
    const revoked = makeIssuer({ status: 'revoked' });
    const revokedList = makeTrustList([revoked]).list;
    expect(verifySeal(encodeSeal(claims, { ...signer, kid: revoked.kid, privateKey: revoked.privateKey }), revokedList, now)).toEqual({
      ok: false,
      error: { failure: 'key-revoked' },
    });
  });

  it('refuses a seal made outside the key validity, an unmasked ID number and a future iat', () => {
    expect(verifySeal(encodeSeal({ ...claims, iat: Date.parse('2025-06-01T00:00:00Z') / 1000 }, signer), list, now)).toEqual({
      ok: false,
      error: { failure: 'key-not-valid' },
    });
    expect(verifySeal(encodeSeal({ ...claims, m: '33010619900101123X' }, signer), list, now)).toEqual({
      ok: false,
      error: { failure: 'damaged' },
    });
    expect(verifySeal(encodeSeal({ ...claims, iat: claims.iat + 301 }, signer), list, now)).toEqual({
      ok: false,
      error: { failure: 'damaged' },
    });
  });

  it('reads a payload written entry by entry like any other (the control for the CBOR refusals below)', () => {
    expect(verifySeal(sealWithPayload(cborMap(claimEntries())), list, now)).toMatchObject({ ok: true, value: { claims } });
  });

  it('refuses a duplicate map key, even under a valid signature: a second "n" could hide another holder', () => {
    const entries = claimEntries();
    entries.splice(4, 0, ['n', '李四']);
    expect(verifySeal(sealWithPayload(cborMap(entries)), list, now)).toEqual({
      ok: false,
      error: { failure: 'damaged', cbor: 'duplicate-map-key' },
    });
    const [, unprotected, payload, signature] = cose(encodeSeal(claims, signer)) as [Uint8Array, unknown, Uint8Array, Uint8Array];
    const header = cborMap([
      [1, -7],
      [4, Buffer.from(issuer.kid, 'hex')],
      [1, -7],
    ]);
    expect(verifySeal('KQ1:' + encodeBase45(encode([header, unprotected, payload, signature])), list, now)).toEqual({
      ok: false,
      error: { failure: 'damaged', cbor: 'duplicate-map-key' },
    });
  });

  it('refuses indefinite lengths', () => {
    const seal = encodeSeal(claims, signer);
    // The COSE array as 9f … ff instead of 84 …
    expect(decodeBase45(seal.slice(4))![0]).toBe(0x84);
    expect(
      verifySeal(
        withCoseBytes(seal, (bytes) => Buffer.concat([Buffer.from([0x9f]), bytes.subarray(1), Buffer.from([0xff])])),
        list,
        now,
      ),
    ).toEqual({ ok: false, error: { failure: 'damaged', cbor: 'indefinite-length' } });
    const payload = cborMap(claimEntries());
    const indefinite = Buffer.concat([Buffer.from([0xbf]), payload.subarray(1), Buffer.from([0xff])]);
    expect(verifySeal(sealWithPayload(indefinite), list, now)).toEqual({
      ok: false,
      error: { failure: 'damaged', cbor: 'indefinite-length' },
    });
  });

  it('refuses bytes after the COSE_Sign1 and after the payload', () => {
    const seal = encodeSeal(claims, signer);
    expect(
      verifySeal(
        withCoseBytes(seal, (bytes) => Buffer.concat([bytes, Buffer.from([0x00])])),
        list,
        now,
      ),
    ).toEqual({ ok: false, error: { failure: 'damaged', cbor: 'trailing-bytes' } });
    expect(verifySeal(sealWithPayload(Buffer.concat([cborMap(claimEntries()), Buffer.from([0x00])])), list, now)).toEqual({
      ok: false,
      error: { failure: 'damaged', cbor: 'trailing-bytes' },
    });
  });
});
