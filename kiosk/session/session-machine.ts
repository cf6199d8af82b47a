// The session: one citizen, one errand, from the errand menu to paper in hand (or a clear next step).
// Runs in the agent, next to the devices; the UI only renders its view and sends events.
//
// Two regions while a session runs: `flow` is where the citizen is in the errand; `attention` is the idle
// timer of steps that wait for the citizen (countdown, "continue", time out). Steps that wait for a machine
// pause it and keep their own deadlines.

import { assign, emit, enqueueActions, fromCallback, fromPromise, raise, setup, type EventObject } from 'xstate';
import {
  printRefusal,
  type A4PrintError,
  type PrintDocument,
  type PrinterReadiness,
  type PrintJobStage,
} from '../../device-drivers/a4-printer/a4-printer';
import type { DeviceResult } from '../../device-drivers/device-result';
import type { IdCard } from '../../device-drivers/id-reader/id-card';
import type { CertType, Errand } from '../errands/catalogue';
import type { VerifiedCertificate } from '../gateway/certificate';
import type { FetchOutcome, FetchRequest } from '../gateway/gateway-client';
import type { Holder } from '../gateway/wire-format';
import type { FailureCode } from './failures';
import type { PaperCheck } from './paper-check';
import { printerReadinessFailure, retryTargetOf, sessionOutcomeOf } from './failures';
import { fetchFailureCode } from './fetch-failure';
import { partialErrandOf, type MissingCertificate, type PartialErrand } from './partial-errand';
import { printStageFor } from './print-stage';
import type { ScanKind } from './scan-acceptance';
import type { SessionServices, ShownAppChallenge } from './session-services';
import type { SessionSettings } from './session-settings';
import { defaultPrefs } from './default-prefs';
import type { DisplayPrefs, PrintStage } from './session-view';
import type { UiEvent } from './ui-events';
import { maskName } from '../privacy/mask';

export interface SessionContext {
  catalogue: Errand[];
  settings: SessionSettings;
  prefs: DisplayPrefs;
  errand: Errand | null;
  // ---- citizen data: held for one session, wiped when it ends ----
  card: IdCard | null;
  certificates: VerifiedCertificate[] | null;
  document: PrintDocument | null;
  consentGrantedAt: Date | null;
  /** The app code scanned for this session's challenge: passed on to the gateway untouched. */
  appCode: string | null;
  /** Who the app code named, as the gateway answered: asked "is this you?" before anything else is shown. */
  namedHolder: Holder | null;
  /** From the moment the session reaches the gateway until its receipt is told: the name masked, no ID number. */
  receipt: ReceiptNote | null;
  /** A checked paper's seal: its claims carry the name as printed, so it goes with the check. */
  paperCheck: PaperCheck | null;
  // ---- no personal data below ----
  /** How the citizen proves who they are: the card on the reader, or the government app's code (v1.1). */
  identity: 'card' | 'appCode';
  /** The challenge on the screen now (a fresh nonce every time); never logged. */
  appChallenge: ShownAppChallenge | null;
  /** Something was scanned on the app-code screen that the kiosk did not send: why, for the citizen. */
  appCodeProblem: 'notAppCode' | 'challengeExpired' | null;
  /** A card was read (or halted by a failed read) and may still lie on the reader. */
  cardWasRead: boolean;
  badReads: number;
  cardProblem: 'misread' | null;
  failure: FailureCode | null;
  /** The failure 重试 was last tapped on: met again, the screen says it is still so. */
  retriedFailure: FailureCode | null;
  /** 一件事 with a part refused: what was issued and what is missing, until the session ends. */
  partial: PartialErrand | null;
  /** The paper came out in this session. */
  issued: boolean;
  printStage: PrintStage | null;
  paperWaiting: boolean;
  /** Which idle time the current step uses. */
  idle: 'short' | 'long';
  extensions: number;
  countdown: number;
  /** Where the kiosk starts: out of service when staff left it so before a restart. */
  startOutOfService: boolean;
}

type InternalEvent =
  | { type: 'ATTENTION.WATCH' }
  | { type: 'ATTENTION.PAUSE' }
  | { type: 'PAPER_TAKEN' }
  | { type: 'PRINT.HANDED' }
  | { type: 'PRINT.PROGRESS'; job: PrintJobStage }
  | { type: 'PRINT.DONE'; paperWaiting: boolean }
  | { type: 'PRINT.FAILED'; code: FailureCode }
  /** The agent is stopping (restart, shutdown): a session in progress ends here, so it is still told once. */
  | { type: 'AGENT.STOPPING' }
  /** A code of a kind the current screen accepts (scan-acceptance.ts), handed on by the agent's scan router. */
  | { type: 'SCANNED'; kind: ScanKind; data: string }
  /** A code this screen does not accept was read: nothing of it is passed on, the screen may say so. */
  | { type: 'SCAN.REFUSED' }
  /** Staff scanned a good maintenance code on the home or out-of-service screen: the screen is theirs. */
  | { type: 'STAFF.ENTER' }
  /** Staff left maintenance mode: back to service, or out of service as they set it. */
  | { type: 'STAFF.LEAVE'; outOfService: boolean };

export type SessionEvent = UiEvent | InternalEvent;

/** What a session that reached the gateway puts on its receipt, besides the errand and the outcome. */
export interface ReceiptNote {
  maskedName: string;
  /** The certificates the gateway gave, printed or not: their numbers let a staffed window find them. */
  certificates: Array<{ certId: string; certType: CertType }>;
  /** The certificates of the errand its departments refused: the receipt names them and where to go. */
  missing: MissingCertificate[];
}

/**
 * Told to the agent, which alerts staff, records ratings, counts outcomes and prints receipts — never with
 * personal data but the masked name a receipt carries (which the agent prints, never logs).
 */
export type SessionEmitted =
  | { type: 'staffAlert'; reason: string }
  /** Once per session that reached the gateway: when the paper came out, or when the session is left without it. */
  | ({ type: 'receipt'; errandId: string; printed: boolean; outcome: SessionOutcome; failure: FailureCode | null } & ReceiptNote)
  | { type: 'rating'; errandId: string; score: number; tags: string[]; outcome: SessionOutcome }
  | { type: 'sessionEnded'; errandId: string | null; outcome: SessionOutcome; failure: FailureCode | null };

/**
 * How a session ended, told exactly once when it leaves the `session` state: paper issued, a final refusal
 * (the sources' answer), a failure to serve, or abandoned (cancelled, timed out, home before any outcome).
 * A failure that a retry then overcame counts as issued.
 */
export type SessionOutcome = 'issued' | 'refused' | 'failed' | 'abandoned';

export interface SessionInput {
  catalogue: Errand[];
  settings: SessionSettings;
  /** Staff took the kiosk out of service (the persisted flag): it starts there. */
  outOfService?: boolean;
}

/** A job that failed before the printer said it held it: one whose outcome is unknown is never sent again. */
function refusedJobFailure(error: A4PrintError): FailureCode {
  const refusal = printRefusal(error);
  return refusal === 'outcomeUnknown' ? 'PRINT_FAILED' : printerReadinessFailure(refusal);
}

/** The receipt's note once the kiosk knows who is served: the card's name, or the app code's holder they confirmed. */
function receiptFor(context: SessionContext): ReceiptNote | null {
  const name = context.card?.name ?? context.namedHolder?.name;
  if (name === undefined) return null;
  return {
    maskedName: maskName(name),
    certificates: (context.certificates ?? []).map(({ certId, certType }) => ({ certId, certType })),
    missing: context.partial?.missing ?? [],
  };
}

function sessionOutcome(context: SessionContext): SessionOutcome {
  if (context.issued) return 'issued';
  if (context.failure !== null) return sessionOutcomeOf(context.failure);
  return 'abandoned';
}

const citizenDataCleared = {
  card: null,
  certificates: null,
  document: null,
  consentGrantedAt: null,
  appCode: null,
  namedHolder: null,
  receipt: null,
  paperCheck: null,
} satisfies Partial<SessionContext>;

export function createSessionMachine(services: SessionServices) {
  return setup({
    types: {
      context: {} as SessionContext,
      events: {} as SessionEvent,
      input: {} as SessionInput,
      emitted: {} as SessionEmitted,
    },
    actors: {
      readCard: fromPromise<DeviceResult<IdCard>>(({ signal }) => services.readCard(signal)),
      fetchCertificates: fromPromise<FetchOutcome, FetchRequest>(({ input, signal }) => services.fetchCertificates(input, signal)),
      prepareDocument: fromPromise<PrintDocument, VerifiedCertificate[]>(({ input }) => services.prepareDocument(input)),
      checkPrinter: fromPromise<PrinterReadiness>(() => services.checkPrinter()),
      printDocument: fromCallback<EventObject, PrintDocument>(({ input, sendBack }) => {
        let handed = false;
        services
          .print(input, (progress) => {
            if (!handed) {
              handed = true;
              // The printer has the job: the kiosk's copy is wiped at once, whoever still holds a reference
              // to the buffer (a driver following the job for minutes, say).
              input.pdf.fill(0);
              sendBack({ type: 'PRINT.HANDED' });
            }
            sendBack({ type: 'PRINT.PROGRESS', job: progress });
          })
          .then(
            (result) =>
              result.ok
                ? sendBack({ type: 'PRINT.DONE', paperWaiting: services.paperWaiting() })
                : sendBack({ type: 'PRINT.FAILED', code: handed ? 'PRINT_FAILED' : refusedJobFailure(result.error) }),
            () => sendBack({ type: 'PRINT.FAILED', code: handed ? 'PRINT_FAILED' : 'PRINTER_UNAVAILABLE' }),
          );
        // A job the printer holds is never withdrawn from here: its outcome is followed or reported to staff.
        return () => {};
      }),
    },
    delays: {
      idle: ({ context }) => (context.idle === 'long' ? context.settings.longIdleMs : context.settings.idleMs),
      tick: 1000,
      takeCard: ({ context }) => context.settings.takeCardMs,
      takeItems: ({ context }) => context.settings.takeItemsMs,
      paperReminder: ({ context }) => context.settings.paperReminderMs,
      paperWaitMax: ({ context }) => context.settings.paperWaitMaxMs,
      done: ({ context }) => context.settings.doneMs,
      fetchDeadline: ({ context }) => context.settings.fetchDeadlineMs,
      prepareDeadline: ({ context }) => context.settings.prepareDeadlineMs,
      printStall: ({ context }) => context.settings.printStallMs,
      printJobMax: ({ context }) => context.settings.printJobMaxMs,
      appChallenge: ({ context }) => context.appChallenge?.lifetimeMs ?? 120_000,
    },
    guards: {
      errandAvailable: ({ context, event }) => {
        if (event.type !== 'SELECT_ERRAND') return false;
        const errand = context.catalogue.find((e) => e.id === event.errandId);
        return errand !== undefined && services.errandAvailable(errand);
      },
      canExtend: ({ context }) => context.extensions < context.settings.maxExtensions,
      countdownOver: ({ context }) => context.countdown <= 1,
      cardWasRead: ({ context }) => context.cardWasRead,
      paperWaiting: ({ context }) => context.paperWaiting,
      retryTo: ({ context }, target: 'placeCard' | 'consent' | 'appCode' | 'printing') =>
        context.failure !== null && retryTargetOf(context.failure) === target,
    },
    actions: {
      watch: raise({ type: 'ATTENTION.WATCH' }),
      pause: raise({ type: 'ATTENTION.PAUSE' }),
      wipe: assign({
        ...citizenDataCleared,
        errand: null,
        failure: null,
        retriedFailure: null,
        partial: null,
        issued: false,
        printStage: null,
        paperWaiting: false,
        cardProblem: null,
        badReads: 0,
        extensions: 0,
        identity: 'card',
        appChallenge: null,
        appCodeProblem: null,
      }),
      resetPrefs: assign({ prefs: defaultPrefs, cardWasRead: false }),
      fail: assign((_, code: FailureCode) => ({ failure: code })),
      alertStaff: emit((_, reason: string) => ({ type: 'staffAlert' as const, reason })),
      endSession: emit(({ context }) => ({
        type: 'sessionEnded' as const,
        errandId: context.errand?.id ?? null,
        outcome: sessionOutcome(context),
        failure: context.issued ? null : context.failure,
      })),
      /** The receipt of a session that reached the gateway, told once: the note goes with it. */
      tellReceipt: enqueueActions(({ context, enqueue }) => {
        if (!context.receipt || !context.errand) return;
        enqueue.emit({
          type: 'receipt',
          errandId: context.errand.id,
          printed: context.issued,
          outcome: sessionOutcome(context),
          failure: context.issued ? null : context.failure,
          ...context.receipt,
        });
        enqueue.assign({ receipt: null });
      }),
      showPrintStage: assign({
        printStage: ({ context, event }) => (event.type === 'PRINT.PROGRESS' ? printStageFor(event.job) : context.printStage),
      }),
    },
  }).createMachine({
    id: 'kiosk',
    context: ({ input }) => ({
      catalogue: input.catalogue,
      settings: input.settings,
      prefs: defaultPrefs,
      errand: null,
      ...citizenDataCleared,
      identity: 'card',
      appChallenge: null,
      appCodeProblem: null,
      cardWasRead: false,
      badReads: 0,
      cardProblem: null,
      failure: null,
      retriedFailure: null,
      partial: null,
      issued: false,
      printStage: null,
      paperWaiting: false,
      idle: 'short',
      extensions: 0,
      countdown: 0,
      startOutOfService: input.outOfService ?? false,
    }),
    initial: 'starting',
    on: {
      SET_PREFS: { actions: assign({ prefs: ({ context, event }) => ({ ...context.prefs, ...event.prefs }) }) },
    },
    states: {
      starting: {
        always: [{ guard: ({ context }) => context.startOutOfService, target: 'outOfService' }, { target: 'home' }],
      },

      home: {
        entry: ['wipe', 'resetPrefs'],
        on: {
          'STAFF.ENTER': 'staff',
          CHECK_PAPER: 'paperCheck',
          SELECT_ERRAND: {
            guard: 'errandAvailable',
            target: 'session',
            actions: assign({ errand: ({ context, event }) => context.catalogue.find((e) => e.id === event.errandId) ?? null }),
          },
        },
      },

      session: {
        type: 'parallel',
        exit: ['tellReceipt', 'endSession'],
        on: {
          CANCEL: 'ending',
          HOME: 'ending',
          'AGENT.STOPPING': 'ending',
        },
        states: {
          attention: {
            initial: 'watching',
            // Transitions stay inside this region: re-entering the region itself would re-enter the flow too.
            on: {
              'ATTENTION.WATCH': { target: '.watching' },
              'ATTENTION.PAUSE': { target: '.paused' },
            },
            states: {
              watching: {
                after: { idle: { target: 'warning', actions: assign({ countdown: ({ context }) => context.settings.countdownSeconds }) } },
                on: {
                  TOUCH: { target: 'watching', reenter: true },
                  'ATTENTION.WATCH': { target: 'watching', reenter: true },
                },
              },
              warning: {
                initial: 'ticking',
                on: {
                  CONTINUE: {
                    guard: 'canExtend',
                    target: 'watching',
                    actions: assign({ extensions: ({ context }) => context.extensions + 1 }),
                  },
                },
                states: {
                  ticking: {
                    after: {
                      tick: [
                        { guard: 'countdownOver', target: '#kiosk.ending' },
                        { target: 'ticking', reenter: true, actions: assign({ countdown: ({ context }) => context.countdown - 1 }) },
                      ],
                    },
                  },
                },
              },
              paused: {},
            },
          },

          flow: {
            initial: 'requirements',
            states: {
              requirements: {
                entry: [assign({ idle: 'short' }), 'watch'],
                on: { START: 'placeCard' },
              },

              placeCard: {
                entry: [assign({ idle: 'short', identity: 'card' }), 'watch'],
                // No card with them: the government app's code instead, after the same consent.
                on: { USE_APP_CODE: { target: 'consent', actions: assign({ identity: 'appCode', cardProblem: null }) } },
                invoke: {
                  src: 'readCard',
                  onDone: [
                    {
                      guard: ({ event }) => event.output.ok,
                      target: 'cardChecked',
                      actions: assign({
                        card: ({ event }) => (event.output.ok ? event.output.value : null),
                        cardWasRead: true,
                        cardProblem: null,
                      }),
                    },
                    {
                      // A bad read (wrong check digit, unreadable card): the citizen may place the card again.
                      guard: ({ event, context }) =>
                        !event.output.ok &&
                        event.output.error.code === 'invalidData' &&
                        context.badReads + 1 < context.settings.maxCardAttempts,
                      target: 'placeCard',
                      reenter: true,
                      actions: assign({ cardWasRead: true, cardProblem: 'misread', badReads: ({ context }) => context.badReads + 1 }),
                    },
                    {
                      guard: ({ event }) => !event.output.ok && event.output.error.code === 'invalidData',
                      target: 'failed',
                      actions: [assign({ cardWasRead: true }), { type: 'fail', params: 'CARD_UNREADABLE' }],
                    },
                    {
                      target: 'failed',
                      actions: [
                        { type: 'fail', params: 'READER_UNAVAILABLE' },
                        { type: 'alertStaff', params: 'idReaderUnavailable' },
                      ],
                    },
                  ],
                  onError: {
                    target: 'failed',
                    actions: [
                      { type: 'fail', params: 'READER_UNAVAILABLE' },
                      { type: 'alertStaff', params: 'idReaderFault' },
                    ],
                  },
                },
              },

              cardChecked: {
                always: [
                  {
                    guard: ({ context }) =>
                      context.card !== null && context.card.validTo !== 'long-term' && context.card.validTo < services.today(),
                    target: 'failed',
                    actions: { type: 'fail', params: 'CARD_EXPIRED' },
                  },
                  { target: 'consent' },
                ],
              },

              consent: {
                entry: [assign({ idle: 'long' }), 'watch'],
                on: {
                  CONSENT: [
                    { guard: ({ context }) => context.identity === 'appCode', target: 'appCode' },
                    { target: 'fetching', actions: assign({ consentGrantedAt: () => services.now() }) },
                  ],
                },
              },

              // v1.1: the challenge QR for the citizen's phone, then the phone's code under the scanner. The
              // citizen works on their phone meanwhile, so the long idle time; the challenge has its own life.
              appCode: {
                entry: [assign({ idle: 'long', appCodeProblem: null }), 'watch'],
                initial: 'showing',
                on: { TOUCH: { actions: assign({ appCodeProblem: null }) } },
                states: {
                  showing: {
                    entry: assign({ appChallenge: () => services.newAppChallenge() }),
                    after: { appChallenge: { target: 'expired', actions: assign({ appCodeProblem: null }) } },
                    on: {
                      SCANNED: {
                        guard: ({ event }) => event.kind === 'appCode',
                        target: '#kiosk.session.flow.fetching',
                        // The citizen confirmed in the app just now: that completes the consent given here.
                        actions: assign({ appCode: ({ event }) => event.data, consentGrantedAt: () => services.now() }),
                      },
                      'SCAN.REFUSED': { actions: assign({ appCodeProblem: 'notAppCode' }) },
                    },
                  },
                  expired: {
                    on: {
                      RENEW_CHALLENGE: { target: 'showing', actions: assign({ appCodeProblem: null }) },
                      SCANNED: { actions: assign({ appCodeProblem: 'challengeExpired' }) },
                      'SCAN.REFUSED': { actions: assign({ appCodeProblem: 'notAppCode' }) },
                    },
                  },
                },
              },

              // v1.1: the kiosk learnt who the app code named only now; the citizen says whether it is them.
              confirmIdentity: {
                entry: [assign({ idle: 'short' }), 'watch'],
                on: {
                  IS_ME: [
                    {
                      // Part of the 一件事 issued, part refused: the same choice a card's citizen gets.
                      guard: ({ context }) => context.partial !== null,
                      target: 'partial',
                      actions: assign({ receipt: ({ context }) => receiptFor(context) }),
                    },
                    {
                      guard: ({ context }) => context.failure !== null,
                      target: 'failed',
                      actions: assign({ receipt: ({ context }) => receiptFor(context) }),
                    },
                    { target: 'preparing', actions: assign({ receipt: ({ context }) => receiptFor(context) }) },
                  ],
                  // Someone else's code: nothing of that person stays, no receipt is printed, home at once.
                  NOT_ME: { target: '#kiosk.ending', actions: assign({ ...citizenDataCleared, failure: null }) },
                },
              },

              fetching: {
                entry: [
                  'pause',
                  assign({
                    receipt: ({ context }) =>
                      context.card ? { maskedName: maskName(context.card.name), certificates: [], missing: [] } : null,
                  }),
                ],
                invoke: {
                  src: 'fetchCertificates',
                  input: ({ context }): FetchRequest => {
                    const { errand, card, consentGrantedAt, appCode, appChallenge } = context;
                    if (!errand || !consentGrantedAt) throw new Error('fetching without errand or consent');
                    const asked = { certTypes: errand.certTypes, issueCode: errand.issueCode, purposeCode: errand.purposeCode };
                    if (context.identity === 'appCode') {
                      if (!appCode || !appChallenge) throw new Error('fetching without the app code or its challenge');
                      return {
                        ...asked,
                        appCode: { token: appCode, nonce: appChallenge.nonce },
                        consent: { method: 'app-qr', grantedAt: consentGrantedAt },
                      };
                    }
                    if (!card) throw new Error('fetching without a card');
                    return { ...asked, card, consent: { method: 'id-card', grantedAt: consentGrantedAt } };
                  },
                  onDone: [
                    {
                      // An app code: the certificates wait until the citizen says the named holder is them.
                      guard: ({ context, event }) => context.identity === 'appCode' && event.output.ok,
                      target: 'confirmIdentity',
                      actions: assign({
                        certificates: ({ event }) => (event.output.ok ? event.output.value : null),
                        namedHolder: ({ event }) => (event.output.ok ? (event.output.value[0]?.holder ?? null) : null),
                        appCode: null,
                      }),
                    },
                    {
                      // Refused for the person the code named: they hear why only once they say it is them.
                      guard: ({ context, event }) =>
                        context.identity === 'appCode' &&
                        !event.output.ok &&
                        event.output.error.kind === 'refused' &&
                        !!event.output.error.holder,
                      target: 'confirmIdentity',
                      actions: assign({
                        failure: ({ event }) => (event.output.ok ? null : fetchFailureCode(event.output, 'app-qr')),
                        namedHolder: ({ event }) =>
                          !event.output.ok && event.output.error.kind === 'refused' ? (event.output.error.holder ?? null) : null,
                        certificates: ({ event }) => partialErrandOf(event.output)?.certificates ?? null,
                        partial: ({ event }) => partialErrandOf(event.output)?.partial ?? null,
                        appCode: null,
                      }),
                    },
                    {
                      // Issued and finally refused together: the citizen chooses before anything is prepared.
                      guard: ({ event }) => partialErrandOf(event.output) !== null,
                      target: 'partial',
                      actions: assign(({ context, event }) => {
                        const { certificates, partial } = partialErrandOf(event.output)!;
                        return {
                          certificates,
                          partial,
                          // Stopped here or timed out, the session counts as the departments' refusal.
                          failure: event.output.ok ? null : fetchFailureCode(event.output),
                          receipt: context.receipt && {
                            ...context.receipt,
                            certificates: certificates.map(({ certId, certType }) => ({ certId, certType })),
                            missing: partial.missing,
                          },
                        };
                      }),
                    },
                    {
                      guard: ({ event }) => event.output.ok,
                      target: 'preparing',
                      actions: assign({
                        certificates: ({ event }) => (event.output.ok ? event.output.value : null),
                        receipt: ({ context, event }) =>
                          context.receipt && event.output.ok
                            ? { ...context.receipt, certificates: event.output.value.map(({ certId, certType }) => ({ certId, certType })) }
                            : context.receipt,
                      }),
                    },
                    {
                      target: 'failed',
                      actions: [
                        assign({
                          failure: ({ context, event }) =>
                            event.output.ok ? null : fetchFailureCode(event.output, context.identity === 'appCode' ? 'app-qr' : 'id-card'),
                          appCode: null,
                        }),
                        // The screen says staff have been told. KIOSK_NOT_AUTHORISED is told by the runtime, with the service.
                        enqueueActions(({ event, enqueue }) => {
                          if (event.output.ok || fetchFailureCode(event.output) !== 'GATEWAY_REFUSED') return;
                          const { error } = event.output;
                          if (error.kind === 'error' && error.code === 'KIOSK_NOT_AUTHORISED') return;
                          enqueue.emit({ type: 'staffAlert', reason: `gateway:${error.kind === 'error' ? error.code : 'refused'}` });
                        }),
                      ],
                    },
                  ],
                  onError: { target: 'failed', actions: { type: 'fail', params: 'GATEWAY_UNAVAILABLE' } },
                },
                after: { fetchDeadline: { target: 'failed', actions: { type: 'fail', params: 'GATEWAY_UNAVAILABLE' } } },
              },

              preparing: {
                entry: 'pause',
                invoke: {
                  src: 'prepareDocument',
                  input: ({ context }) => context.certificates ?? [],
                  onDone: { target: 'preview', actions: assign({ document: ({ event }) => event.output }) },
                  onError: {
                    target: 'failed',
                    actions: [
                      { type: 'fail', params: 'DOCUMENT_UNAVAILABLE' },
                      { type: 'alertStaff', params: 'documentRenderFailed' },
                    ],
                  },
                },
                after: { prepareDeadline: { target: 'failed', actions: { type: 'fail', params: 'DOCUMENT_UNAVAILABLE' } } },
              },

              // PRINT_ISSUED is the only way on; CANCEL (不打印，结束) and the idle timeout end the session unprinted.
              partial: {
                entry: [assign({ idle: 'long' }), 'watch'],
                on: { PRINT_ISSUED: 'preparing' },
              },

              preview: {
                entry: [assign({ idle: 'long' }), 'watch'],
                on: {
                  PRINT: 'printing',
                  // Back to the choice: the prepared document goes, and is prepared again if print is chosen.
                  BACK: {
                    guard: ({ context }) => context.partial !== null,
                    target: 'partial',
                    actions: assign(({ context }) => {
                      context.document?.pdf.fill(0);
                      return { document: null };
                    }),
                  },
                },
              },

              printing: {
                entry: ['pause', assign({ printStage: 'preparing' })],
                initial: 'checking',
                states: {
                  checking: {
                    invoke: {
                      src: 'checkPrinter',
                      onDone: [
                        { guard: ({ event }) => event.output === 'ready', target: 'running' },
                        {
                          target: '#kiosk.session.flow.failed',
                          actions: [
                            assign({ failure: ({ event }) => (event.output === 'ready' ? null : printerReadinessFailure(event.output)) }),
                            emit(({ event }) => ({ type: 'staffAlert' as const, reason: `a4Printer:${event.output}` })),
                          ],
                        },
                      ],
                      onError: {
                        target: '#kiosk.session.flow.failed',
                        actions: [
                          { type: 'fail', params: 'PRINTER_UNAVAILABLE' },
                          { type: 'alertStaff', params: 'a4Printer:checkFailed' },
                        ],
                      },
                    },
                  },
                  running: {
                    // The job is being handed over or followed: no cancel (the session-level CANCEL is shadowed
                    // here), no resubmission. An overall deadline sends a job that never ends to staff.
                    invoke: {
                      src: 'printDocument',
                      input: ({ context }) => {
                        if (!context.document) throw new Error('printing without a document');
                        return context.document;
                      },
                    },
                    initial: 'flowing',
                    after: {
                      printJobMax: {
                        target: '#kiosk.session.flow.failed',
                        actions: [
                          { type: 'fail', params: 'PRINT_STALLED' },
                          { type: 'alertStaff', params: 'a4Printer:jobNeverFinished' },
                        ],
                      },
                    },
                    on: {
                      CANCEL: {},
                      HOME: {},
                      // The printer has the job: the kiosk's copy goes (shared/README.md, principle 2).
                      'PRINT.HANDED': { actions: assign({ document: null, certificates: null, printStage: 'sent' }) },
                      'PRINT.DONE': {
                        target: '#kiosk.session.flow.takeItems',
                        // The receipt comes out with the paper, not after the rating.
                        actions: [
                          assign({ printStage: 'done', issued: true, paperWaiting: ({ event }) => event.paperWaiting }),
                          'tellReceipt',
                        ],
                      },
                      'PRINT.FAILED': {
                        target: '#kiosk.session.flow.failed',
                        actions: [
                          assign({ failure: ({ event }) => event.code }),
                          emit(({ event }) => ({ type: 'staffAlert' as const, reason: `a4Printer:${event.code}` })),
                        ],
                      },
                    },
                    states: {
                      flowing: {
                        on: {
                          'PRINT.PROGRESS': [
                            { guard: ({ event }) => event.job.stage === 'stalled', target: 'stalled', actions: 'showPrintStage' },
                            { actions: 'showPrintStage' },
                          ],
                        },
                      },
                      stalled: {
                        entry: emit(({ context }) => ({ type: 'staffAlert' as const, reason: `a4Printer:${context.printStage}` })),
                        on: {
                          'PRINT.PROGRESS': [
                            { guard: ({ event }) => event.job.stage !== 'stalled', target: 'flowing', actions: 'showPrintStage' },
                            { actions: 'showPrintStage' },
                          ],
                        },
                        after: {
                          printStall: { target: '#kiosk.session.flow.failed', actions: { type: 'fail', params: 'PRINT_STALLED' } },
                        },
                      },
                    },
                  },
                },
              },

              takeItems: {
                // Paper is out: nothing personal is needed any more, and the card reminder is being shown.
                entry: ['pause', assign({ ...citizenDataCleared, cardWasRead: false })],
                on: { PAPER_TAKEN: { actions: assign({ paperWaiting: false }) } },
                initial: 'showing',
                states: {
                  showing: {
                    after: {
                      takeItems: [{ guard: 'paperWaiting', target: 'paperReminder' }, { target: '#kiosk.session.flow.rating' }],
                    },
                  },
                  paperReminder: {
                    on: { PAPER_TAKEN: { target: '#kiosk.session.flow.rating', actions: assign({ paperWaiting: false }) } },
                    after: { paperWaitMax: '#kiosk.session.flow.rating' },
                  },
                },
              },

              rating: {
                entry: [assign({ idle: 'short' }), 'watch'],
                on: {
                  RATE: {
                    target: 'thanks',
                    actions: emit(({ context, event }) => ({
                      type: 'rating' as const,
                      errandId: context.errand?.id ?? 'unknown',
                      score: event.score,
                      tags: event.tags,
                      outcome: sessionOutcome(context),
                    })),
                  },
                  SKIP_RATING: 'thanks',
                },
              },

              thanks: {
                entry: 'pause',
                // Through `ending`: after a failure the card may still be in the reader, and is asked for.
                after: { done: '#kiosk.ending' },
                on: { HOME: '#kiosk.ending' },
              },

              failed: {
                entry: [assign({ idle: 'short' }), 'watch'],
                on: {
                  // A refusal or a failure is an outcome too: the way home passes the rating (skipping is one tap).
                  CANCEL: { target: 'rating', actions: ['tellReceipt', assign(citizenDataCleared)] },
                  HOME: { target: 'rating', actions: ['tellReceipt', assign(citizenDataCleared)] },
                  RETRY: [
                    {
                      guard: { type: 'retryTo', params: 'placeCard' },
                      target: 'placeCard',
                      actions: assign({ retriedFailure: ({ context }) => context.failure, failure: null, badReads: 0, cardProblem: null }),
                    },
                    {
                      // A refused app code: a new challenge for a new code (the consent stands).
                      guard: { type: 'retryTo', params: 'appCode' },
                      target: 'appCode',
                      actions: assign({
                        retriedFailure: ({ context }) => context.failure,
                        failure: null,
                        certificates: null,
                        namedHolder: null,
                        consentGrantedAt: null,
                      }),
                    },
                    {
                      guard: { type: 'retryTo', params: 'consent' },
                      target: 'consent',
                      actions: assign({
                        retriedFailure: ({ context }) => context.failure,
                        failure: null,
                        certificates: null,
                        consentGrantedAt: null,
                        namedHolder: null,
                      }),
                    },
                    {
                      guard: { type: 'retryTo', params: 'printing' },
                      target: 'printing',
                      actions: assign({ retriedFailure: ({ context }) => context.failure, failure: null }),
                    },
                  ],
                },
              },
            },
          },
        },
      },

      // 核验证明: no card, gateway or printer, so no errand session (nothing is issued or told); idle goes home.
      paperCheck: {
        initial: 'scanning',
        exit: assign({ paperCheck: null }),
        on: { HOME: 'home', CANCEL: 'home', 'AGENT.STOPPING': 'home' },
        states: {
          scanning: {
            entry: assign({ idle: 'short' }),
            after: { idle: '#kiosk.home' },
            on: {
              TOUCH: { target: 'scanning', reenter: true },
              SCANNED: {
                guard: ({ event }) => event.kind === 'seal',
                target: 'result',
                actions: assign({ paperCheck: ({ event }) => services.checkPaper(event.data) }),
              },
            },
          },
          result: {
            entry: assign({ idle: 'long' }),
            after: { idle: '#kiosk.home' },
            on: {
              TOUCH: { target: 'result', reenter: true },
              CHECK_PAPER: { target: 'scanning', actions: assign({ paperCheck: null }) },
            },
          },
        },
      },

      ending: {
        entry: 'wipe',
        always: [{ guard: 'cardWasRead', target: 'takeCard' }, { target: 'home' }],
      },

      takeCard: {
        after: { takeCard: 'home' },
      },

      // Maintenance mode: only from the home or out-of-service screen (never during a citizen's session), and
      // no citizen event is handled while staff have the screen or the kiosk is out of service.
      staff: {
        entry: ['wipe', 'resetPrefs'],
        on: {
          SET_PREFS: {},
          'STAFF.LEAVE': [{ guard: ({ event }) => event.outOfService, target: 'outOfService' }, { target: 'home' }],
        },
      },

      outOfService: {
        entry: ['wipe', 'resetPrefs'],
        on: {
          SET_PREFS: {},
          'STAFF.ENTER': 'staff',
        },
      },
    },
  });
}

export type SessionMachine = ReturnType<typeof createSessionMachine>;
