import { describe, expect, it } from 'vitest';
import { claims, issuer, now, page, production, seal } from '../../test/support/kq1-seal-fixture';
import { sealUrl } from '../../verifier/kq1-url-form';
import { checkPaperSeal } from './paper-check-service';

describe('the kiosk’s paper check', () => {
  it.each([
    ['bare', seal],
    ['URL', sealUrl(page, seal)],
  ])('finds a %s-form seal valid under a production list, with its claims and issuer', (_form, scanned) => {
    expect(checkPaperSeal(scanned, production, now)).toEqual({ verdict: 'valid', claims, issuerName: issuer.entry.name });
  });

  it('cannot confirm past the list’s nextUpdate, and names why a code is refused', () => {
    expect(checkPaperSeal(seal, production, new Date(production.nextUpdateMs + 1000))).toMatchObject({ verdict: 'cannot-confirm' });
    expect(checkPaperSeal(`${seal.slice(0, -2)}00`, production, now)).toMatchObject({ verdict: 'invalid' });
    expect(checkPaperSeal('KQ2:ABC', production, now)).toEqual({ verdict: 'invalid', failure: 'not-kq1' });
    expect(checkPaperSeal(new Array(3000).fill('KQ1:').join(''), production, now)).toEqual({ verdict: 'invalid', failure: 'damaged' });
  });
});
