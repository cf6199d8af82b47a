// IPP printer-state and printer-state-reasons (RFC 8011 §5.4.11–12, PWG 5100.9) in the kiosk's status model
// (shared/reference/devices.md). Reasons are read without their -report/-warning/-error suffix for levels;
// the suffix only decides whether a reason stops a job that is waiting (see blockingReasons).

import type { A4PrinterStatus } from './a4-printer';
import type { PrinterAttributes } from './ipp-operations';

export const PRINTER_STATE = { idle: 3, processing: 4, stopped: 5 } as const;

/** `media-empty-warning` → `media-empty`. */
export function baseReason(reason: string): string {
  return reason.replace(/-(report|warning|error)$/, '');
}

/** A person must act (open cover, jam, missing tray): the device is there but cannot print until then. */
const USER_ERRORS = new Set([
  'media-jam', 'door-open', 'cover-open', 'interlock-open', 'input-tray-missing', 'output-tray-missing', 'output-area-full',
]);
/** Staff switched it off or it is going away. */
const OFFLINE = new Set(['offline', 'paused', 'moving-to-paused', 'shutdown', 'stopping', 'stopped']);
/** Needs an engineer. */
const HARDWARE_ERRORS = new Set(['fuser-over-temp', 'fuser-under-temp', 'opc-life-over', 'interpreter-resource-unavailable', 'marker-waste-full']);

/** Reasons that stop a job from printing, as plain keywords; `-report` ones are only informational. */
const STOPS_A_JOB = new Set(['media-empty', 'media-needed', 'toner-empty', 'marker-supply-empty', ...USER_ERRORS, ...OFFLINE, ...HARDWARE_ERRORS]);

export function mapPrinterStatus(printer: PrinterAttributes): A4PrinterStatus {
  const reasons = new Set(printer.reasons.map(baseReason));
  const has = (...keywords: string[]) => keywords.some((k) => reasons.has(k));
  const jammed = has('media-jam');

  let device: A4PrinterStatus['device'];
  if ([...reasons].some((r) => HARDWARE_ERRORS.has(r))) device = 'hardwareError';
  else if ([...reasons].some((r) => USER_ERRORS.has(r))) device = 'userError';
  else if ([...reasons].some((r) => OFFLINE.has(r)) || printer.acceptingJobs === false) device = 'offline';
  else if (printer.state === PRINTER_STATE.processing) device = 'busy';
  else if (printer.state === PRINTER_STATE.idle) device = 'online';
  // Stopped for a reason this model shows elsewhere (paper or toner out): the printer is there and waiting.
  else if (printer.state === PRINTER_STATE.stopped) device = has('media-empty', 'media-needed', 'toner-empty', 'marker-supply-empty') ? 'online' : 'offline';
  else device = 'hardwareError';

  return {
    device,
    paper: jammed ? 'jammed' : has('media-empty', 'media-needed') ? 'out' : has('media-low') ? 'low' : 'full',
    toner: has('toner-empty', 'marker-supply-empty') ? 'out' : has('toner-low', 'marker-supply-low') ? 'low' : 'full',
    // IPP cannot see the output tray; only a jam is known to be there.
    media: jammed ? 'jammed' : 'unknown',
  };
}

/** The status of a printer that does not answer at all. */
export const NO_PRINTER: A4PrinterStatus = { device: 'noDevice', paper: 'unknown', toner: 'unknown', media: 'unknown' };

/** The reasons, without suffix and duplicates, that keep a waiting job from printing. */
export function blockingReasons(reasons: string[]): string[] {
  const out = new Set<string>();
  for (const reason of reasons) {
    if (reason.endsWith('-report')) continue;
    const base = baseReason(reason);
    if (STOPS_A_JOB.has(base)) out.add(base);
  }
  return [...out];
}
