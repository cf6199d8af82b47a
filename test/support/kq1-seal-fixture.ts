// Test-only: one issuer's signed KQ1 seal and trust lists naming that issuer, for the verdict's tests (the core's
// and the kiosk's paper check).

import { createPublicKey } from 'node:crypto';
import { encodeSeal, type SealClaims } from '../../kiosk/gateway/seal-kq1';
import { loadTrustList, publishTrustList, type TrustList } from '../../kiosk/gateway/trust-list';
import { zhangSanNoPropertyProof } from '../../print-templates/fixtures/synthetic-certificates';
import { makeIssuer, newEs256Key, trustDocument } from './trust-list-fixture';

export const page = 'https://verify.example.gov.cn/kq1';
export const issuer = makeIssuer();
export const now = new Date('2026-11-23T08:00:01Z');
export const claims: SealClaims = {
  v: 1,
  t: 'no-property-proof',
  id: 'HZBDC-20261123-0001',
  n: '张三',
  m: '330106********123X',
  f: { region: '杭州市' },
  iat: Math.floor(now.getTime() / 1000),
  exp: Math.floor(Date.parse('2026-12-23T23:59:59+08:00') / 1000),
};
export const seal = encodeSeal(claims, { alg: 'ES256', kid: issuer.kid, privateKey: issuer.privateKey });

/** A trust list naming the issuer, signed by a fresh root; `extra` sets the payload's other keys. */
export function list(extra: Record<string, unknown>): TrustList {
  const root = newEs256Key();
  const loaded = loadTrustList(publishTrustList({ ...trustDocument([issuer.entry]), ...extra }, root), createPublicKey(root));
  if (!loaded.ok) throw new Error(loaded.error.reason);
  return loaded.value;
}

export const production = list({ environment: 'production', verifierUrls: [page] });

/** The claims of the printed 无房证明 fixture, issued a minute ago and valid for 30 days from now. */
export function currentPaperClaims(overrides: Partial<SealClaims> = {}): SealClaims {
  const nowS = Math.floor(Date.now() / 1000);
  return {
    v: 1,
    t: 'no-property-proof',
    id: zhangSanNoPropertyProof.certId,
    n: '张三',
    m: '330106********123X',
    f: { region: '杭州市' },
    iat: nowS - 60,
    exp: nowS + 30 * 86_400,
    ...overrides,
  };
}
