import { describe, expect, it } from 'vitest';
import { decodeBase64url, encodeBase64url } from './base64url';

describe('base64url', () => {
  it('round-trips without padding', () => {
    const bytes = Buffer.from([0xfb, 0xff, 0x00, 0x41]);
    expect(encodeBase64url(bytes)).toBe('-_8AQQ');
    expect(decodeBase64url('-_8AQQ')).toEqual(bytes);
  });

  it('refuses padding, standard base64 characters, impossible lengths and spare bits', () => {
    expect(decodeBase64url('-_8AQQ==')).toBeNull();
    expect(decodeBase64url('+/8AQQ')).toBeNull();
    expect(decodeBase64url('QUJDR')).toBeNull();
    // "QR" and "QQ" both decode to "A" in a lax decoder; only "QQ" is the canonical spelling.
    expect(decodeBase64url('QR')).toBeNull();
    expect(decodeBase64url('QQ')).toEqual(Buffer.from('A'));
  });
});
