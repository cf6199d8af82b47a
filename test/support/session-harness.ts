// Drives the session machine with a simulated clock and hand-resolved services: for machine tests only.

import { createActor, SimulatedClock } from 'xstate';
import type {
  A4PrintError,
  PrintDocument,
  PrinterReadiness,
  PrintJobProgress,
  PrintJobStage,
} from '../../device-drivers/a4-printer/a4-printer';
import { fail, type DeviceResult } from '../../device-drivers/device-result';
import { err, ok } from '../../device-drivers/result';
import type { IdCard } from '../../device-drivers/id-reader/id-card';
import type { Result } from '../../device-drivers/result';
import { loadCatalogue } from '../../kiosk/errands/catalogue';
import type { VerifiedCertificate } from '../../kiosk/gateway/certificate';
import type { FetchOutcome, FetchRequest } from '../../kiosk/gateway/gateway-client';
import { createSessionMachine, type SessionEmitted } from '../../kiosk/session/session-machine';
import type { SessionServices } from '../../kiosk/session/session-services';
import { defaultSessionSettings, type SessionSettings } from '../../kiosk/session/session-settings';
import { buildSessionView } from '../../kiosk/session/session-view-builder';
import type { SessionView } from '../../kiosk/session/session-view';
import { testCitizens } from '../../scripts/synthetic-population';

export function testCard(key = 'zhang-san'): IdCard {
  const citizen = testCitizens.find((c) => c.key === key);
  if (!citizen) throw new Error(`no test citizen ${key}`);
  return { ...citizen.card, photo: new Uint8Array(16) };
}

export function testCertificate(card: IdCard = testCard()): VerifiedCertificate {
  return {
    verified: true,
    stamp: null,
    specimen: true,
    certId: 'NPP-TEST-0001',
    certType: 'no-property-proof',
    title: '无房证明',
    issuer: { name: '杭州市不动产登记服务中心', code: '12330100MB0000001X' },
    holder: { name: card.name, idType: 'resident-id', idNumber: card.idNumber },
    statement: `经查询，${card.name}在杭州市范围内无登记在册的住房。`,
    fields: [{ key: 'region', label: '查询范围', value: '杭州市' }],
    issuedAt: '2026-11-23T08:00:01Z',
    validUntil: '2026-12-23',
    requestId: 'r',
    requestHash: 'h',
    kioskId: 'k',
    purpose: 'provident-fund-withdrawal',
    seal: 'KQ1:TEST',
  };
}

/** A promise the test settles by hand. */
class Pending<T> {
  private resolver: ((value: T) => void) | null = null;
  calls = 0;
  wait(signal?: AbortSignal, onAbort?: () => T): Promise<T> {
    this.calls++;
    return new Promise<T>((resolve) => {
      this.resolver = resolve;
      if (signal && onAbort) {
        signal.addEventListener(
          'abort',
          () => {
            this.resolver = null;
            resolve(onAbort());
          },
          { once: true },
        );
      }
    });
  }
  get waiting(): boolean {
    return this.resolver !== null;
  }
  resolve(value: T): void {
    const resolve = this.resolver;
    if (!resolve) throw new Error('nothing is waiting');
    this.resolver = null;
    resolve(value);
  }
}

export function createSessionHarness(
  options: { settings?: Partial<SessionSettings>; services?: Partial<SessionServices>; outOfService?: boolean } = {},
) {
  const clock = new SimulatedClock();
  const read = new Pending<DeviceResult<IdCard>>();
  const fetch = new Pending<FetchOutcome>();
  const prepare = new Pending<PrintDocument>();
  const printerCheck = new Pending<PrinterReadiness>();
  const print = new Pending<Result<PrintJobProgress, A4PrintError>>();
  const fetchRequests: FetchRequest[] = [];
  let printProgress: ((progress: PrintJobProgress) => void) | null = null;
  let paperWaiting = false;
  let today = '2026-11-23';
  let printerNow: PrinterReadiness = 'ready';
  let challenges = 0;
  const emitted: SessionEmitted[] = [];

  const services: SessionServices = {
    readCard: (signal) => read.wait(signal, () => fail('canceled')),
    fetchCertificates: (request, signal) => {
      fetchRequests.push(request);
      return fetch.wait(signal, () => err({ kind: 'error', code: 'CANCELED', retryable: false, detail: 'canceled' }));
    },
    prepareDocument: () => prepare.wait(),
    checkPrinter: () => printerCheck.wait(),
    print: (_document, onProgress) => {
      printProgress = onProgress;
      return print.wait();
    },
    paperWaiting: () => paperWaiting,
    errandAvailable: () => true,
    checkPaper: () => ({ verdict: 'invalid', failure: 'not-kq1' }),
    newAppChallenge: () => {
      challenges += 1;
      const nonce = challenges.toString(16).padStart(32, '0');
      return { text: `ZLBK1:kiosk-test:${nonce}`, nonce, lifetimeMs: 120_000, qr: { size: 21, path: 'M0 0h7v1h-7z' } };
    },
    now: () => new Date(clock.now()),
    today: () => today,
    ...options.services,
  };
  const catalogue = loadCatalogue();
  const settings = { ...defaultSessionSettings, ...options.settings };
  const actor = createActor(createSessionMachine(services), {
    clock,
    input: { catalogue, settings, outOfService: options.outOfService ?? false },
  });
  for (const type of ['staffAlert', 'rating', 'sessionEnded', 'receipt'] as const) actor.on(type, (event) => emitted.push(event));
  actor.start();

  const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

  return {
    actor,
    clock,
    read,
    fetch,
    prepare,
    printerCheck,
    print,
    fetchRequests,
    emitted,
    settings,
    document: { pdf: new Uint8Array([1, 2, 3]), jobName: 'kiosk-job', pages: 1 } satisfies PrintDocument,
    setPaperWaiting(value: boolean) {
      paperWaiting = value;
    },
    setToday(value: string) {
      today = value;
    },
    /** The printer's readiness as the preview's warning sees it (the check before a job is `printerCheck`). */
    setPrinter(value: PrinterReadiness) {
      printerNow = value;
    },
    view(): SessionView {
      return buildSessionView(
        actor.getSnapshot(),
        () => ({ available: true }),
        () => printerNow,
      );
    },
    screen() {
      return this.view().screen;
    },
    send: actor.send.bind(actor),
    /** Lets settled promises reach the machine. */
    flush,
    async advance(ms: number) {
      // Step a second at a time so that chained timers (the countdown) each fire.
      for (let left = ms; left > 0; left -= 1000) {
        clock.increment(Math.min(1000, left));
        await flush();
      }
    },
    reportPrint(stage: PrintJobStage) {
      if (!printProgress) throw new Error('no print job');
      printProgress({ jobId: '1', ...stage });
    },
    // ---- walking the flow ----
    async toPlaceCard(errandId = 'no-property-proof-provident-fund') {
      actor.send({ type: 'SELECT_ERRAND', errandId });
      actor.send({ type: 'START' });
      await flush();
    },
    async toConsent(card: IdCard = testCard()) {
      await this.toPlaceCard();
      read.resolve(ok(card));
      await flush();
    },
    /** Consent given, then the app-code screen with its first challenge. */
    async toAppCode() {
      await this.toPlaceCard();
      actor.send({ type: 'USE_APP_CODE' });
      actor.send({ type: 'CONSENT' });
      await flush();
    },
    async toFetching() {
      await this.toConsent();
      actor.send({ type: 'CONSENT' });
      await flush();
    },
    async toPreview() {
      await this.toFetching();
      fetch.resolve(ok([testCertificate()]));
      await flush();
      prepare.resolve(this.document);
      await flush();
    },
    async toPrintingJob() {
      await this.toPreview();
      actor.send({ type: 'PRINT' });
      await flush();
      printerCheck.resolve('ready');
      await flush();
    },
  };
}

export type SessionHarness = ReturnType<typeof createSessionHarness>;
