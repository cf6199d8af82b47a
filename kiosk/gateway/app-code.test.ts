import { describe, expect, it } from 'vitest';
import { APP_CHALLENGE_LIFETIME_MS, isAppCode, newAppChallenge, parseAppChallenge } from './app-code';

describe('the app-code challenge and the code’s shape (sharing-gateway-v1.1)', () => {
  it('makes ZLBK1:<kioskId>:<nonce> with 16 fresh random bytes, valid 120 s', () => {
    const now = new Date('2026-11-30T08:00:00Z');
    const a = newAppChallenge('kiosk-dev-0001', now);
    const b = newAppChallenge('kiosk-dev-0001', now);
    expect(a.text).toMatch(/^ZLBK1:kiosk-dev-0001:[0-9a-f]{32}$/);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.expiresAt.getTime() - now.getTime()).toBe(APP_CHALLENGE_LIFETIME_MS);
    expect(parseAppChallenge(a.text)).toEqual({ kioskId: 'kiosk-dev-0001', nonce: a.nonce });
    expect(newAppChallenge('k', now, (n) => new Uint8Array(n).fill(0xab)).nonce).toBe('ab'.repeat(16));
  });

  it('reads back only a well-formed challenge', () => {
    for (const bad of [
      '',
      'ZLBK1:',
      'ZLBK1:kiosk',
      `ZLBK1::${'a'.repeat(32)}`,
      `ZLBK1:k:${'A'.repeat(32)}`,
      `ZLBK1:k:${'a'.repeat(31)}`,
      `ZLB1:k:${'a'.repeat(32)}`,
    ]) {
      expect(parseAppChallenge(bad), bad).toBeNull();
    }
  });

  it('takes as an app code 16–2048 printable ASCII characters prefixed ZLB1:, and nothing else', () => {
    expect(isAppCode('ZLB1:' + 'a'.repeat(11))).toBe(true);
    expect(isAppCode('ZLB1:' + 'a'.repeat(10))).toBe(false);
    expect(isAppCode('ZLB1:' + 'a'.repeat(2043))).toBe(true);
    expect(isAppCode('ZLB1:' + 'a'.repeat(2044))).toBe(false);
    expect(isAppCode('ZLB1:' + '码'.repeat(20))).toBe(false);
    expect(isAppCode('ZLB1:' + 'a'.repeat(20) + '\n')).toBe(false);
    expect(isAppCode('zlb1:' + 'a'.repeat(20))).toBe(false);
    expect(isAppCode('KQ1:' + 'a'.repeat(20))).toBe(false);
    expect(isAppCode(`ZLBK1:kiosk-dev-0001:${'a'.repeat(32)}`)).toBe(false);
  });
});
