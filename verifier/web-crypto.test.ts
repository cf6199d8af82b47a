import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { encodeSeal, nodeSealCrypto } from '../kiosk/gateway/seal-kq1';
import { loadTrustList, publishTrustList } from '../kiosk/gateway/trust-list';
import { keyId } from '../kiosk/gateway/key-id';
import { claims, now, page } from '../test/support/kq1-seal-fixture';
import { makeIssuer, newEs256Key, trustDocument } from '../test/support/trust-list-fixture';
import { checkScannedSeal, checkScannedSealAsync } from './kq1-verdict';
import { sealUrl } from './kq1-url-form';
import { loadTrustListAsync } from './load-trust-list';
import { importPinnedRoot, webVerifierCrypto } from './web-crypto';

const es256 = makeIssuer();
const sm2 = makeIssuer({ alg: 'SM2-SM3', name: '杭州市人力资源和社会保障局' });
const root = newEs256Key();
const rootPem = createPublicKey(root).export({ type: 'spki', format: 'pem' }).toString();

function signed(extra: Record<string, unknown> = {}, entries: unknown[] = [es256.entry, sm2.entry]): string {
  return publishTrustList({ ...trustDocument(entries), environment: 'production', verifierUrls: [page], ...extra }, root);
}

async function loadInPage(token: string, pem = rootPem) {
  const pinned = await importPinnedRoot(pem);
  if (!pinned) throw new Error('root not imported');
  return loadTrustListAsync(token, pinned, webVerifierCrypto);
}

/** What both loaders must agree on, without the keys (a KeyObject and a WebCrypto key never compare equal). */
function shape(loaded: Awaited<ReturnType<typeof loadInPage>> | ReturnType<typeof loadTrustList>) {
  if (!loaded.ok) return loaded;
  const { issuers, ...rest } = loaded.value;
  return { ...rest, issuers: [...issuers.values()].map(({ publicKey: _key, ...entry }) => entry) };
}

describe('the trust list and seals with the browser crypto (WebCrypto, the SM2 library)', () => {
  it('pins the root with the same key id as Node', async () => {
    expect((await importPinnedRoot(rootPem))?.kid).toBe(keyId(root));
    expect(await importPinnedRoot('-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----')).toBeNull();
  });

  it('loads an ES256 and an SM2 issuer exactly as the agent does', async () => {
    const token = signed();
    const inPage = await loadInPage(token);
    expect(inPage.ok).toBe(true);
    expect(shape(inPage)).toEqual(shape(loadTrustList(token, createPublicKey(root))));
  });

  it('refuses what the agent refuses, in the same words', async () => {
    const other = newEs256Key();
    const otherPem = createPublicKey(other).export({ type: 'spki', format: 'pem' }).toString();
    const token = signed();
    const [header, payload, signature] = token.split('.');
    const altered = `${header}.${payload!.slice(0, -2)}AA.${signature}`;
    const cases: [string, string][] = [
      [token, otherPem],
      [altered, rootPem],
      [signed({}, [{ ...es256.entry, kid: sm2.kid }]), rootPem],
      [signed({}, [{ ...es256.entry, alg: 'SM2-SM3' }]), rootPem],
      [signed({}, [{ ...sm2.entry, alg: 'ES256' }]), rootPem],
      [signed({}, [es256.entry, es256.entry]), rootPem],
      [signed({ verifierUrls: ['http://verify.example.gov.cn/kq1'] }), rootPem],
    ];
    for (const [list, pem] of cases) {
      const node = loadTrustList(list, createPublicKey(pem));
      expect(node.ok).toBe(false);
      expect(await loadInPage(list, pem)).toEqual(node);
    }
  });

  it('gives every seal the same verdict as Node, ES256 and SM2-SM3, either form, tampered or not', async () => {
    const inPage = await loadInPage(signed());
    const inAgent = loadTrustList(signed(), createPublicKey(root));
    if (!inPage.ok || !inAgent.ok) throw new Error('not loaded');
    const seals = [es256, sm2].map((issuer) =>
      encodeSeal(claims, { alg: issuer.entry.alg, kid: issuer.kid, privateKey: issuer.privateKey }),
    );
    for (const seal of seals) {
      const tampered = seal.slice(0, -3) + (seal.endsWith('000') ? '111' : '000');
      for (const scanned of [seal, sealUrl(page, seal), tampered, sealUrl('https://fake.example.com/kq1', seal)]) {
        const agent = checkScannedSeal(scanned, inAgent.value, now, nodeSealCrypto);
        const browser = await checkScannedSealAsync(scanned, inPage.value, now, webVerifierCrypto);
        expect(browser.ok).toBe(agent.ok);
        expect(browser.ok ? browser.value.verdict : browser.error).toEqual(agent.ok ? agent.value.verdict : agent.error);
      }
      expect(await checkScannedSealAsync(seal, inPage.value, now, webVerifierCrypto)).toMatchObject({
        ok: true,
        value: { verdict: 'valid' },
      });
    }
  });
});
