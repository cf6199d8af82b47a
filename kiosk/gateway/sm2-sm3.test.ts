import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyId } from './key-id';
import { signatureScheme } from './signature-algorithms';
import { sm2PrivateKeyHex, sm2PublicKeyHex } from './sm2-key';
import { sm2Sm3 } from './sm2-sm3';

const sm2 = () => generateKeyPairSync('ec', { namedCurve: 'SM2' });

describe('SM2-SM3', () => {
  it('signs raw r‖s that verifies with the public key only, over exactly these bytes', () => {
    const { privateKey, publicKey } = sm2();
    const data = Buffer.from('KQ-REQ-1\nPOST\n/v1/certificates:fetch');
    const signature = sm2Sm3.sign(data, privateKey);
    expect(signature).toHaveLength(64);
    expect(sm2Sm3.verify(data, signature, publicKey)).toBe(true);
    expect(sm2Sm3.verify(Buffer.concat([data, Buffer.from(' ')]), signature, publicKey)).toBe(false);
    expect(sm2Sm3.verify(data, signature, sm2().publicKey)).toBe(false);
    expect(sm2Sm3.verify(data, signature.subarray(0, 63), publicKey)).toBe(false);
  });

  it('takes SM2 keys only, and ES256 takes none of them', () => {
    const { privateKey, publicKey } = sm2();
    const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(sm2Sm3.acceptsKey(publicKey)).toBe(true);
    expect(sm2Sm3.acceptsKey(p256.publicKey)).toBe(false);
    expect(signatureScheme('ES256').acceptsKey(publicKey)).toBe(false);
    expect(() => sm2Sm3.sign(Buffer.from('x'), p256.privateKey)).toThrow('not an SM2 private key');
    expect(sm2Sm3.verify(Buffer.from('x'), Buffer.alloc(64, 1), p256.publicKey)).toBe(false);
    expect(sm2PrivateKeyHex(privateKey)).toMatch(/^[0-9a-f]{64}$/);
    expect(sm2PublicKeyHex(privateKey)).toMatch(/^04[0-9a-f]{128}$/);
    expect(keyId(privateKey)).toBe(keyId(createPublicKey(privateKey)));
  });
});
