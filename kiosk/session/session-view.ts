// What the UI receives: a sanitized picture of the session, never more citizen data than the screen shows.
// Shared by the agent (which builds it) and the UI (which renders it); type-only, no runtime code.

import type { MaintenanceView } from '../maintenance/maintenance-view';

export type Language = 'zh' | 'en';

export interface Bilingual {
  zh: string;
  en: string;
}

/** Display preferences: one tap away on every screen, reset when a session ends. */
export interface DisplayPrefs {
  language: Language;
  elderly: boolean;
  largeText: boolean;
  highContrast: boolean;
  muted: boolean;
}

export type ScreenName =
  | 'home' // the errand menu
  | 'requirements' // 一次告知: what the errand needs, a single Start
  | 'placeCard' // place the ID card on the reader
  | 'consent' // what will be fetched, from whom, for what
  | 'appCode' // the challenge QR for 浙里办, then the phone's code under the scanner
  | 'confirmIdentity' // who the app code named: 是您本人吗？
  | 'fetching' // asking the gateway
  | 'partial' // 一件事 with a part refused: which were issued, which not and why; print those issued, or stop
  | 'preview' // the documents as they will print; the full name and ID number on this screen only
  | 'printing' // the job's progress
  | 'takeItems' // take your paper and your card
  | 'rating' // 好差评
  | 'thanks' // done; returns home after 30 s
  | 'failed' // what happened, whose fault, what to do now
  | 'takeCard' // end of a session that read a card: take your ID card
  | 'staff' // maintenance mode: staff have the screen (the maintenance view says what they see)
  | 'outOfService' // staff took the kiosk out of service: the designed page with the next steps
  | 'checkScan' // 核验证明: hold a paper's QR under the scanner
  | 'checkResult'; // the paper's seal: valid or why not, and its claims

export interface ErrandTile {
  id: string;
  name: Bilingual;
  summary: Bilingual;
  /** False when the errand cannot be done now (e.g. the gateway's circuit is open). */
  available: boolean;
  unavailableReason?: Bilingual;
}

/**
 * On home while a part every errand needs is down (the printer, the card reader, the data-sharing service):
 * one notice at the top says so, with the next steps, instead of a wall of greyed tiles.
 */
export interface KioskNoticeView {
  /** What is down, one line each. */
  problems: Bilingual[];
  /** The errands that wait for it: named in the notice, not drawn as tiles. */
  errands: Array<{ id: string; name: Bilingual }>;
}

export interface ErrandDetail extends ErrandTile {
  certificates: Bilingual[];
  bring: Bilingual[];
  sources: Bilingual[];
  purpose: Bilingual;
}

/**
 * The preview: the print job's own PDF, the very bytes 打印 sends to the printer, drawn by the preview screen.
 * The only place the full name and ID number reach the screen.
 */
export interface PreviewView {
  /** The print job's PDF, base64. */
  pdfBase64: string;
  pages: number;
  /** One per certificate, in print order: "共 2 份" when an errand prints several. */
  papers: Array<{ title: string; certId: string }>;
}

export interface PrinterWarningView {
  problem: 'paperOut' | 'jammed' | 'unavailable' | 'tonerOut';
  title: Bilingual;
  detail: Bilingual;
  nextSteps: Bilingual[];
}

export type PrintStage = 'preparing' | 'sent' | 'printing' | 'waitingForPaper' | 'jammed' | 'stopped' | 'done';

export interface FailureView {
  /** Stable code, for tests and staff: e.g. `NOT_ELIGIBLE`, `PRINTER_OUT_OF_PAPER`. */
  code: string;
  /**
   * Whose doing: the citizen can fix it, this kiosk (its devices) is at fault, the data-sharing service or a
   * department failed, or the source department said no.
   */
  fault: 'citizen' | 'kiosk' | 'service' | 'source';
  title: Bilingual;
  detail: Bilingual;
  nextSteps: Bilingual[];
  canRetry: boolean;
  /** 重试 met the same fault again: the title says what is still wrong. */
  repeated: boolean;
}

/** 一件事 with a part refused by its department (`partial`, and after it on the preview and take-items screens). */
export interface PartialErrandView {
  issued: Bilingual[];
  missing: Array<{ certificate: Bilingual; reason: Bilingual; whereToGo: Bilingual[] }>;
}

export interface CountdownView {
  secondsLeft: number;
  /** False once the citizen has used every extension. */
  canExtend: boolean;
}

export interface SessionView {
  screen: ScreenName;
  prefs: DisplayPrefs;
  errands: ErrandTile[];
  /** Only on home, and only while a part the errands need is down. */
  kioskNotice: KioskNoticeView | null;
  errand: ErrandDetail | null;
  /** Masked (张*三, 330106********1234) once a card has been read. */
  holder: { maskedName: string; maskedIdNumber: string } | null;
  /** On placeCard: the last read failed and the citizen may place the card again. */
  cardProblem: Bilingual | null;
  /** Only on the preview screen. */
  preview: PreviewView | null;
  /** Only on the preview: the printer cannot print now (paper out, jam, offline), said before 打印 is tapped. */
  printerWarning: PrinterWarningView | null;
  printStage: PrintStage | null;
  /** Cancel is offered until a print job has been handed to the printer. */
  canCancel: boolean;
  failure: FailureView | null;
  /** On the partial screen, and on the preview and take-items screens that follow its choice to print. */
  partial: PartialErrandView | null;
  countdown: CountdownView | null;
  /** Paper is still in the printer's output tray. */
  paperWaiting: boolean;
  /** Only on the check's result screen. */
  paperCheck: PaperCheckView | null;
  /** Only on the app-code screen. */
  appChallenge: AppChallengeView | null;
  /** Only on the "is this you?" screen: the name in full, the number masked. */
  namedHolder: { name: string; maskedIdNumber: string } | null;
}

/** A QR code's dark modules as one SVG path in module units, on a `size`×`size` grid (quiet zone not included). */
export interface QrPicture {
  size: number;
  path: string;
}

export interface AppChallengeView {
  /** What the QR carries (`ZLBK1:<kioskId>:<nonce>`): no secret, anyone can read it off the screen. */
  text: string;
  qr: QrPicture;
  /** The challenge is no longer good: the screen offers a new one. */
  expired: boolean;
  /** The challenge's life in seconds, counted down on screen from when this QR first appears. */
  lifetimeSeconds: number;
  /** A scan the kiosk did not send anywhere, and why. */
  problem: 'notAppCode' | 'challengeExpired' | null;
}

/** Another place the citizen can go: a staffed window or another kiosk nearby (the configuration's servicePoints). */
export interface ServicePointView {
  kind: 'window' | 'kiosk';
  name: Bilingual;
  place: Bilingual;
  hours: Bilingual;
}

/** The claims of a seal whose signature checked out, as the paper states them (the ID number comes masked). */
export interface PaperClaimsView {
  certType: Bilingual;
  certId: string;
  holderName: string;
  maskedIdNumber: string;
  facts: Array<{ label: Bilingual; value: string }>;
  issuerName: string;
  /** Asia/Shanghai dates, YYYY-MM-DD. */
  issuedOn: string;
  validUntil: string;
}

export interface PaperCheckView {
  /** Only `valid` may be shown as good; a test issuer and a stale list are shown as warnings. */
  verdict: 'valid' | 'test-issuer' | 'cannot-confirm' | 'invalid';
  /** The verdict in plain words; for an invalid seal, the reason (seal-kq1.md). */
  verdictText: Bilingual;
  /** Null for an invalid seal: claims that did not check out are not shown. */
  claims: PaperClaimsView | null;
}

/** Kiosk facts that are not about a citizen: sent once on connect and whenever they change. */
export interface KioskInfo {
  kioskId: string;
  /** The nearest other kiosks and staffed windows, nearest first: failure screens name them as next steps. */
  servicePoints: ServicePointView[];
  /** Simulated devices configured: the UI shows the dev panel. */
  devPanel: boolean;
  testCards: Array<{ key: string; label: Bilingual }>;
  /** Development only: the staff id and PIN that go with the dev panel's maintenance codes (null in production). */
  devMaintenance?: { staffId: string; pin: string } | null;
}

/** Agent → UI messages over the WebSocket. `maintenance` is null whenever staff are not at the kiosk. */
export type AgentMessage =
  { type: 'view'; view: SessionView } | { type: 'kiosk'; info: KioskInfo } | { type: 'maintenance'; view: MaintenanceView | null };
