// Every session ends with exactly one `sessionEnded`, whatever way it ends, carrying its outcome.

import { describe, expect, it } from 'vitest';
import { fail } from '../../device-drivers/device-result';
import { err, ok } from '../../device-drivers/result';
import { createSessionHarness, type SessionHarness } from '../../test/support/session-harness';

function endings(h: SessionHarness) {
  return h.emitted.filter((event) => event.type === 'sessionEnded');
}

async function printToPaper(h: SessionHarness) {
  h.reportPrint({ stage: 'sent' });
  h.print.resolve(ok({ jobId: '1', stage: 'done' }));
  await h.flush();
}

describe('session.ended: one per session, with its outcome', () => {
  it('abandoned: cancelled at the consent screen', async () => {
    const h = createSessionHarness();
    await h.toConsent();
    h.send({ type: 'CANCEL' });
    expect(endings(h)).toEqual([
      { type: 'sessionEnded', errandId: 'no-property-proof-provident-fund', outcome: 'abandoned', failure: null },
    ]);
  });

  it('abandoned: timed out on the requirements screen', async () => {
    const h = createSessionHarness();
    h.send({ type: 'SELECT_ERRAND', errandId: 'residence-proof' });
    await h.advance(h.settings.idleMs + h.settings.countdownSeconds * 1000);
    expect(h.screen()).toBe('home');
    expect(endings(h)).toEqual([{ type: 'sessionEnded', errandId: 'residence-proof', outcome: 'abandoned', failure: null }]);
  });

  it('refused: the sources say the holder owns housing; told once, when the citizen leaves the failure screen', async () => {
    const h = createSessionHarness();
    await h.toFetching();
    h.fetch.resolve(
      err({ kind: 'refused', refusals: [{ certType: 'no-property-proof', code: 'NOT_ELIGIBLE', retryable: false }], issued: [] }),
    );
    await h.flush();
    expect(endings(h)).toEqual([]);
    h.send({ type: 'HOME' }); // through the rating screen
    h.send({ type: 'RATE', score: 2, tags: ['等待太久'] });
    expect(endings(h)).toEqual([]);
    h.send({ type: 'HOME' });
    expect(endings(h)).toEqual([
      { type: 'sessionEnded', errandId: 'no-property-proof-provident-fund', outcome: 'refused', failure: 'NOT_ELIGIBLE_NO_PROPERTY' },
    ]);
    expect(h.emitted).toContainEqual({
      type: 'rating',
      errandId: 'no-property-proof-provident-fund',
      score: 2,
      tags: ['等待太久'],
      outcome: 'refused',
    });
  });

  it('failed: the gateway unreachable, and the failure screen timed out', async () => {
    const h = createSessionHarness();
    await h.toFetching();
    h.fetch.resolve(err({ kind: 'error', code: 'UPSTREAM_UNAVAILABLE', retryable: true, detail: '' }));
    await h.flush();
    await h.advance(h.settings.idleMs + h.settings.countdownSeconds * 1000 + h.settings.takeCardMs);
    expect(h.screen()).toBe('home');
    expect(endings(h)).toEqual([
      { type: 'sessionEnded', errandId: 'no-property-proof-provident-fund', outcome: 'failed', failure: 'GATEWAY_UNAVAILABLE' },
    ]);
  });

  it('issued, once: a print refused for paper, then printed on "try again"', async () => {
    const h = createSessionHarness();
    await h.toPrintingJob();
    h.print.resolve(fail('deviceNotReady', 'paperOut'));
    await h.flush();
    expect(h.view().failure?.code).toBe('PRINTER_OUT_OF_PAPER');
    h.send({ type: 'RETRY' });
    h.printerCheck.resolve('ready');
    await h.flush();
    await printToPaper(h);
    expect(h.screen()).toBe('takeItems');
    await h.advance(h.settings.takeItemsMs);
    h.send({ type: 'SKIP_RATING' });
    h.send({ type: 'HOME' });
    expect(h.screen()).toBe('home');
    expect(endings(h)).toEqual([{ type: 'sessionEnded', errandId: 'no-property-proof-provident-fund', outcome: 'issued', failure: null }]);
  });

  it('abandoned: the agent stopped mid-print, after the printer took the job', async () => {
    const h = createSessionHarness();
    await h.toPrintingJob();
    h.reportPrint({ stage: 'sent' });
    await h.flush();
    h.send({ type: 'CANCEL' }); // refused while the job is followed
    expect(endings(h)).toEqual([]);
    h.send({ type: 'AGENT.STOPPING' });
    expect(endings(h)).toEqual([
      { type: 'sessionEnded', errandId: 'no-property-proof-provident-fund', outcome: 'abandoned', failure: null },
    ]);
  });

  it('none when the agent stops with no session running', () => {
    const h = createSessionHarness();
    h.send({ type: 'AGENT.STOPPING' });
    expect(h.screen()).toBe('home');
    expect(endings(h)).toEqual([]);
  });
});
