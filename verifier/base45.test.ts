import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase45, encodeBase45 } from './base45';

const text = (value: string) => new TextEncoder().encode(value);

describe('base45', () => {
  it('encodes and decodes the examples of RFC 9285', () => {
    for (const [plain, encoded] of [
      ['AB', 'BB8'],
      ['Hello!!', '%69 VD92EX0'],
      ['base-45', 'UJCLQE7W581'],
      ['ietf!', 'QED8WEX0'],
    ] as const) {
      expect(encodeBase45(text(plain))).toBe(encoded);
      expect(decodeBase45(encoded)).toEqual(text(plain));
    }
  });

  it('round-trips any bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(decodeBase45(encodeBase45(bytes))).toEqual(bytes);
      }),
    );
  });

  it('refuses a foreign character, an impossible length and a group out of range', () => {
    expect(decodeBase45('bb8')).toBeNull();
    expect(decodeBase45('BB8B')).toBeNull();
    expect(decodeBase45('GGW')).toBeNull(); // 65535 + 1
    expect(decodeBase45('U6')).toBeNull(); // 256
    expect(decodeBase45('FGW')).toEqual(Uint8Array.of(0xff, 0xff));
  });
});
