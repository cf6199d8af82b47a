import type { KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nodeSealCrypto } from '../kiosk/gateway/seal-kq1';
import { claims, issuer, list, now, page, production, seal } from '../test/support/kq1-seal-fixture';
import { checkScannedSeal, checkScannedSealAsync } from './kq1-verdict';
import { readScannedSeal, sealUrl } from './kq1-url-form';
import type { AsyncSealCrypto } from './seal-crypto';

describe('the URL form', () => {
  it('escapes only % and space in the fragment, and reads back exactly once decoded', () => {
    expect(sealUrl(page, 'KQ1:A %B')).toBe(`${page}#KQ1:A%20%25B`);
    expect(readScannedSeal(`${page}#KQ1:A%20%25B`, [page])).toEqual({ ok: true, value: { seal: 'KQ1:A %B', verifierUrl: page } });
    expect(readScannedSeal(`${page}#KQ1:A%2520`, [page])).toEqual({ ok: true, value: { seal: 'KQ1:A%20', verifierUrl: page } });
  });

  it('refuses an address the trust list does not name, a broken escape, and what is no seal', () => {
    expect(readScannedSeal(sealUrl('https://verify.example.com/kq1', seal), [page])).toEqual({ ok: false, error: 'unofficial-verifier' });
    expect(readScannedSeal(sealUrl(`${page}/`, seal), [page])).toEqual({ ok: false, error: 'unofficial-verifier' });
    expect(readScannedSeal(`${page}#KQ1:%E0`, [page])).toEqual({ ok: false, error: 'damaged' });
    expect(readScannedSeal(`${page}#HC1:ABC`, [page])).toEqual({ ok: false, error: 'not-kq1' });
    expect(readScannedSeal(page, [page])).toEqual({ ok: false, error: 'not-kq1' });
  });
});

describe('the verdict on a scanned code', () => {
  it('is valid in either form under a production list, with the claims and the issuer', () => {
    for (const scanned of [seal, sealUrl(page, seal)]) {
      const checked = checkScannedSeal(scanned, production, now, nodeSealCrypto);
      expect(checked).toMatchObject({ ok: true, value: { verdict: 'valid', claims, issuer: { name: issuer.entry.name } } });
    }
  });

  it('names a test issuer, cannot confirm past nextUpdate, and refuses an unofficial address', () => {
    expect(checkScannedSeal(seal, list({}), now, nodeSealCrypto)).toMatchObject({ ok: true, value: { verdict: 'test-issuer' } });
    const late = new Date('2026-12-01T00:00:00Z');
    expect(checkScannedSeal(seal, production, late, nodeSealCrypto)).toMatchObject({ ok: true, value: { verdict: 'cannot-confirm' } });
    expect(checkScannedSeal(sealUrl('https://verify.example.com/kq1', seal), production, now, nodeSealCrypto)).toEqual({
      ok: false,
      error: { failure: 'unofficial-verifier' },
    });
  });

  it('comes out the same with asynchronous crypto (WebCrypto, as in a browser)', async () => {
    const webCrypto: AsyncSealCrypto<KeyObject> = {
      async verifySignature({ publicKey, data, signature }) {
        const spki = publicKey.export({ type: 'spki', format: 'der' });
        const key = await crypto.subtle.importKey('spki', spki, { name: 'ECDSA', namedCurve: 'P-256' }, false, ['verify']);
        return crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, key, signature, data);
      },
    };
    const tampered = seal.slice(0, -3) + (seal.endsWith('000') ? '111' : '000');
    for (const scanned of [sealUrl(page, seal), tampered]) {
      expect(await checkScannedSealAsync(scanned, production, now, webCrypto)).toEqual(
        checkScannedSeal(scanned, production, now, nodeSealCrypto),
      );
    }
    expect((await checkScannedSealAsync(seal, production, now, webCrypto)).ok).toBe(true);
  });
});
