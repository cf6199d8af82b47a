// The session with the government app's code in place of the card (sharing-gateway-v1.1): consent first, the
// challenge, only app codes taken, "is this you?" before anything else, and 不是 leaving nothing behind.

import { describe, expect, it } from 'vitest';
import { err, ok } from '../../device-drivers/result';
import { createSessionHarness, testCard, testCertificate, type SessionHarness } from '../../test/support/session-harness';
import { scanKindsAccepted } from './scan-acceptance';

const CODE = 'ZLB1:' + 'c'.repeat(60);
const zhang = testCard('zhang-san');
const zhangHolder = { idType: 'resident-id' as const, idNumber: zhang.idNumber, name: zhang.name };

async function scanCode(h: SessionHarness, data = CODE) {
  h.send({ type: 'SCANNED', kind: 'appCode', data });
  await h.flush();
}

function expectNothingOfTheCitizen(h: SessionHarness) {
  const { context } = h.actor.getSnapshot();
  expect(context.appCode).toBeNull();
  expect(context.namedHolder).toBeNull();
  expect(context.certificates).toBeNull();
  expect(context.receipt).toBeNull();
  expect(context.appChallenge).toBeNull();
  expect(context.identity).toBe('card');
  const view = h.view();
  expect(view.holder).toBeNull();
  expect(view.namedHolder).toBeNull();
  expect(view.appChallenge).toBeNull();
}

describe('session machine: the app code', () => {
  it('asks consent first, then shows a challenge and takes only app codes there', async () => {
    const h = createSessionHarness();
    await h.toPlaceCard();
    h.send({ type: 'USE_APP_CODE' });
    expect(h.screen()).toBe('consent');
    expect(h.view().holder).toBeNull();
    expect(h.view().errand?.certificates).toEqual([{ zh: '无房证明', en: 'No-property proof' }]);
    // A card placed now is not read: the reader's wait ended with the place-card screen.
    expect(h.read.waiting).toBe(false);
    h.send({ type: 'CONSENT' });
    expect(h.screen()).toBe('appCode');
    expect(h.view().appChallenge).toEqual({
      text: `ZLBK1:kiosk-test:${h.actor.getSnapshot().context.appChallenge!.nonce}`,
      qr: { size: 21, path: 'M0 0h7v1h-7z' },
      expired: false,
      lifetimeSeconds: 120,
      problem: null,
    });
    expect(scanKindsAccepted.appCode).toEqual(['appCode']);
    expect(h.fetchRequests).toHaveLength(0);
  });

  it('refuses a scan that is no app code on the screen, and asks nothing of the gateway', async () => {
    const h = createSessionHarness();
    await h.toAppCode();
    h.send({ type: 'SCAN.REFUSED' });
    expect(h.view().appChallenge?.problem).toBe('notAppCode');
    expect(h.screen()).toBe('appCode');
    expect(h.fetchRequests).toHaveLength(0);
    h.send({ type: 'TOUCH' });
    expect(h.view().appChallenge?.problem).toBeNull();
    // A seal or a maintenance code is not taken either, should one reach the machine.
    h.send({ type: 'SCANNED', kind: 'seal', data: 'KQ1:x' });
    await h.flush();
    expect(h.screen()).toBe('appCode');
    expect(h.fetchRequests).toHaveLength(0);
  });

  it('sends the code with the challenge’s nonce as app-qr consent, then asks "is this you?" with the name in full', async () => {
    const h = createSessionHarness();
    await h.toAppCode();
    const nonce = h.actor.getSnapshot().context.appChallenge!.nonce;
    await scanCode(h);
    expect(h.screen()).toBe('fetching');
    expect(h.fetchRequests).toEqual([
      {
        certTypes: ['no-property-proof'],
        issueCode: expect.any(String),
        purposeCode: 'provident-fund-withdrawal',
        appCode: { token: CODE, nonce },
        consent: { method: 'app-qr', grantedAt: expect.any(Date) },
      },
    ]);
    h.fetch.resolve(ok([testCertificate(zhang)]));
    await h.flush();
    expect(h.screen()).toBe('confirmIdentity');
    expect(h.view().namedHolder).toEqual({ name: '张三', maskedIdNumber: '330106********123X' });
    expect(h.view().holder).toBeNull();
    expect(h.view().preview).toBeNull();
    expect(h.prepare.calls).toBe(0);
    expect(h.actor.getSnapshot().context.appCode).toBeNull();
    h.send({ type: 'IS_ME' });
    await h.flush();
    h.prepare.resolve(h.document);
    await h.flush();
    expect(h.screen()).toBe('preview');
    expect(h.view().preview?.papers).toEqual([{ title: testCertificate(zhang).title, certId: testCertificate(zhang).certId }]);
    expect(h.view().holder).toEqual({ maskedName: '张*', maskedIdNumber: '330106********123X' });
    // From here the errand is the card's: print, take the paper, rate. No card was read, so none is asked back.
    h.send({ type: 'PRINT' });
    await h.flush();
    h.printerCheck.resolve('ready');
    await h.flush();
    h.reportPrint({ stage: 'done', pagesPrinted: 1 } as never);
    h.print.resolve(ok({ jobId: '1', stage: 'done' } as never));
    await h.flush();
    expect(h.screen()).toBe('takeItems');
    expect(h.emitted.find((e) => e.type === 'receipt')).toMatchObject({
      maskedName: '张*',
      printed: true,
      certificates: [{ certId: 'NPP-TEST-0001' }],
    });
    expect(h.actor.getSnapshot().context.cardWasRead).toBe(false);
  });

  it('不是: wipes everything, prints no receipt and goes home', async () => {
    const h = createSessionHarness();
    await h.toAppCode();
    await scanCode(h);
    h.fetch.resolve(ok([testCertificate(testCard('li-si'))]));
    await h.flush();
    expect(h.view().namedHolder?.name).toBe('李四');
    h.send({ type: 'NOT_ME' });
    await h.flush();
    expect(h.screen()).toBe('home');
    expectNothingOfTheCitizen(h);
    expect(h.emitted.filter((e) => e.type === 'receipt')).toEqual([]);
    expect(h.emitted.filter((e) => e.type === 'sessionEnded')).toEqual([
      { type: 'sessionEnded', errandId: 'no-property-proof-provident-fund', outcome: 'abandoned', failure: null },
    ]);
  });

  it('a refusal for the person named is told only once they say it is them', async () => {
    const h = createSessionHarness();
    await h.toAppCode();
    await scanCode(h);
    h.fetch.resolve(
      err({
        kind: 'refused',
        refusals: [{ certType: 'no-property-proof', code: 'NOT_ELIGIBLE', retryable: false }],
        issued: [],
        holder: { ...zhangHolder, name: '李四' },
      }),
    );
    await h.flush();
    expect(h.screen()).toBe('confirmIdentity');
    expect(h.view().failure).toBeNull();
    h.send({ type: 'IS_ME' });
    expect(h.screen()).toBe('failed');
    expect(h.view().failure?.code).toBe('NOT_ELIGIBLE_NO_PROPERTY');
  });

  it('a refused code (used, stale, foreign, wrong nonce) says so with a next step, and 重试 shows a new challenge', async () => {
    const h = createSessionHarness();
    await h.toAppCode();
    const first = h.actor.getSnapshot().context.appChallenge!.nonce;
    await scanCode(h);
    h.fetch.resolve(err({ kind: 'error', code: 'CONSENT_INVALID', retryable: false, detail: 'HTTP 403 CONSENT_INVALID' }));
    await h.flush();
    expect(h.screen()).toBe('failed');
    const failure = h.view().failure!;
    expect(failure).toMatchObject({ code: 'APP_CODE_REFUSED', fault: 'citizen', canRetry: true });
    expect(failure.nextSteps.length).toBeGreaterThanOrEqual(2);
    expect(h.actor.getSnapshot().context.appCode).toBeNull();
    h.send({ type: 'RETRY' });
    expect(h.screen()).toBe('appCode');
    expect(h.actor.getSnapshot().context.appChallenge!.nonce).not.toBe(first);
  });

  it('a challenge expires after its life: shown, a scan then refused without a request, and renewable', async () => {
    const h = createSessionHarness();
    await h.toAppCode();
    const first = h.actor.getSnapshot().context.appChallenge!.nonce;
    await h.advance(119_000);
    expect(h.view().appChallenge?.expired).toBe(false);
    await h.advance(1_000);
    expect(h.view().appChallenge?.expired).toBe(true);
    // The citizen works on the phone meanwhile: no countdown yet (the long idle time).
    expect(h.view().countdown).toBeNull();
    await scanCode(h);
    expect(h.view().appChallenge?.problem).toBe('challengeExpired');
    expect(h.fetchRequests).toHaveLength(0);
    h.send({ type: 'RENEW_CHALLENGE' });
    expect(h.view().appChallenge).toMatchObject({ expired: false, problem: null });
    expect(h.actor.getSnapshot().context.appChallenge!.nonce).not.toBe(first);
    await scanCode(h);
    expect(h.screen()).toBe('fetching');
  });

  it('the way back from the challenge: cancel goes home with nothing kept', async () => {
    const h = createSessionHarness();
    await h.toAppCode();
    h.send({ type: 'CANCEL' });
    await h.flush();
    expect(h.screen()).toBe('home');
    expectNothingOfTheCitizen(h);
  });

  it('the card path is as before: a card read goes straight to the fetch after consent', async () => {
    const h = createSessionHarness();
    await h.toFetching();
    expect(h.fetchRequests[0]).toMatchObject({ card: { idNumber: zhang.idNumber }, consent: { method: 'id-card' } });
  });
});
