import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeSeal, type SealClaims } from '../gateway/seal-kq1';
import { loadTrustList, publishTrustList, type TrustList } from '../gateway/trust-list';
import { makeIssuer, newEs256Key, trustDocument } from '../../test/support/trust-list-fixture';
import { sealUrl } from '../../verifier/kq1-url-form';
import { checkPaperSeal } from './paper-check-service';

const page = 'https://verify.example.gov.cn/kq1';
const issuer = makeIssuer();
const now = new Date('2026-11-23T08:00:01Z');
const claims: SealClaims = {
  v: 1,
  t: 'no-property-proof',
  id: 'HZBDC-20261123-0001',
  n: '张三',
  m: '330106********123X',
  f: { region: '杭州市' },
  iat: Math.floor(now.getTime() / 1000),
  exp: Math.floor(Date.parse('2026-12-23T23:59:59+08:00') / 1000),
};
const seal = encodeSeal(claims, { alg: 'ES256', kid: issuer.kid, privateKey: issuer.privateKey });
const root = newEs256Key();
const loaded = loadTrustList(
  publishTrustList({ ...trustDocument([issuer.entry]), environment: 'production', verifierUrls: [page] }, root),
  createPublicKey(root),
);
if (!loaded.ok) throw new Error(loaded.error.reason);
const production: TrustList = loaded.value;

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
