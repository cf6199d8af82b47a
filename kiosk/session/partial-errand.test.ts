// 一件事 with a part refused: the citizen is told which certificate was issued and which not, and why, and
// chooses to print the issued one or to stop; nothing is prepared or printed before that choice.

import { describe, expect, it } from 'vitest';
import { err, ok } from '../../device-drivers/result';
import type { VerifiedCertificate } from '../gateway/certificate';
import { createSessionHarness, testCard, testCertificate } from '../../test/support/session-harness';

const RENTER = 'renter-provident-fund-withdrawal';
const LONG_IDLE = 180_000;
const COUNTDOWN = 30_000;

function socialSecurityRecord(): VerifiedCertificate {
  return { ...testCertificate(testCard('li-si')), certId: 'SSR-TEST-0001', certType: 'social-security-record', title: '社会保险参保证明' };
}

/** Li Si's renter errand: the social-security record issued, the no-property proof refused (she owns housing). */
async function toPartial() {
  const h = createSessionHarness();
  await h.toPlaceCard(RENTER);
  h.read.resolve(ok(testCard('li-si')));
  await h.flush();
  h.send({ type: 'CONSENT' });
  await h.flush();
  h.fetch.resolve(
    err({
      kind: 'refused',
      refusals: [{ certType: 'no-property-proof', code: 'NOT_ELIGIBLE', retryable: false }],
      issued: [socialSecurityRecord()],
    }),
  );
  await h.flush();
  return h;
}

const receipts = (h: Awaited<ReturnType<typeof toPartial>>) => h.emitted.filter((e) => e.type === 'receipt');
const ended = (h: Awaited<ReturnType<typeof toPartial>>) => h.emitted.filter((e) => e.type === 'sessionEnded');

describe('session machine: a partial 一件事', () => {
  it('says which certificate was issued and which not, why, and where to get it; prepares nothing yet', async () => {
    const h = await toPartial();
    expect(h.screen()).toBe('partial');
    const { partial } = h.view();
    expect(partial).toEqual({
      issued: [{ zh: '社会保险参保证明', en: 'Social-security record' }],
      missing: [
        {
          certificate: { zh: '无房证明', en: 'No-property proof' },
          reason: expect.objectContaining({ zh: expect.stringContaining('名下有登记住房') }),
          whereToGo: expect.arrayContaining([expect.objectContaining({ zh: expect.stringContaining('不动产登记窗口') })]),
        },
      ],
    });
    expect(h.view().preview).toBeNull();
    expect(h.prepare.calls).toBe(0);
    expect(h.print.calls).toBe(0);
    // Nothing personal on this screen: the certificate's holder is shown only on the preview.
    expect(JSON.stringify(partial)).not.toContain('李四');
  });

  it('print: prepares only the issued certificate, previews it, prints it, and the receipt names the missing one', async () => {
    const h = await toPartial();
    h.send({ type: 'PRINT' }); // the preview's 打印 does nothing here: the choice is its own button
    expect(h.screen()).toBe('partial');
    h.send({ type: 'PRINT_ISSUED' });
    expect(h.screen()).toBe('fetching'); // preparing
    h.prepare.resolve(h.document);
    await h.flush();
    expect(h.screen()).toBe('preview');
    expect(h.view().preview?.papers.map((paper) => paper.certId)).toEqual(['SSR-TEST-0001']);
    expect(h.view().partial?.missing).toHaveLength(1);
    h.send({ type: 'PRINT' });
    await h.flush();
    h.printerCheck.resolve('ready');
    await h.flush();
    h.reportPrint({ stage: 'sent' });
    h.print.resolve(ok({ jobId: '1', stage: 'done' }));
    await h.flush();
    expect(h.screen()).toBe('takeItems');
    expect(h.view().partial?.missing[0]?.certificate.zh).toBe('无房证明');
    expect(receipts(h)).toEqual([
      expect.objectContaining({
        printed: true,
        outcome: 'issued',
        failure: null,
        certificates: [{ certId: 'SSR-TEST-0001', certType: 'social-security-record' }],
        missing: [{ certType: 'no-property-proof', failure: 'NOT_ELIGIBLE_NO_PROPERTY' }],
      }),
    ]);
  });

  it('the preview offers a way back to the choice; the prepared document is wiped and made again', async () => {
    const h = await toPartial();
    h.send({ type: 'PRINT_ISSUED' });
    h.prepare.resolve(h.document);
    await h.flush();
    expect(h.screen()).toBe('preview');
    h.send({ type: 'BACK' });
    expect(h.screen()).toBe('partial');
    expect(h.actor.getSnapshot().context.document).toBeNull();
    expect([...h.document.pdf]).toEqual([0, 0, 0]);
    h.send({ type: 'PRINT_ISSUED' });
    expect(h.prepare.calls).toBe(2);
  });

  it('back on an ordinary preview does nothing', async () => {
    const h = createSessionHarness();
    await h.toPreview();
    h.send({ type: 'BACK' });
    expect(h.screen()).toBe('preview');
  });

  it('stop: nothing is prepared or printed, everything is wiped, the card is asked for, then home', async () => {
    const h = await toPartial();
    h.send({ type: 'CANCEL' });
    expect(h.screen()).toBe('takeCard');
    const { context } = h.actor.getSnapshot();
    expect(context.card).toBeNull();
    expect(context.certificates).toBeNull();
    expect(context.partial).toBeNull();
    expect(h.prepare.calls).toBe(0);
    expect(h.print.calls).toBe(0);
    expect(receipts(h)).toEqual([expect.objectContaining({ printed: false, outcome: 'refused', failure: 'NOT_ELIGIBLE_NO_PROPERTY' })]);
    expect(ended(h)).toEqual([expect.objectContaining({ outcome: 'refused', failure: 'NOT_ELIGIBLE_NO_PROPERTY' })]);
    await h.advance(h.settings.takeCardMs);
    expect(h.screen()).toBe('home');
  });

  it('the idle timeout on the choice ends the session without printing', async () => {
    const h = await toPartial();
    await h.advance(LONG_IDLE);
    expect(h.view().countdown?.secondsLeft).toBe(30);
    expect(h.screen()).toBe('partial');
    await h.advance(COUNTDOWN);
    expect(h.screen()).toBe('takeCard');
    expect(h.actor.getSnapshot().context.certificates).toBeNull();
    expect(h.prepare.calls).toBe(0);
    expect(h.print.calls).toBe(0);
    expect(ended(h)).toEqual([expect.objectContaining({ outcome: 'refused' })]);
  });

  it('a refusal that may change is not partial: "try again" asks for every certificate anew', async () => {
    const h = createSessionHarness();
    await h.toFetching();
    h.fetch.resolve(
      err({
        kind: 'refused',
        refusals: [{ certType: 'social-security-record', code: 'UPSTREAM_UNAVAILABLE', retryable: true }],
        issued: [testCertificate()],
      }),
    );
    await h.flush();
    expect(h.view().failure).toMatchObject({ code: 'GATEWAY_UNAVAILABLE', canRetry: true });
  });
  it('by the app code: the choice comes once the citizen has said the named holder is them', async () => {
    const h = createSessionHarness();
    await h.toPlaceCard(RENTER);
    h.send({ type: 'USE_APP_CODE' });
    h.send({ type: 'CONSENT' });
    await h.flush();
    h.send({ type: 'SCANNED', kind: 'appCode', data: 'ZLB1:' + 'c'.repeat(60) });
    await h.flush();
    const liSi = testCard('li-si');
    h.fetch.resolve(
      err({
        kind: 'refused',
        refusals: [{ certType: 'no-property-proof', code: 'NOT_ELIGIBLE', retryable: false }],
        issued: [socialSecurityRecord()],
        holder: { idType: 'resident-id', idNumber: liSi.idNumber, name: liSi.name },
      }),
    );
    await h.flush();
    expect(h.screen()).toBe('confirmIdentity');
    expect(h.view().partial).toBeNull();
    h.send({ type: 'IS_ME' });
    expect(h.screen()).toBe('partial');
    expect(h.view().partial?.missing).toHaveLength(1);
    expect(h.prepare.calls).toBe(0);
  });
});
