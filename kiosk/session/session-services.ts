// What the session machine needs from the world: devices, gateway, documents, clock. The agent builds these
// from its configuration; machine tests pass fakes. The machine never sees a driver or a socket.

import type { A4PrintError, PrintDocument, PrinterReadiness, PrintJobProgress } from '../../device-drivers/a4-printer/a4-printer';
import type { DeviceResult } from '../../device-drivers/device-result';
import type { IdCard } from '../../device-drivers/id-reader/id-card';
import type { Result } from '../../device-drivers/result';
import type { Errand } from '../errands/catalogue';
import type { VerifiedCertificate } from '../gateway/certificate';
import type { FetchOutcome, FetchRequest } from '../gateway/gateway-client';
import type { PaperCheck } from './paper-check';
import type { QrPicture } from './session-view';

/** The challenge for the government app (sharing-gateway-v1.1), as the screen shows it. */
export interface ShownAppChallenge {
  /** `ZLBK1:<kioskId>:<nonce>`: what the QR carries. */
  text: string;
  nonce: string;
  /** How long the nonce is good for (120 s). */
  lifetimeMs: number;
  /** The QR's dark modules, drawn by the UI as one SVG path. */
  qr: QrPicture;
}

export interface SessionServices {
  /** Waits for a fresh card and reads it (the reader polls); aborts with the signal. */
  readCard(signal: AbortSignal): Promise<DeviceResult<IdCard>>;
  fetchCertificates(request: FetchRequest, signal: AbortSignal): Promise<FetchOutcome>;
  /** Renders the verified certificates into one print document. */
  prepareDocument(certificates: VerifiedCertificate[]): Promise<PrintDocument>;
  /** Asks the printer afresh before a job is handed over. */
  checkPrinter(): Promise<PrinterReadiness>;
  print(document: PrintDocument, onProgress: (progress: PrintJobProgress) => void): Promise<Result<PrintJobProgress, A4PrintError>>;
  /** Paper is still in the printer's output tray. */
  paperWaiting(): boolean;
  /** Whether an errand can be started now (gateway circuit, reader, printer). */
  errandAvailable(errand: Errand): boolean;
  /** A fresh challenge for the government app: a new nonce every time. */
  newAppChallenge(): ShownAppChallenge;
  /** A scanned seal (either form) checked offline against the kiosk's trust list: no gateway, no printer. */
  checkPaper(scanned: string): PaperCheck;
  now(): Date;
  /** Today in Asia/Shanghai, YYYY-MM-DD (card validity is a Shanghai date). */
  today(): string;
}
