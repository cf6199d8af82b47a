import { describe, expect, it } from 'vitest';
import { fail } from '../../device-drivers/device-result';
import { err, ok } from '../../device-drivers/result';
import { createSessionHarness, testCard, testCertificate, type SessionHarness } from '../../test/support/session-harness';

const IDLE = 90_000;
const LONG_IDLE = 180_000;
const COUNTDOWN = 30_000;

/** Lets the idle time and the whole countdown run out. */
async function timeOut(h: SessionHarness, idle = IDLE) {
  await h.advance(idle);
  expect(h.view().countdown?.secondsLeft).toBe(30);
  await h.advance(COUNTDOWN);
}

function expectNoCitizenData(h: SessionHarness) {
  const { context } = h.actor.getSnapshot();
  expect(context.card).toBeNull();
  expect(context.certificates).toBeNull();
  expect(context.document).toBeNull();
  expect(context.consentGrantedAt).toBeNull();
  expect(context.receipt).toBeNull();
  expect(h.view().holder).toBeNull();
}

describe('session machine: happy path', () => {
  it('goes from the errand menu to paper and back home in four taps, then forgets the citizen', async () => {
    const h = createSessionHarness();
    expect(h.screen()).toBe('home');
    h.send({ type: 'SELECT_ERRAND', errandId: 'no-property-proof-provident-fund' });
    expect(h.screen()).toBe('requirements');
    expect(h.view().errand?.certificates).toEqual([{ zh: '无房证明', en: 'No-property proof' }]);
    h.send({ type: 'START' });
    await h.flush();
    expect(h.screen()).toBe('placeCard');
    h.read.resolve(ok(testCard()));
    await h.flush();
    expect(h.screen()).toBe('consent');
    expect(h.view().holder).toEqual({ maskedName: '张*', maskedIdNumber: '330106********123X' });
    h.send({ type: 'CONSENT' });
    await h.flush();
    expect(h.screen()).toBe('fetching');
    expect(h.fetchRequests[0]).toMatchObject({
      certTypes: ['no-property-proof'],
      issueCode: '330100-GJJ-TQ-0001',
      purposeCode: 'provident-fund-withdrawal',
      consent: { method: 'id-card' },
    });
    h.fetch.resolve(ok([testCertificate()]));
    await h.flush();
    expect(h.screen()).toBe('fetching'); // preparing the document shows as fetching
    h.prepare.resolve(h.document);
    await h.flush();
    expect(h.screen()).toBe('preview');
    // The preview is the print job itself: its very bytes, which 打印 sends.
    expect(h.view().preview).toEqual({
      pdfBase64: Buffer.from(h.document.pdf).toString('base64'),
      pages: 1,
      papers: [{ title: '无房证明', certId: 'NPP-TEST-0001' }],
    });
    h.send({ type: 'PRINT' });
    await h.flush();
    expect(h.screen()).toBe('printing');
    expect(h.view().canCancel).toBe(true);
    h.printerCheck.resolve('ready');
    await h.flush();
    h.reportPrint({ stage: 'sent' });
    await h.flush();
    expect(h.view().printStage).toBe('sent');
    expect(h.view().canCancel).toBe(false);
    expect(h.actor.getSnapshot().context.document).toBeNull(); // the printer has the job: the kiosk's copy goes
    expect(h.document.pdf.every((byte) => byte === 0)).toBe(true); // and its bytes are wiped, wherever referenced
    h.reportPrint({ stage: 'printing' });
    h.reportPrint({ stage: 'done' });
    h.print.resolve(ok({ jobId: '1', stage: 'done' }));
    await h.flush();
    expect(h.screen()).toBe('takeItems');
    expectNoCitizenData(h);
    await h.advance(5_000);
    expect(h.screen()).toBe('rating');
    h.send({ type: 'RATE', score: 5, tags: ['办理快捷'] });
    expect(h.screen()).toBe('thanks');
    expect(h.emitted).toContainEqual({
      type: 'rating',
      errandId: 'no-property-proof-provident-fund',
      score: 5,
      tags: ['办理快捷'],
      outcome: 'issued',
    });
    expect(h.emitted.filter((e) => e.type === 'sessionEnded')).toEqual([]); // told once, when the session is left
    await h.advance(30_000);
    expect(h.screen()).toBe('home');
    expect(h.emitted.filter((e) => e.type === 'sessionEnded')).toEqual([
      { type: 'sessionEnded', errandId: 'no-property-proof-provident-fund', outcome: 'issued', failure: null },
    ]);
    expectNoCitizenData(h);
  });

  it('asks for every certificate of a 一件事 errand in one request', async () => {
    const h = createSessionHarness();
    h.send({ type: 'SELECT_ERRAND', errandId: 'renter-provident-fund-withdrawal' });
    h.send({ type: 'START' });
    await h.flush();
    h.read.resolve(ok(testCard()));
    await h.flush();
    h.send({ type: 'CONSENT' });
    await h.flush();
    expect(h.fetchRequests).toHaveLength(1);
    expect(h.fetchRequests[0]?.certTypes).toEqual(['no-property-proof', 'social-security-record']);
  });

  it('ignores an errand that does not exist or is unavailable', () => {
    const h = createSessionHarness({ services: { errandAvailable: (e) => e.id !== 'residence-proof' } });
    h.send({ type: 'SELECT_ERRAND', errandId: 'no-such-errand' });
    expect(h.screen()).toBe('home');
    h.send({ type: 'SELECT_ERRAND', errandId: 'residence-proof' });
    expect(h.screen()).toBe('home');
  });

  it('resets display preferences when the session ends', async () => {
    const h = createSessionHarness();
    h.send({ type: 'SET_PREFS', prefs: { elderly: true, language: 'en' } });
    h.send({ type: 'SELECT_ERRAND', errandId: 'residence-proof' });
    expect(h.view().prefs).toMatchObject({ elderly: true, language: 'en' });
    h.send({ type: 'CANCEL' });
    expect(h.screen()).toBe('home');
    expect(h.view().prefs).toMatchObject({ elderly: false, language: 'zh' });
  });
});

describe('session machine: timeouts', () => {
  it('requirements: 90 s idle, a 30 s countdown, then home', async () => {
    const h = createSessionHarness();
    h.send({ type: 'SELECT_ERRAND', errandId: 'residence-proof' });
    await h.advance(IDLE - 1000);
    expect(h.view().countdown).toBeNull();
    await h.advance(1000);
    expect(h.view().countdown).toEqual({ secondsLeft: 30, canExtend: true });
    await h.advance(10_000);
    expect(h.view().countdown?.secondsLeft).toBe(20);
    await h.advance(20_000);
    expect(h.screen()).toBe('home');
  });

  it('a touch restarts the idle time', async () => {
    const h = createSessionHarness();
    h.send({ type: 'SELECT_ERRAND', errandId: 'residence-proof' });
    await h.advance(IDLE - 10_000);
    h.send({ type: 'TOUCH' });
    await h.advance(IDLE - 10_000);
    expect(h.view().countdown).toBeNull();
    expect(h.screen()).toBe('requirements');
  });

  it('"continue" extends the step ten times, and then the session ends', async () => {
    const h = createSessionHarness();
    h.send({ type: 'SELECT_ERRAND', errandId: 'residence-proof' });
    for (let i = 0; i < 10; i++) {
      await h.advance(IDLE);
      expect(h.view().countdown?.canExtend).toBe(true);
      h.send({ type: 'CONTINUE' });
      expect(h.view().countdown).toBeNull();
      expect(h.screen()).toBe('requirements');
    }
    await h.advance(IDLE);
    expect(h.view().countdown?.canExtend).toBe(false);
    h.send({ type: 'CONTINUE' });
    expect(h.view().countdown).not.toBeNull();
    await h.advance(COUNTDOWN);
    expect(h.screen()).toBe('home');
  });

  it('placeCard: times out to home; no card was read, so no card reminder', async () => {
    const h = createSessionHarness();
    await h.toPlaceCard();
    await timeOut(h);
    expect(h.screen()).toBe('home');
  });

  it('consent: 180 s idle, then the card reminder for 5 s, then home with nothing kept', async () => {
    const h = createSessionHarness();
    await h.toConsent();
    await h.advance(IDLE);
    expect(h.view().countdown).toBeNull();
    await timeOut(h, LONG_IDLE - IDLE);
    expect(h.screen()).toBe('takeCard');
    expectNoCitizenData(h);
    await h.advance(4_000);
    expect(h.screen()).toBe('takeCard');
    await h.advance(1_000);
    expect(h.screen()).toBe('home');
  });

  it('fetching has no idle countdown: it waits for a machine, not the citizen', async () => {
    const h = createSessionHarness({ settings: { fetchDeadlineMs: 200_000 } });
    await h.toFetching();
    await h.advance(IDLE + COUNTDOWN + 1000);
    expect(h.view().countdown).toBeNull();
    expect(h.screen()).toBe('fetching');
  });

  it('fetching: the deadline fails the fetch with a next step', async () => {
    const h = createSessionHarness({ settings: { fetchDeadlineMs: 20_000 } });
    await h.toFetching();
    await h.advance(20_000);
    expect(h.view().failure).toMatchObject({ code: 'GATEWAY_UNAVAILABLE', fault: 'service', canRetry: true });
    expect(h.view().failure?.nextSteps.length).toBeGreaterThan(0);
  });

  it('preparing: a render that never finishes fails with DOCUMENT_UNAVAILABLE', async () => {
    const h = createSessionHarness();
    await h.toFetching();
    h.fetch.resolve(ok([testCertificate()]));
    await h.flush();
    await h.advance(15_000);
    expect(h.view().failure?.code).toBe('DOCUMENT_UNAVAILABLE');
  });

  it('preview: 180 s idle, then the card reminder and home', async () => {
    const h = createSessionHarness();
    await h.toPreview();
    await timeOut(h, LONG_IDLE);
    expect(h.screen()).toBe('takeCard');
    expectNoCitizenData(h);
    await h.advance(5_000);
    expect(h.screen()).toBe('home');
  });

  it('printing: a job stalled for paper goes to staff after its deadline, never back to the citizen', async () => {
    const h = createSessionHarness();
    await h.toPrintingJob();
    h.reportPrint({ stage: 'sent' });
    h.reportPrint({ stage: 'stalled', reason: 'paperOut' });
    await h.flush();
    expect(h.view().printStage).toBe('waitingForPaper');
    expect(h.emitted).toContainEqual({ type: 'staffAlert', reason: 'a4Printer:waitingForPaper' });
    await h.advance(180_000);
    expect(h.view().failure).toMatchObject({ code: 'PRINT_STALLED', canRetry: false });
  });

  it('takeItems: paper left in the tray keeps the reminder up until it is taken', async () => {
    const h = createSessionHarness();
    await h.toPrintingJob();
    h.setPaperWaiting(true);
    h.reportPrint({ stage: 'done' });
    h.print.resolve(ok({ jobId: '1', stage: 'done' }));
    await h.flush();
    await h.advance(20_000);
    expect(h.screen()).toBe('takeItems');
    expect(h.view().paperWaiting).toBe(true);
    h.send({ type: 'PAPER_TAKEN' });
    expect(h.screen()).toBe('rating');
  });

  it('takeItems: moves on after the longest paper wait', async () => {
    const h = createSessionHarness();
    await h.toPrintingJob();
    h.setPaperWaiting(true);
    h.print.resolve(ok({ jobId: '1', stage: 'done' }));
    await h.flush();
    await h.advance(5_000 + 60_000);
    expect(h.screen()).toBe('rating');
  });

  it('rating: times out to home', async () => {
    const h = createSessionHarness();
    await h.toPrintingJob();
    h.print.resolve(ok({ jobId: '1', stage: 'done' }));
    await h.flush();
    await h.advance(5_000);
    await timeOut(h);
    expect(h.screen()).toBe('home'); // the card reminder was already shown with the paper
  });

  it('thanks: returns home after 30 s, or at once on HOME', async () => {
    const h = createSessionHarness();
    await h.toPrintingJob();
    h.print.resolve(ok({ jobId: '1', stage: 'done' }));
    await h.flush();
    await h.advance(5_000);
    h.send({ type: 'SKIP_RATING' });
    expect(h.screen()).toBe('thanks');
    h.send({ type: 'HOME' });
    expect(h.screen()).toBe('home');
  });

  it('failed: times out to the card reminder', async () => {
    const h = createSessionHarness();
    await h.toFetching();
    h.fetch.resolve(err({ kind: 'error', code: 'HOLDER_NOT_FOUND', retryable: false, detail: '404' }));
    await h.flush();
    await timeOut(h);
    expect(h.screen()).toBe('takeCard');
  });
});

describe('session machine: cancel', () => {
  it.each([
    ['requirements', async (h: SessionHarness) => h.send({ type: 'SELECT_ERRAND', errandId: 'residence-proof' }), 'home'],
    ['placeCard', (h: SessionHarness) => h.toPlaceCard(), 'home'],
    ['consent', (h: SessionHarness) => h.toConsent(), 'takeCard'],
    ['fetching', (h: SessionHarness) => h.toFetching(), 'takeCard'],
    ['preview', (h: SessionHarness) => h.toPreview(), 'takeCard'],
  ] as const)('from %s ends the session and wipes it', async (_step, reach, after) => {
    const h = createSessionHarness();
    await reach(h);
    h.send({ type: 'CANCEL' });
    await h.flush();
    expect(h.screen()).toBe(after);
    expectNoCitizenData(h);
  });

  it('from fetching aborts the gateway call', async () => {
    const h = createSessionHarness();
    await h.toFetching();
    h.send({ type: 'CANCEL' });
    await h.flush();
    expect(h.fetch.waiting).toBe(false); // the abort settled the pending call
  });

  it('from printing is allowed while the printer is checked, refused once the job is handed over', async () => {
    const h = createSessionHarness();
    await h.toPreview();
    h.send({ type: 'PRINT' });
    expect(h.view().canCancel).toBe(true);
    h.send({ type: 'CANCEL' });
    expect(h.screen()).toBe('takeCard');

    const g = createSessionHarness();
    await g.toPrintingJob();
    g.reportPrint({ stage: 'sent' });
    await g.flush();
    g.send({ type: 'CANCEL' });
    expect(g.screen()).toBe('printing');
  });

  it('from failed, rating and thanks goes home', async () => {
    const h = createSessionHarness();
    await h.toFetching();
    h.fetch.resolve(err({ kind: 'error', code: 'HOLDER_NOT_FOUND', retryable: false, detail: '404' }));
    await h.flush();
    h.send({ type: 'HOME' });
    // An outcome was reached: the rating is offered, with nothing of the citizen left, and skipped in one tap.
    expect(h.screen()).toBe('rating');
    expectNoCitizenData(h);
    h.send({ type: 'SKIP_RATING' });
    expect(h.screen()).toBe('thanks');
    h.send({ type: 'HOME' });
    expect(h.screen()).toBe('takeCard');
    expect(h.emitted.filter((e) => e.type === 'rating')).toEqual([]);

    const g = createSessionHarness();
    await g.toPrintingJob();
    g.print.resolve(ok({ jobId: '1', stage: 'done' }));
    await g.flush();
    await g.advance(5_000);
    g.send({ type: 'CANCEL' });
    expect(g.screen()).toBe('home');
  });
});

describe('session machine: failures, each with a next step', () => {
  it('placeCard: a misread asks for the card again, three in a row send the citizen to a window', async () => {
    const h = createSessionHarness();
    await h.toPlaceCard();
    h.read.resolve(fail('invalidData', 'checkDigit'));
    await h.flush();
    expect(h.screen()).toBe('placeCard');
    expect(h.view().cardProblem?.zh).toContain('未能读取');
    h.read.resolve(fail('invalidData', 'readFailed'));
    await h.flush();
    expect(h.screen()).toBe('placeCard');
    h.read.resolve(fail('invalidData', 'checkDigit'));
    await h.flush();
    expect(h.view().failure).toMatchObject({ code: 'CARD_UNREADABLE', fault: 'citizen', canRetry: true });
    h.send({ type: 'RETRY' });
    await h.flush();
    expect(h.screen()).toBe('placeCard');
    expect(h.view().cardProblem).toBeNull();
  });

  it("placeCard: an unplugged reader is the kiosk's fault and alerts staff", async () => {
    const h = createSessionHarness();
    await h.toPlaceCard();
    h.read.resolve(fail('noDevice', 'unplugged'));
    await h.flush();
    expect(h.view().failure).toMatchObject({ code: 'READER_UNAVAILABLE', fault: 'kiosk' });
    expect(h.emitted).toContainEqual({ type: 'staffAlert', reason: 'idReaderUnavailable' });
  });

  it('placeCard: an expired card is refused before anything is fetched', async () => {
    const h = createSessionHarness();
    h.setToday('2036-01-01');
    await h.toConsent();
    expect(h.view().failure).toMatchObject({ code: 'CARD_EXPIRED', canRetry: false });
    expect(h.fetchRequests).toHaveLength(0);
  });

  it.each([
    [
      err({ kind: 'refused', refusals: [{ certType: 'no-property-proof', code: 'NOT_ELIGIBLE', retryable: false }], issued: [] }),
      'NOT_ELIGIBLE_NO_PROPERTY',
      'source',
    ],
    [
      err({
        kind: 'refused',
        refusals: [{ certType: 'social-security-record', code: 'NOT_ELIGIBLE', retryable: false }],
        // With a certificate issued beside it, the answer is partial: partial-errand.test.ts.
        issued: [],
      }),
      'NOT_ELIGIBLE_SOCIAL_SECURITY',
      'source',
    ],
    [err({ kind: 'error', code: 'HOLDER_NOT_FOUND', retryable: false, detail: '' }), 'HOLDER_NOT_FOUND', 'source'],
    [err({ kind: 'error', code: 'VERIFICATION_FAILED', retryable: false, detail: '' }), 'CERTIFICATE_INVALID', 'service'],
    [err({ kind: 'error', code: 'UPSTREAM_UNAVAILABLE', retryable: true, detail: '' }), 'GATEWAY_UNAVAILABLE', 'service'],
    [err({ kind: 'error', code: 'KIOSK_NOT_AUTHORISED', retryable: false, detail: '' }), 'GATEWAY_REFUSED', 'kiosk'],
    [err({ kind: 'error', code: 'TRANSPORT', retryable: false, detail: '' }), 'GATEWAY_REFUSED', 'kiosk'],
    [err({ kind: 'error', code: 'TRANSPORT', retryable: true, detail: '' }), 'GATEWAY_UNAVAILABLE', 'service'],
    [err({ kind: 'error', code: 'MALFORMED_RESPONSE', retryable: true, detail: '' }), 'GATEWAY_UNAVAILABLE', 'service'],
    [err({ kind: 'error', code: 'CONSENT_INVALID', retryable: false, detail: '' }), 'CONSENT_EXPIRED', 'service'],
  ] as const)('fetching: %j → %s', async (outcome, code, fault) => {
    const h = createSessionHarness();
    await h.toFetching();
    h.fetch.resolve(structuredClone(outcome) as never);
    await h.flush();
    expect(h.view().failure).toMatchObject({ code, fault });
    expect(h.actor.getSnapshot().context.certificates).toBeNull();
  });

  it('fetching: "try again" after a gateway failure asks for consent afresh', async () => {
    const h = createSessionHarness();
    await h.toFetching();
    h.fetch.resolve(err({ kind: 'error', code: 'TIMEOUT', retryable: true, detail: '' }));
    await h.flush();
    h.send({ type: 'RETRY' });
    expect(h.screen()).toBe('consent');
    h.send({ type: 'CONSENT' });
    await h.flush();
    expect(h.fetchRequests).toHaveLength(2);
  });

  it('preparing: a render error fails with DOCUMENT_UNAVAILABLE and alerts staff', async () => {
    const h = createSessionHarness({ services: { prepareDocument: async () => Promise.reject(new Error('font missing')) } });
    await h.toFetching();
    h.fetch.resolve(ok([testCertificate()]));
    await h.flush();
    await h.flush();
    expect(h.view().failure?.code).toBe('DOCUMENT_UNAVAILABLE');
    expect(h.emitted).toContainEqual({ type: 'staffAlert', reason: 'documentRenderFailed' });
  });

  it.each([
    ['paperOut', 'PRINTER_OUT_OF_PAPER'],
    ['jammed', 'PRINTER_JAMMED'],
    ['unavailable', 'PRINTER_UNAVAILABLE'],
    ['tonerOut', 'PRINTER_OUT_OF_TONER'],
  ] as const)('printing: a printer that is %s before the job → %s, nothing sent, retry re-checks', async (readiness, code) => {
    const h = createSessionHarness();
    await h.toPreview();
    h.send({ type: 'PRINT' });
    await h.flush();
    h.printerCheck.resolve(readiness);
    await h.flush();
    expect(h.view().failure).toMatchObject({ code, canRetry: true });
    expect(h.print.calls).toBe(0);
    h.send({ type: 'RETRY' });
    await h.flush();
    h.printerCheck.resolve('ready');
    await h.flush();
    expect(h.print.calls).toBe(1);
  });

  it('printing: 重试 while the paper is still out says so, instead of drawing the same screen again', async () => {
    const h = createSessionHarness();
    await h.toPreview();
    h.send({ type: 'PRINT' });
    await h.flush();
    h.printerCheck.resolve('paperOut');
    await h.flush();
    expect(h.view().failure).toMatchObject({ code: 'PRINTER_OUT_OF_PAPER', repeated: false, title: { zh: '打印机缺纸' } });
    h.send({ type: 'RETRY' });
    await h.flush();
    h.printerCheck.resolve('paperOut');
    await h.flush();
    expect(h.view().failure).toMatchObject({
      code: 'PRINTER_OUT_OF_PAPER',
      repeated: true,
      canRetry: true,
      title: { zh: '打印机仍缺纸，请联系工作人员', en: 'The printer is still out of paper; please ask staff' },
    });
    // Another fault after the retry is told as itself.
    h.send({ type: 'RETRY' });
    await h.flush();
    h.printerCheck.resolve('jammed');
    await h.flush();
    expect(h.view().failure).toMatchObject({ code: 'PRINTER_JAMMED', repeated: false });
  });

  it('fetching: 重试 while the data-sharing service is still down says so', async () => {
    const h = createSessionHarness({ settings: { fetchDeadlineMs: 20_000 } });
    await h.toFetching();
    await h.advance(20_000);
    expect(h.view().failure).toMatchObject({ code: 'GATEWAY_UNAVAILABLE', repeated: false });
    h.send({ type: 'RETRY' });
    h.send({ type: 'CONSENT' });
    await h.flush();
    await h.advance(20_000);
    expect(h.view().failure).toMatchObject({
      code: 'GATEWAY_UNAVAILABLE',
      repeated: true,
      title: { zh: '仍无法查询，请稍后再来或到人工窗口办理' },
    });
  });

  it('printing: paper out mid-job waits, tells staff, and completes after a refill', async () => {
    const h = createSessionHarness();
    await h.toPrintingJob();
    h.reportPrint({ stage: 'sent' });
    h.reportPrint({ stage: 'printing' });
    h.reportPrint({ stage: 'stalled', reason: 'paperOut' });
    await h.flush();
    expect(h.view().printStage).toBe('waitingForPaper');
    expect(h.view().canCancel).toBe(false);
    await h.advance(60_000);
    h.reportPrint({ stage: 'printing' });
    h.reportPrint({ stage: 'done' });
    h.print.resolve(ok({ jobId: '1', stage: 'done' }));
    await h.flush();
    expect(h.screen()).toBe('takeItems');
  });

  it('printing: a jam mid-job shows as jammed', async () => {
    const h = createSessionHarness();
    await h.toPrintingJob();
    h.reportPrint({ stage: 'stalled', reason: 'jam' });
    await h.flush();
    expect(h.view().printStage).toBe('jammed');
  });

  it('printing: a job whose outcome is unknown before the printer confirmed it is never sent again', async () => {
    const h = createSessionHarness();
    await h.toPrintingJob();
    h.print.resolve(fail('hardwareError', 'outcomeUnknown'));
    await h.flush();
    expect(h.view().failure).toMatchObject({ code: 'PRINT_FAILED', canRetry: false });
  });

  it('printing: a job the printer aborts is never resubmitted', async () => {
    const h = createSessionHarness();
    await h.toPrintingJob();
    h.reportPrint({ stage: 'sent' });
    h.print.resolve(fail('hardwareError', 'jobAborted'));
    await h.flush();
    expect(h.view().failure).toMatchObject({ code: 'PRINT_FAILED', canRetry: false });
    h.send({ type: 'RETRY' });
    expect(h.screen()).toBe('failed');
    expect(h.print.calls).toBe(1);
  });

  it.each([
    [fail('noDevice', 'unplugged'), 'PRINTER_UNAVAILABLE'],
    [fail('deviceNotReady', 'paperOut'), 'PRINTER_OUT_OF_PAPER'],
    [fail('userError', 'mediaJammed'), 'PRINTER_JAMMED'],
  ] as const)('printing: a refusal before the printer held the job (%j) → %s, and may be retried', async (refusal, code) => {
    const h = createSessionHarness();
    await h.toPrintingJob();
    h.print.resolve(refusal);
    await h.flush();
    expect(h.view().failure).toMatchObject({ code, canRetry: true });
  });

  it('printing: a job the printer holds and never finishes goes to staff after the overall deadline', async () => {
    const h = createSessionHarness();
    await h.toPrintingJob();
    h.reportPrint({ stage: 'sent' });
    await h.flush();
    await h.advance(300_000);
    expect(h.view().failure).toMatchObject({ code: 'PRINT_STALLED', canRetry: false });
    expect(h.emitted).toContainEqual({ type: 'staffAlert', reason: 'a4Printer:jobNeverFinished' });
  });

  it.each(['paused', 'coverOpen', 'tonerOut', 'offline', 'printerError', 'unknown'] as const)(
    'printing: a printer stopped for another reason (%s) is not called "out of paper"',
    async (reason) => {
      const h = createSessionHarness();
      await h.toPrintingJob();
      h.reportPrint({ stage: 'stalled', reason });
      await h.flush();
      expect(h.view().printStage).toBe('stopped');
      expect(h.emitted).toContainEqual({ type: 'staffAlert', reason: 'a4Printer:stopped' });
    },
  );

  it('fetching: a refusal that cannot change outranks one that may, so the citizen is not told to try again', async () => {
    const h = createSessionHarness();
    await h.toFetching();
    h.fetch.resolve(
      err({
        kind: 'refused',
        refusals: [
          { certType: 'no-property-proof', code: 'UPSTREAM_UNAVAILABLE', retryable: true },
          { certType: 'social-security-record', code: 'NOT_ELIGIBLE', retryable: false },
        ],
        issued: [],
      }),
    );
    await h.flush();
    expect(h.view().failure).toMatchObject({ code: 'NOT_ELIGIBLE_SOCIAL_SECURITY', canRetry: false });
  });
});

describe('session machine: a way back from every failure', () => {
  it.each([
    ['refused before the printer held it', fail('deviceNotReady', 'paperOut'), false],
    ['aborted after the printer held it', fail('hardwareError', 'jobAborted'), true],
  ] as const)('a print %s: the failure screen offers "back to home", and it works', async (_what, result, handed) => {
    const h = createSessionHarness();
    await h.toPrintingJob();
    if (handed) h.reportPrint({ stage: 'sent' });
    h.print.resolve(result);
    await h.flush();
    expect(h.screen()).toBe('failed');
    expect(h.view().canCancel).toBe(true);
    h.send({ type: 'CANCEL' });
    expect(h.screen()).toBe('rating');
    h.send({ type: 'RATE', score: 1, tags: ['打印问题'] });
    expect(h.emitted).toContainEqual(expect.objectContaining({ type: 'rating', score: 1, outcome: 'failed' }));
    expect(h.screen()).toBe('thanks');
    await h.advance(h.settings.doneMs);
    expect(h.screen()).toBe('takeCard');
  });

  it('"try again" after a refused job checks the printer again, and may still be cancelled there', async () => {
    const h = createSessionHarness();
    await h.toPrintingJob();
    h.print.resolve(fail('deviceNotReady', 'paperOut'));
    await h.flush();
    h.send({ type: 'RETRY' });
    expect(h.screen()).toBe('printing');
    expect(h.view().canCancel).toBe(true);
    h.send({ type: 'HOME' });
    expect(h.screen()).toBe('takeCard');
  });
});
