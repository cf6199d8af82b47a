// What the touch UI shows staff in maintenance mode: device facts, test results and counts, never a citizen's
// data (a card read in its self-test is shown masked; a scanned code as its length and symbology until staff
// reveal it on screen). Shared by the agent (which builds it) and the UI (which renders it); type-only.

/** A text in both languages (the session view's `Bilingual`, spelled out so the two contract files stand apart). */
interface Bilingual {
  zh: string;
  en: string;
}

/** Why a scanned maintenance code was refused: each has its own sentence on the home screen. */
export type CodeRefusal =
  | 'malformed' // not a maintenance code of this kiosk's format
  | 'badSignature' // not signed by the configured maintenance key
  | 'expired'
  | 'tooLongLived' // `exp` more than 12 h ahead
  | 'otherKiosk' // `aud` does not name this kiosk
  | 'unknownStaff' // `sub` is not a staff id of the configuration
  | 'notConfigured' // this kiosk has no maintenance key configured
  | 'locked'; // five wrong PINs: entry is locked until `lockedUntil`

export type MaintenanceDevice = 'idReader' | 'scanner' | 'a4Printer' | 'receiptPrinter';

/** What staff can ask for from the test page; `cardRead` and `scanCode` need a person at the kiosk. */
export type MaintenanceTest =
  | 'all' // every status test, no paper
  | 'cardRead'
  | 'scanCode'
  | 'a4TestPage'
  | 'testReceipt'
  | 'gateway';

export interface DeviceLine {
  device: MaintenanceDevice;
  /** False for a receipt printer the configuration does not name. */
  configured: boolean;
  usable: boolean;
  /** The status union's state word (devices.md), e.g. `ready`, `noDevice`, `stalled`. */
  state: string;
  /** The status's other fields as name → value (paper level, error code…): device facts only. */
  facts: Array<{ name: string; value: string }>;
}

export interface GatewayLine {
  available: boolean;
  breaker: string;
  clockOffsetMs: number | null;
  trustListVersion: string;
  /** ISO 8601. */
  trustListNextUpdate: string;
  trustListStale: boolean;
  /** A `test` trust list: every paper this kiosk prints is a specimen. */
  trustListTest: boolean;
  templateVersion: string;
}

/** Paper since the last "paper refilled" (persisted across restarts). */
export interface PaperLine {
  printer: 'a4Printer' | 'receiptPrinter';
  /** ISO 8601, or null before the first refill was recorded. */
  refilledAt: string | null;
  /** Sheets (A4) or receipts printed since. */
  usedSince: number;
}

/** A stored self-test record (diagnostic-record.ts), as shown. */
export interface RecordLine {
  id: string;
  test: string;
  startedAt: string;
  durationMs: number;
  by: string;
  outcome: 'passed' | 'failed' | 'skipped';
  details: Array<{ name: string; value: string }>;
}

/** A staff alert or a failed session's code, newest first (persisted: the audit log). */
export interface ErrorLine {
  at: string;
  /** The alert's reason or the failure's code: a code written in the source, never free text. */
  code: string;
}

export interface RatingCounts {
  /** ISO 8601: counts since then (persisted across restarts). */
  since: string;
  /** Index 0 is score 1 (非常不满意) … index 4 is score 5 (非常满意). */
  byScore: [number, number, number, number, number];
  byErrand: Array<{ errandId: string; name: Bilingual; byScore: [number, number, number, number, number] }>;
}

/** The last test or action staff started, and how it ended. */
export type ActionOutcome =
  | { kind: 'records'; test: MaintenanceTest; records: RecordLine[] }
  | { kind: 'cardRead'; outcome: 'passed' | 'failed'; maskedName: string | null; maskedIdNumber: string | null; problem: string | null }
  | {
      kind: 'scanCode';
      outcome: 'passed' | 'failed';
      length: number | null;
      symbology: string | null;
      /** The code's text: only after staff tap "reveal", and only on screen. */
      revealed: string | null;
      problem: string | null;
    }
  | { kind: 'paperRefilled'; printer: 'a4Printer' | 'receiptPrinter' }
  | { kind: 'service'; outOfService: boolean }
  | { kind: 'refused'; action: string; reason: Bilingual };

export interface MaintenanceData {
  devices: DeviceLine[];
  gateway: GatewayLine;
  paper: PaperLine[];
  records: RecordLine[];
  errors: ErrorLine[];
  ratings: RatingCounts;
  /** Citizens see the out-of-service page once staff leave. */
  outOfService: boolean;
  /** The agent can restart itself (under systemd); false in development. */
  canRestart: boolean;
}

export type MaintenanceView =
  /** On the home (or out-of-service) screen, for a few seconds: why the scanned code was refused. */
  | { stage: 'codeRefused'; reason: CodeRefusal; lockedUntil: string | null }
  /** The code was good: the PIN keypad. */
  | { stage: 'pin'; staffId: string; attemptsLeft: number; wrongPin: boolean; checking: boolean }
  | {
      stage: 'open';
      staffId: string;
      /** ISO 8601: when maintenance mode ends whatever staff do (12 h after entry, or the code's expiry if sooner). */
      endsAt: string;
      /** Seconds left before the idle limit sends the kiosk back to service; null until the last minute. */
      idleWarning: number | null;
      data: MaintenanceData;
      /** A test or action in progress: the UI disables the others. */
      running: MaintenanceTest | 'paperRefilled' | 'service' | 'restart' | null;
      last: ActionOutcome | null;
    };

/** Maintenance mode once the PIN was right: what the staff pages render. */
export type OpenMaintenanceView = Extract<MaintenanceView, { stage: 'open' }>;
