import { createPublicKey } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyUsableAt, loadTrustList, publishTrustList, trustListIsStale } from './trust-list';
import { makeIssuer, makeTrustList, newEs256Key, trustDocument } from '../../test/support/trust-list-fixture';

const root = newEs256Key();
const rootPublic = createPublicKey(root);

function load(entries: unknown[], options: { version?: number; installedVersion?: number } = {}) {
  return loadTrustList(publishTrustList(trustDocument(entries, options.version ?? 7), root), rootPublic, options);
}

describe('trust list loading', () => {
  it('loads a signed list and finds issuers by kid', () => {
    const a = makeIssuer();
    const b = makeIssuer({ certTypes: ['social-security-record'], code: '123301004700024655' });
    const result = load([a.entry, b.entry]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.version).toBe(7);
    expect(result.value.issuers.get(b.kid)?.certTypes).toEqual(['social-security-record']);
    expect(result.value.issuers.get(a.kid)?.validFromMs).toBe(Date.parse('2026-01-01T00:00:00Z'));
  });

  it('refuses a version lower than the installed one, and accepts the same or higher', () => {
    const entry = makeIssuer().entry;
    expect(load([entry], { version: 6, installedVersion: 7 })).toEqual({
      ok: false,
      error: { reason: 'trust list: version 6 is lower than the installed 7' },
    });
    expect(load([entry], { version: 7, installedVersion: 7 }).ok).toBe(true);
    expect(load([entry], { version: 8, installedVersion: 7 }).ok).toBe(true);
  });

  it('refuses an entry whose kid is not the key id of its key', () => {
    const issuer = makeIssuer();
    const other = makeIssuer();
    const result = load([{ ...issuer.entry, kid: other.kid }]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.reason).toMatch(/kid does not match the key/);
  });

  it('refuses duplicate kids', () => {
    const issuer = makeIssuer();
    const result = load([issuer.entry, { ...issuer.entry, certTypes: ['residence-proof'] }]);
    expect(!result.ok && result.error.reason).toBe(`trust list: duplicate kid ${issuer.kid}`);
  });

  it('refuses entries without validFrom or validTo', () => {
    const { validFrom: _from, ...withoutFrom } = makeIssuer().entry;
    const { validTo: _to, ...withoutTo } = makeIssuer().entry;
    const noFrom = load([withoutFrom]);
    const noTo = load([withoutTo]);
    expect(!noFrom.ok && noFrom.error.reason).toMatch(/issuers\.0\.validFrom/);
    expect(!noTo.ok && noTo.error.reason).toMatch(/issuers\.0\.validTo/);
  });

  it('refuses a retired entry without retiredAt, and a non-RFC 3339 validity', () => {
    expect(load([makeIssuer({ status: 'retired' }).entry]).ok).toBe(false);
    expect(load([makeIssuer({ validTo: '2028-01-01' }).entry]).ok).toBe(false);
  });

  it('refuses a list signed by another root or altered after signing', () => {
    const { token } = makeTrustList([makeIssuer()], newEs256Key());
    const foreign = loadTrustList(token, rootPublic);
    expect(foreign.ok).toBe(false);
    expect(!foreign.ok && foreign.error.reason).toBe('trust list: signed by another key than the pinned root');
    const good = publishTrustList(trustDocument([makeIssuer().entry]), root);
    const [header, , signature] = good.split('.');
    const other = publishTrustList(trustDocument([makeIssuer().entry]), root).split('.')[1];
    const altered = loadTrustList(`${header}.${other}.${signature}`, rootPublic);
    expect(!altered.ok && altered.error.reason).toBe('trust list: signature does not verify against the pinned root');
  });

  it('reports staleness past nextUpdate without refusing the list', () => {
    const { list } = makeTrustList([makeIssuer()]);
    expect(trustListIsStale(list, new Date('2026-11-29T23:59:59Z'))).toBe(false);
    expect(trustListIsStale(list, new Date('2026-11-30T00:00:01Z'))).toBe(true);
  });
});

describe('keyUsableAt', () => {
  it('applies status and validity', () => {
    const at = (entryOverrides: Parameters<typeof makeIssuer>[0], when: string) => {
      const issuer = makeIssuer(entryOverrides);
      return keyUsableAt(makeTrustList([issuer]).list.issuers.get(issuer.kid)!, Date.parse(when));
    };
    expect(at({}, '2026-11-23T08:00:00Z')).toEqual({ ok: true, value: undefined });
    expect(at({}, '2025-12-31T23:59:59Z')).toEqual({ ok: false, error: 'key not valid at that time' });
    expect(at({ status: 'revoked' }, '2026-11-23T08:00:00Z')).toEqual({ ok: false, error: 'key revoked' });
    expect(at({ status: 'retired', retiredAt: '2026-06-01T00:00:00Z' }, '2026-05-31T00:00:00Z')).toEqual({ ok: true, value: undefined });
    expect(at({ status: 'retired', retiredAt: '2026-06-01T00:00:00Z' }, '2026-06-02T00:00:00Z')).toEqual({
      ok: false,
      error: 'key retired',
    });
  });
});

describe('trust list v1.1: stamps, environment, verifier addresses', () => {
  const stamp = { paths: ['M10 10L90 10L50 80Z', 'M0,50a50 50 0 1 0 100 0a50 50 0 1 0-100 0z'], viewBox: [100, 100], color: '#c8102e' };
  const loadDocument = (document: Record<string, unknown>, options: { production?: boolean } = {}) =>
    loadTrustList(publishTrustList({ ...trustDocument([makeIssuer({ stamp } as never).entry]), ...document }, root), rootPublic, options);

  it("keeps an entry's stamp, the environment and the verifier addresses", () => {
    const loaded = loadDocument({ environment: 'production', verifierUrls: ['https://verify.example.gov.cn/kq1'] });
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect([...loaded.value.issuers.values()][0]?.stamp).toEqual(stamp);
    expect(loaded.value.environment).toBe('production');
    expect(loaded.value.verifierUrls).toEqual(['https://verify.example.gov.cn/kq1']);
  });

  it('takes a list without an environment as a test list with no verifier addresses', () => {
    const loaded = loadDocument({});
    expect(loaded.ok && loaded.value.environment).toBe('test');
    expect(loaded.ok && loaded.value.verifierUrls).toEqual([]);
  });

  it('refuses a test list (or one without an environment) where the configuration says production', () => {
    expect(loadDocument({ environment: 'test' }, { production: true })).toEqual({
      ok: false,
      error: { reason: "trust list: a test list, and this kiosk's configuration says production" },
    });
    expect(loadDocument({}, { production: true }).ok).toBe(false);
    expect(loadDocument({ environment: 'production' }, { production: true }).ok).toBe(true);
    expect(loadDocument({ environment: 'staging' }).ok).toBe(false);
  });

  it('refuses the whole list for a verifier address that is not https', () => {
    const loaded = loadDocument({ verifierUrls: ['http://verify.example.gov.cn/kq1'] });
    expect(!loaded.ok && loaded.error.reason).toMatch(/verifierUrls\.0/);
  });

  it.each([
    ['markup in the path data', { ...stamp, paths: ['<script>alert(1)</script>'] }],
    ['a path that does not start with a move', { ...stamp, paths: ['L10 10'] }],
    ['a command with a missing argument', { ...stamp, paths: ['M10 10L90'] }],
    ['an arc whose flag is not 0 or 1', { ...stamp, paths: ['M0 0A5 5 0 2 0 10 10'] }],
    ['a unit in the numbers', { ...stamp, paths: ['M10px 10'] }],
    ['a colour that is not #rrggbb', { ...stamp, color: 'red' }],
    ['a colour with markup', { ...stamp, color: '#c8102e"/><x' }],
    ['an empty view box', { ...stamp, viewBox: [0, 100] }],
    ['no paths', { ...stamp, paths: [] }],
    ['an extra key', { ...stamp, href: 'https://example.com/stamp.svg' }],
    ['more than 32 KiB', { ...stamp, paths: [`M0 0${'L1 1'.repeat(9000)}`] }],
  ])('refuses the whole list for a stamp with %s', (_, bad) => {
    const loaded = loadTrustList(publishTrustList(trustDocument([makeIssuer({ stamp: bad } as never).entry]), root), rootPublic);
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.error.reason).toMatch(/issuers\.0\.stamp/);
  });
});
