import { generateKeyPairSync, sign, verify } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { derSignatureToRaw, rawSignatureToDer } from './ecdsa-der-signature';

describe('raw r‖s ⇄ DER', () => {
  it('agrees with Node for P-256 in both directions', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (let i = 0; i < 20; i++) {
      const data = Buffer.from(`message ${i}`);
      const der = sign('sha256', data, privateKey);
      const raw = derSignatureToRaw(der)!;
      expect(raw).toHaveLength(64);
      expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'ieee-p1363' }, raw)).toBe(true);
      expect(rawSignatureToDer(raw).equals(der)).toBe(true);
    }
  });

  it('round-trips any 64 bytes, and refuses what is not an ECDSA-Sig-Value', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (bytes) => {
        expect(derSignatureToRaw(rawSignatureToDer(bytes))!.equals(Buffer.from(bytes))).toBe(true);
      }),
    );
    expect(derSignatureToRaw(Buffer.from('3006020101020101ff', 'hex'))).toBeNull(); // trailing byte
    expect(derSignatureToRaw(Buffer.from('300602010102018f', 'hex'))).toBeNull(); // negative s
    expect(derSignatureToRaw(Buffer.from('30030201', 'hex'))).toBeNull();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const raw = derSignatureToRaw(bytes);
        expect(raw === null || raw.length === 64).toBe(true);
      }),
    );
  });
});
