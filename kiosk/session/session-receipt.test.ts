// The receipt a session tells the agent: once for every session that reached the gateway, with the name masked
// and no ID number, when the paper came out or when the session was left without it.

import { describe, expect, it } from 'vitest';
import { err, ok } from '../../device-drivers/result';
import { fail } from '../../device-drivers/device-result';
import { createSessionHarness, testCard, type SessionHarness } from '../../test/support/session-harness';

const receipts = (h: SessionHarness) => h.emitted.filter((e) => e.type === 'receipt');

describe('session machine: the receipt', () => {
  it('is told with the paper: masked name, certificate number, no ID number; not again when the session ends', async () => {
    const h = createSessionHarness();
    await h.toPrintingJob();
    h.reportPrint({ stage: 'sent' });
    h.print.resolve(ok({ jobId: '1', stage: 'done' }));
    await h.flush();
    expect(h.screen()).toBe('takeItems');
    expect(receipts(h)).toEqual([
      {
        type: 'receipt',
        errandId: 'no-property-proof-provident-fund',
        printed: true,
        outcome: 'issued',
        failure: null,
        maskedName: '张*',
        certificates: [{ certId: 'NPP-TEST-0001', certType: 'no-property-proof' }],
        missing: [],
      },
    ]);
    const card = testCard();
    expect(JSON.stringify(h.emitted)).not.toContain(card.idNumber);
    expect(JSON.stringify(h.emitted)).not.toContain(card.name);
    expect(h.actor.getSnapshot().context.receipt).toBeNull();
    await h.advance(5_000);
    h.send({ type: 'SKIP_RATING' });
    h.send({ type: 'HOME' });
    expect(h.screen()).toBe('home');
    expect(receipts(h)).toHaveLength(1);
  });

  it('after a refusal, is told when the citizen leaves the failure screen, with why', async () => {
    const h = createSessionHarness();
    await h.toFetching();
    h.fetch.resolve(err({ kind: 'error', code: 'HOLDER_NOT_FOUND', retryable: false, detail: '404' }));
    await h.flush();
    expect(receipts(h)).toEqual([]);
    h.send({ type: 'HOME' });
    expect(receipts(h)).toEqual([
      expect.objectContaining({ printed: false, outcome: 'refused', failure: 'HOLDER_NOT_FOUND', certificates: [] }),
    ]);
    h.send({ type: 'SKIP_RATING' });
    h.send({ type: 'HOME' });
    expect(receipts(h)).toHaveLength(1);
  });

  it('after a print the printer refused, keeps the certificate numbers it did not print', async () => {
    const h = createSessionHarness();
    await h.toPrintingJob();
    h.print.resolve(fail('deviceNotReady', 'paperOut'));
    await h.flush();
    h.send({ type: 'CANCEL' });
    expect(receipts(h)).toEqual([
      expect.objectContaining({
        printed: false,
        outcome: 'failed',
        failure: 'PRINTER_OUT_OF_PAPER',
        certificates: [{ certId: 'NPP-TEST-0001', certType: 'no-property-proof' }],
      }),
    ]);
  });

  it('is told once, after a retry, for the attempt that ended the session', async () => {
    const h = createSessionHarness();
    await h.toFetching();
    h.fetch.resolve(err({ kind: 'error', code: 'TIMEOUT', retryable: true, detail: '' }));
    await h.flush();
    h.send({ type: 'RETRY' });
    h.send({ type: 'CONSENT' });
    await h.flush();
    h.fetch.resolve(err({ kind: 'error', code: 'HOLDER_NOT_FOUND', retryable: false, detail: '404' }));
    await h.flush();
    h.send({ type: 'HOME' });
    expect(receipts(h)).toEqual([expect.objectContaining({ failure: 'HOLDER_NOT_FOUND' })]);
  });

  it.each([
    ['cancelled at the preview', (h: SessionHarness) => h.toPreview(), (h: SessionHarness) => h.send({ type: 'CANCEL' }), 'abandoned'],
    [
      'timed out on the failure screen',
      async (h: SessionHarness) => {
        await h.toFetching();
        h.fetch.resolve(err({ kind: 'error', code: 'HOLDER_NOT_FOUND', retryable: false, detail: '404' }));
        await h.flush();
      },
      (h: SessionHarness) => h.advance(90_000 + 30_000),
      'refused',
    ],
  ] as const)('is told when the session ends %s', async (_, reach, leave, outcome) => {
    const h = createSessionHarness();
    await reach(h);
    await leave(h);
    await h.flush();
    expect(h.screen()).not.toBe('failed');
    expect(receipts(h)).toEqual([expect.objectContaining({ printed: false, outcome })]);
    expect(h.actor.getSnapshot().context.receipt).toBeNull();
  });

  it('is not told for a session that never reached the gateway', async () => {
    const h = createSessionHarness();
    await h.toConsent();
    h.send({ type: 'CANCEL' });
    const expired = createSessionHarness();
    expired.setToday('2099-01-01');
    await expired.toConsent();
    expect(expired.screen()).toBe('failed');
    expired.send({ type: 'HOME' });
    expect([...receipts(h), ...receipts(expired)]).toEqual([]);
  });
});
