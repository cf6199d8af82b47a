import { createHash, createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyId } from './key-id';
import { newEs256Key } from '../../test/support/trust-list-fixture';

describe('keyId', () => {
  it('is the hex of the first 8 bytes of SHA-256 over the SPKI DER, for either half of the pair', () => {
    const key = newEs256Key();
    const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
    const expected = createHash('sha256').update(spki).digest('hex').slice(0, 16);
    expect(keyId(createPublicKey(key))).toBe(expected);
    expect(keyId(key)).toBe(expected);
    expect(expected).toMatch(/^[0-9a-f]{16}$/);
  });

  it('differs between keys', () => {
    expect(keyId(newEs256Key())).not.toBe(keyId(newEs256Key()));
  });
});
