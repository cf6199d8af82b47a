import { describe, expect, it } from 'vitest';
import { testCitizens } from '../../scripts/synthetic-population';
import { buildFetchRequestBody, holderFromCard } from './fetch-request-body';
import { fetchRequestBodySchema } from './wire-format';

const citizen = (key: string) => testCitizens.find((c) => c.key === key)!.card;

describe('fetch request body', () => {
  it('matches the contract for a resident card', () => {
    const body = buildFetchRequestBody({
      certTypes: ['no-property-proof', 'social-security-record'],
      issueCode: '330100-GJJ-TQ-0002',
      purposeCode: 'provident-fund-withdrawal',
      card: { ...citizen('zhang-san'), photo: new Uint8Array() },
      consent: { method: 'id-card', grantedAt: new Date('2026-11-23T08:00:00Z') },
    });
    expect(body).toEqual({
      certTypes: ['no-property-proof', 'social-security-record'],
      holder: { idType: 'resident-id', idNumber: citizen('zhang-san').idNumber, name: '张三' },
      consent: {
        method: 'id-card',
        grantedAt: '2026-11-23T08:00:00.000Z',
        purpose: 'provident-fund-withdrawal',
        scope: ['no-property-proof', 'social-security-record'],
        evidence: {},
      },
    });
    expect(fetchRequestBodySchema.safeParse(body).success).toBe(true);
  });

  it('v1.1: names no holder for an app code and carries the scanned text and the nonce as evidence', () => {
    const token = 'ZLB1:' + 'x'.repeat(40);
    const nonce = 'ab'.repeat(16);
    const body = buildFetchRequestBody({
      certTypes: ['no-property-proof'],
      issueCode: '330100-GJJ-TQ-0002',
      purposeCode: 'provident-fund-withdrawal',
      appCode: { token, nonce },
      consent: { method: 'app-qr', grantedAt: new Date('2026-11-23T08:00:00Z') },
    });
    expect(body).toEqual({
      certTypes: ['no-property-proof'],
      holder: { idType: 'app-token' },
      consent: {
        method: 'app-qr',
        grantedAt: '2026-11-23T08:00:00.000Z',
        purpose: 'provident-fund-withdrawal',
        scope: ['no-property-proof'],
        evidence: { token, nonce },
      },
    });
    expect(fetchRequestBodySchema.safeParse(body).success).toBe(true);
    // The contract's shapes: a code that is no app code, or a nonce that is not 16 bytes of hex, is malformed.
    const bad = (evidence: object) => fetchRequestBodySchema.safeParse({ ...body, consent: { ...body.consent, evidence } }).success;
    expect(bad({ token: 'hello', nonce })).toBe(false);
    expect(bad({ token, nonce: 'AB'.repeat(16) })).toBe(false);
    expect(bad({ token })).toBe(false);
  });

  it('removes trailing spaces, normalises to NFC and keeps the middle dot', () => {
    const card = { ...citizen('ayiguli'), name: '阿依古丽·买买提   ' };
    expect(holderFromCard(card).name).toBe('阿依古丽·买买提');
    expect(holderFromCard({ ...card, name: 'Zoe\u0308 ' }).name).toBe('Zo\u00eb');
  });

  it('gives the Chinese name of a foreign card, else the English one', () => {
    const anna = citizen('anna-schmidt');
    expect(holderFromCard(anna)).toMatchObject({ idType: 'foreign-permanent-resident', name: '施安娜' });
    expect(holderFromCard({ ...anna, name: '' }).name).toBe('SCHMIDT, ANNA');
    expect(holderFromCard(citizen('chan-tai-man')).idType).toBe('hmt-residence-permit');
  });
});
