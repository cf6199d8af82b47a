import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FETCH_PATH, sha256Hex, signedRequestHeaders, signingString, verifyRequestSignature } from './request-signing';
import { newEs256Key } from '../../test/support/trust-list-fixture';

const body = Buffer.from('{"certTypes":["no-property-proof"]}');
const fields = {
  method: 'POST',
  path: FETCH_PATH,
  kioskId: 'kiosk-dev-0001',
  requestId: '3f0c8a52-8d1e-4c57-9d1a-6a2b9e4f7c10',
  timestamp: '2026-11-23T08:00:00Z',
  issue: '330100-GJJ-TQ-0001',
  purpose: 'provident-fund-withdrawal',
  body,
};

describe('KQ-REQ-1', () => {
  it('is nine lines joined by LF, without a trailing LF', () => {
    expect(signingString(fields)).toBe(
      'KQ-REQ-1\nPOST\n/v1/certificates:fetch\nkiosk-dev-0001\n3f0c8a52-8d1e-4c57-9d1a-6a2b9e4f7c10\n2026-11-23T08:00:00Z\n' +
        `330100-GJJ-TQ-0001\nprovident-fund-withdrawal\n${sha256Hex(body)}`,
    );
    expect(
      signingString({ ...fields, method: 'GET', issue: '', purpose: '', body: Buffer.alloc(0) })
        .split('\n')
        .at(-1),
    ).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });

  it('signs every header and body byte', () => {
    const key = newEs256Key();
    const headers = signedRequestHeaders(fields, 'ES256', key);
    expect(Object.keys(headers)).toEqual([
      'X-Kiosk-Id',
      'X-Request-Id',
      'X-Timestamp',
      'X-Issue',
      'X-Purpose',
      'X-Signature-Alg',
      'X-Signature',
    ]);
    const publicKey = createPublicKey(key);
    expect(verifyRequestSignature(fields, headers['X-Signature']!, 'ES256', publicKey)).toBe(true);
    expect(verifyRequestSignature({ ...fields, body: Buffer.from('{}') }, headers['X-Signature']!, 'ES256', publicKey)).toBe(false);
    expect(verifyRequestSignature({ ...fields, purpose: 'personal-record' }, headers['X-Signature']!, 'ES256', publicKey)).toBe(false);
    expect(verifyRequestSignature(fields, headers['X-Signature']!, 'ES256', createPublicKey(newEs256Key()))).toBe(false);
  });
});
