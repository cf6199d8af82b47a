import { describe, expect, it } from 'vitest';
import { makeIssuer, trustDocument } from '../test/support/trust-list-fixture';
import { readTrustListDocument } from './trust-list-document';

const entry = makeIssuer().entry;
const stamp = { paths: ['M0 0L10 10Z'], viewBox: [10, 10], color: '#cc0000' };
const document = {
  ...trustDocument([{ ...entry, stamp }]),
  environment: 'production',
  verifierUrls: ['https://verify.example.gov.cn/kq1'],
};

function problemAt(changed: unknown): string | null {
  const read = readTrustListDocument(changed);
  return read.ok ? null : read.error.path.join('.');
}

describe('the trust-list document, read without a schema library', () => {
  it('keeps every member the contract names and ignores the others', () => {
    const read = readTrustListDocument({ ...document, later: 1, issuers: [{ ...entry, stamp, note: 'x' }] });
    expect(read).toEqual({ ok: true, value: document });
  });

  it('names where the first broken member is', () => {
    expect(problemAt(null)).toBe('');
    expect(problemAt({ ...document, version: -1 })).toBe('version');
    expect(problemAt({ ...document, version: 1.5 })).toBe('version');
    expect(problemAt({ ...document, nextUpdate: '2026-11-30' })).toBe('nextUpdate');
    expect(problemAt({ ...document, issuers: {} })).toBe('issuers');
    expect(problemAt({ ...document, issuers: [{ ...entry, kid: 'ABC' }] })).toBe('issuers.0.kid');
    expect(problemAt({ ...document, issuers: [{ ...entry, alg: 'RS256' }] })).toBe('issuers.0.alg');
    expect(problemAt({ ...document, issuers: [{ ...entry, code: '12330100MB123456I' }] })).toBe('issuers.0.code');
    expect(problemAt({ ...document, issuers: [{ ...entry, certTypes: [] }] })).toBe('issuers.0.certTypes');
    expect(problemAt({ ...document, issuers: [{ ...entry, certTypes: ['a b'] }] })).toBe('issuers.0.certTypes.0');
    expect(problemAt({ ...document, issuers: [{ ...entry, status: 'paused' }] })).toBe('issuers.0.status');
    expect(problemAt({ ...document, issuers: [{ ...entry, retiredAt: 'soon' }] })).toBe('issuers.0.retiredAt');
    expect(problemAt({ ...document, environment: 'staging' })).toBe('environment');
    expect(problemAt({ ...document, verifierUrls: ['http://verify.example.gov.cn/kq1'] })).toBe('verifierUrls.0');
    expect(problemAt({ ...document, verifierUrls: 'https://verify.example.gov.cn/kq1' })).toBe('verifierUrls');
  });

  it('holds a stamp to exactly its members and the path grammar', () => {
    const withStamp = (changed: unknown) => problemAt({ ...document, issuers: [{ ...entry, stamp: changed }] });
    expect(withStamp({ ...stamp, href: 'x' })).toBe('issuers.0.stamp.href');
    expect(withStamp({ ...stamp, paths: ['M0 0<script>'] })).toBe('issuers.0.stamp.paths.0');
    expect(withStamp({ ...stamp, viewBox: [10, 0] })).toBe('issuers.0.stamp.viewBox');
    expect(withStamp({ ...stamp, color: 'red' })).toBe('issuers.0.stamp.color');
    expect(withStamp({ ...stamp, paths: Array(4000).fill('M0 0L10 10Z') })).toBe('issuers.0.stamp');
  });
});
