import { describe, expect, it } from 'vitest';
import type { SealClaims } from '../../verifier/kq1-format';
import { createSessionHarness } from '../../test/support/session-harness';
import type { PaperCheck } from './paper-check';
import { scanKindsAccepted } from './scan-acceptance';

const claims: SealClaims = {
  v: 1,
  t: 'social-security-record',
  id: 'SSR-0001',
  n: '李建国',
  m: '110101********0016',
  f: { region: '杭州市', months: '36', lastPaidMonth: '2026-10' },
  iat: Date.parse('2026-11-23T08:00:00Z') / 1000,
  exp: Date.parse('2026-12-23T15:59:59Z') / 1000,
};

function harness(check: PaperCheck = { verdict: 'valid', claims, issuerName: '杭州市社会保险服务中心' }) {
  const scanned: string[] = [];
  const h = createSessionHarness({
    services: {
      checkPaper: (text) => {
        scanned.push(text);
        return check;
      },
      // The gateway's circuit is open and the printer is out: no errand can be done.
      errandAvailable: () => false,
    },
  });
  return { h, scanned };
}

describe('session machine: 核验证明 / Check a paper', () => {
  it('checks a scanned seal and shows the verdict and the claims, with no errand available', () => {
    const { h, scanned } = harness();
    h.send({ type: 'CHECK_PAPER' });
    expect(h.screen()).toBe('checkScan');
    h.send({ type: 'SCANNED', kind: 'seal', data: 'KQ1:ABC' });
    expect(scanned).toEqual(['KQ1:ABC']);
    const view = h.view();
    expect(view.screen).toBe('checkResult');
    expect(view.paperCheck).toMatchObject({
      verdict: 'valid',
      verdictText: { zh: '有效', en: 'valid' },
      claims: {
        certType: { zh: '社会保险参保证明' },
        certId: 'SSR-0001',
        holderName: '李建国',
        maskedIdNumber: '110101********0016',
        issuerName: '杭州市社会保险服务中心',
        issuedOn: '2026-11-23',
        validUntil: '2026-12-23',
      },
    });
    expect(view.paperCheck?.claims?.facts.map((fact) => [fact.label.zh, fact.value])).toEqual([
      ['地区', '杭州市'],
      ['缴费月数', '36'],
      ['最近缴费月份', '2026-10'],
    ]);
  });

  it('names the reason of an invalid seal and shows no claims', () => {
    const { h } = harness({ verdict: 'invalid', failure: 'signature-invalid' });
    h.send({ type: 'CHECK_PAPER' });
    h.send({ type: 'SCANNED', kind: 'seal', data: 'KQ1:ABC' });
    expect(h.view().paperCheck).toEqual({ verdict: 'invalid', verdictText: { zh: '签名无效', en: 'signature invalid' }, claims: null });
  });

  it('words a test issuer and a stale list as the contract does', () => {
    for (const [verdict, en] of [
      ['test-issuer', 'test issuer — not valid for use'],
      ['cannot-confirm', 'cannot confirm — the issuer list is out of date'],
    ] as const) {
      const { h } = harness({ verdict, claims, issuerName: 'x' });
      h.send({ type: 'CHECK_PAPER' });
      h.send({ type: 'SCANNED', kind: 'seal', data: 'KQ1:ABC' });
      expect(h.view().paperCheck?.verdictText.en).toBe(en);
    }
  });

  it('accepts only seals while asking for one, and takes none on the result', () => {
    expect(scanKindsAccepted.checkScan).toEqual(['seal']);
    expect(scanKindsAccepted.checkResult).toEqual([]);
    const { h, scanned } = harness();
    h.send({ type: 'CHECK_PAPER' });
    h.send({ type: 'SCANNED', kind: 'appCode', data: 'ZLB1:0123456789abcdef' });
    expect(h.screen()).toBe('checkScan');
    expect(scanned).toEqual([]);
  });

  it('checks another, and wipes the claims on the way', () => {
    const { h } = harness();
    h.send({ type: 'CHECK_PAPER' });
    h.send({ type: 'SCANNED', kind: 'seal', data: 'KQ1:ABC' });
    h.send({ type: 'CHECK_PAPER' });
    expect(h.screen()).toBe('checkScan');
    expect(h.actor.getSnapshot().context.paperCheck).toBeNull();
  });

  it.each(['HOME', 'CANCEL'] as const)('goes home on %s and keeps nothing of the paper', (type) => {
    const { h } = harness();
    h.send({ type: 'CHECK_PAPER' });
    h.send({ type: 'SCANNED', kind: 'seal', data: 'KQ1:ABC' });
    h.send({ type });
    expect(h.screen()).toBe('home');
    expect(h.actor.getSnapshot().context.paperCheck).toBeNull();
    expect(JSON.stringify(h.actor.getSnapshot().context)).not.toContain('李建国');
  });

  it('goes home when left idle, on either screen, and is no errand session (nothing is told)', async () => {
    const { h } = harness();
    h.send({ type: 'CHECK_PAPER' });
    await h.advance(h.settings.idleMs);
    expect(h.screen()).toBe('home');
    h.send({ type: 'CHECK_PAPER' });
    h.send({ type: 'SCANNED', kind: 'seal', data: 'KQ1:ABC' });
    await h.advance(h.settings.longIdleMs - 1000);
    h.send({ type: 'TOUCH' });
    await h.advance(h.settings.longIdleMs - 1000);
    expect(h.screen()).toBe('checkResult');
    await h.advance(1000);
    expect(h.screen()).toBe('home');
    expect(h.actor.getSnapshot().context.paperCheck).toBeNull();
    expect(h.emitted).toEqual([]);
  });

  it('is offered from home only: not during an errand, nor to staff or out of service', async () => {
    const h = createSessionHarness();
    await h.toConsent();
    h.send({ type: 'CHECK_PAPER' });
    expect(h.screen()).toBe('consent');
    const out = createSessionHarness({ outOfService: true });
    out.send({ type: 'CHECK_PAPER' });
    expect(out.screen()).toBe('outOfService');
  });
});
