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
