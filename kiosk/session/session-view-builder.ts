// Builds the UI's view from the machine's snapshot: the one place that decides what the screen may see.
// Names and ID numbers are masked everywhere but on the preview, where the citizen must check them: there the
// view carries the print job's own PDF, so what is previewed is what prints, byte for byte.

import type { PrintDocument, PrinterReadiness } from '../../device-drivers/a4-printer/a4-printer';
import { maskIdNumber, maskName } from '../privacy/mask';
import { certTypeNames, type Errand } from '../errands/catalogue';
import { failureView } from './failures';
import { paperCheckView } from './paper-check';
import { printerWarningView } from './printer-warning';
import { partialErrandView } from './partial-errand';
import type { SessionMachine } from './session-machine';
import type { Bilingual, ErrandDetail, ErrandTile, KioskNoticeView, PreviewView, ScreenName, SessionView } from './session-view';
import type { SnapshotFrom } from 'xstate';
import type { VerifiedCertificate } from '../gateway/certificate';

export type SessionSnapshot = SnapshotFrom<SessionMachine>;

export interface ErrandAvailability {
  available: boolean;
  reason?: Bilingual;
  /** Set when the errand waits for a part of the kiosk (every one that is down): told in home's notice. */
  kioskProblems?: Bilingual[];
}

const purposeNames: Record<string, Bilingual> = {
  'provident-fund-withdrawal': { zh: '提取住房公积金', en: 'Provident-fund withdrawal' },
  'personal-record': { zh: '个人留存或提交单位', en: 'Personal records or an employer' },
  'residence-verification': { zh: '居住情况核验', en: 'Residence verification' },
};

function screenOf(snapshot: SessionSnapshot): ScreenName {
  if (snapshot.matches('home')) return 'home';
  if (snapshot.matches('staff')) return 'staff';
  if (snapshot.matches('outOfService')) return 'outOfService';
  if (snapshot.matches('takeCard') || snapshot.matches('ending')) return 'takeCard';
  if (snapshot.matches({ paperCheck: 'scanning' })) return 'checkScan';
  if (snapshot.matches({ paperCheck: 'result' })) return 'checkResult';
  const flow = (
    [
      'requirements',
      'placeCard',
      'consent',
      'appCode',
      'confirmIdentity',
      'fetching',
      'partial',
      'preview',
      'printing',
      'takeItems',
      'rating',
      'thanks',
      'failed',
    ] as const
  ).find((step) => snapshot.matches({ session: { flow: step } }));
  if (flow) return flow;
  if (snapshot.matches({ session: { flow: 'cardChecked' } })) return 'placeCard';
  if (snapshot.matches({ session: { flow: 'preparing' } })) return 'fetching';
  throw new Error(`no screen for state ${JSON.stringify(snapshot.value)}`);
}

function tile(errand: Errand, availability: (errand: Errand) => ErrandAvailability): ErrandTile {
  const { available, reason } = availability(errand);
  return { id: errand.id, name: errand.name, summary: errand.summary, available, ...(reason ? { unavailableReason: reason } : {}) };
}

/** One notice for every errand held up by the kiosk's parts, each problem said once. */
function kioskNotice(catalogue: Errand[], availability: (errand: Errand) => ErrandAvailability): KioskNoticeView | null {
  const problems = new Map<string, Bilingual>();
  const errands: KioskNoticeView['errands'] = [];
  for (const errand of catalogue) {
    const { kioskProblems } = availability(errand);
    if (!kioskProblems?.length) continue;
    errands.push({ id: errand.id, name: errand.name });
    for (const problem of kioskProblems) problems.set(problem.zh, problem);
  }
  return errands.length > 0 ? { problems: [...problems.values()], errands } : null;
}

function detail(errand: Errand, availability: (errand: Errand) => ErrandAvailability): ErrandDetail {
  return {
    ...tile(errand, availability),
    certificates: errand.certTypes.map((type) => certTypeNames[type]),
    bring: errand.bring,
    sources: errand.sources,
    purpose: purposeNames[errand.purposeCode] ?? { zh: errand.purposeCode, en: errand.purposeCode },
  };
}

/** A PDF's base64, made once per document however often the view is built (the countdown ticks each second). */
const pdfBase64Of = new WeakMap<PrintDocument, string>();

function previewOf(document: PrintDocument, certificates: readonly VerifiedCertificate[]): PreviewView {
  let pdfBase64 = pdfBase64Of.get(document);
  if (pdfBase64 === undefined) {
    pdfBase64 = Buffer.from(document.pdf.buffer, document.pdf.byteOffset, document.pdf.byteLength).toString('base64');
    pdfBase64Of.set(document, pdfBase64);
  }
  return {
    pdfBase64,
    pages: document.pages,
    papers: certificates.map(({ title, certId }) => ({ title, certId })),
  };
}

/** `printer` is asked only on the preview, which warns before 打印 when the printer cannot print. */
export function buildSessionView(
  snapshot: SessionSnapshot,
  availability: (errand: Errand) => ErrandAvailability,
  printer: () => PrinterReadiness,
): SessionView {
  const { context } = snapshot;
  const screen = screenOf(snapshot);
  const card = context.card;
  const named = context.namedHolder;
  const preview =
    screen === 'preview' && context.document && context.certificates ? previewOf(context.document, context.certificates) : null;
  return {
    screen,
    prefs: context.prefs,
    errands: screen === 'home' ? context.catalogue.map((errand) => tile(errand, availability)) : [],
    kioskNotice: screen === 'home' ? kioskNotice(context.catalogue, availability) : null,
    errand: context.errand && screen !== 'home' ? detail(context.errand, availability) : null,
    holder: card
      ? { maskedName: maskName(card.name), maskedIdNumber: maskIdNumber(card.idNumber) }
      : named && screen !== 'confirmIdentity'
        ? { maskedName: maskName(named.name), maskedIdNumber: maskIdNumber(named.idNumber) }
        : null,
    cardProblem:
      screen === 'placeCard' && context.cardProblem
        ? { zh: '未能读取身份证，请拿起后重新平放在读卡区', en: 'The card could not be read. Lift it and lay it flat on the reader again.' }
        : null,
    preview,
    printerWarning: screen === 'preview' ? printerWarningView(printer()) : null,
    printStage: screen === 'printing' || screen === 'takeItems' ? context.printStage : null,
    canCancel: snapshot.matches('session') && !snapshot.matches({ session: { flow: { printing: 'running' } } }),
    failure: screen === 'failed' && context.failure ? failureView(context.failure, context.failure === context.retriedFailure) : null,
    partial:
      (screen === 'partial' || screen === 'preview' || screen === 'takeItems') && context.partial
        ? partialErrandView(context.partial)
        : null,
    countdown: snapshot.matches({ session: { attention: 'warning' } })
      ? { secondsLeft: context.countdown, canExtend: context.extensions < context.settings.maxExtensions }
      : null,
    paperWaiting: context.paperWaiting,
    paperCheck: screen === 'checkResult' && context.paperCheck ? paperCheckView(context.paperCheck) : null,
    appChallenge:
      screen === 'appCode' && context.appChallenge
        ? {
            text: context.appChallenge.text,
            qr: context.appChallenge.qr,
            expired: snapshot.matches({ session: { flow: { appCode: 'expired' } } }),
            lifetimeSeconds: Math.round(context.appChallenge.lifetimeMs / 1000),
            problem: context.appCodeProblem,
          }
        : null,
    namedHolder: screen === 'confirmIdentity' && named ? { name: named.name, maskedIdNumber: maskIdNumber(named.idNumber) } : null,
  };
}
