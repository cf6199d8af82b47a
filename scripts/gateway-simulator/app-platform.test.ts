import { describe, expect, it } from 'vitest';
import { newAppChallenge } from '../../kiosk/gateway/app-code';
import { testCitizens } from '../synthetic-population';
import { appCodeVariants, createAppPlatform, type AppCodeVariant } from './app-platform';

const kioskId = 'kiosk-dev-0001';
const reasons: Record<Exclude<AppCodeVariant, 'valid'>, string> = {
  reused: 'app code already used',
  expired: 'app code older than 120 s',
  foreignKiosk: 'app code made for another kiosk',
  wrongNonce: 'app code made for another challenge (nonce)',
};

describe("the simulated app platform's codes", () => {
  it('names the citizen once for a good code, and refuses each spoilt one for its own reason', () => {
    const platform = createAppPlatform(testCitizens);
    const now = new Date();
    const shown = newAppChallenge(kioskId, now);
    const code = (variant: AppCodeVariant) => {
      const made = platform.codeFor('zhang-san', shown.text, variant, now);
      if (!made.ok) throw new Error(made.error);
      return made.value;
    };
    expect(platform.codeFor('zhang-san', shown.text, 'reused', now)).toMatchObject({ ok: false });
    const good = code('valid');
    expect(good).toMatch(/^ZLB1:[A-Za-z0-9_.-]+$/);
    expect(good.length).toBeLessThanOrEqual(2048);
    expect(platform.redeem(good, kioskId, shown.nonce, now)).toMatchObject({ ok: true, value: { key: 'zhang-san' } });
    for (const variant of appCodeVariants.filter((v) => v !== 'valid')) {
      expect(platform.redeem(code(variant), kioskId, shown.nonce, now), variant).toEqual({ ok: false, error: reasons[variant] });
    }
  });

  it('carries no personal data, and refuses a code after 120 s, another signer, and garbage', () => {
    const platform = createAppPlatform(testCitizens);
    const other = createAppPlatform(testCitizens);
    const now = new Date();
    const shown = newAppChallenge(kioskId, now);
    const made = platform.codeFor('zhang-san', shown.text, 'valid', now);
    if (!made.ok) throw new Error(made.error);
    const payload = Buffer.from(made.value.slice(5).split('.')[1]!, 'base64url').toString('utf8');
    const zhang = testCitizens[0]!.card;
    expect(payload).not.toContain(zhang.idNumber);
    expect(payload).not.toContain(zhang.name);
    expect(platform.redeem(made.value, kioskId, shown.nonce, new Date(now.getTime() + 121_000))).toEqual({
      ok: false,
      error: 'app code older than 120 s',
    });
    expect(other.redeem(made.value, kioskId, shown.nonce, now)).toEqual({ ok: false, error: "app code not signed by the app's platform" });
    expect(platform.redeem('ZLB1:not-a-code-at-all', kioskId, shown.nonce, now)).toMatchObject({ ok: false });
    expect(platform.codeFor('nobody', shown.text, 'valid', now)).toMatchObject({ ok: false });
    expect(platform.codeFor('zhang-san', 'KQ1:abc', 'valid', now)).toMatchObject({ ok: false });
  });
});
