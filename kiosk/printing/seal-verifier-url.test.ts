import { describe, expect, it } from 'vitest';
import { createSealVerifierUrl } from './seal-verifier-url';

const page = 'https://verify.example.gov.cn/kq1';

describe('the verifier address printed seals carry', () => {
  it('is none without a configured page', () => {
    expect(
      createSealVerifierUrl(
        null,
        () => [page],
        () => {},
      )(),
    ).toBeNull();
  });

  it('is the configured page while the trust list names it; otherwise none, and staff told once per change', () => {
    let official: string[] = [page];
    const told: string[] = [];
    const verifierUrl = createSealVerifierUrl(
      page,
      () => official,
      () => told.push('not official'),
    );
    expect(verifierUrl()).toBe(page);
    official = ['https://other.example.gov.cn/kq1'];
    expect([verifierUrl(), verifierUrl()]).toEqual([null, null]);
    expect(told).toHaveLength(1);
    official = [page];
    expect(verifierUrl()).toBe(page);
    official = [];
    expect(verifierUrl()).toBeNull();
    expect(told).toHaveLength(2);
  });
});
