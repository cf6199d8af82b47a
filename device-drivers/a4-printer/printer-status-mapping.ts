// IPP printer-state, printer-state-reasons and job-state (RFC 8011 §5.3.7, §5.4.11–12, PWG 5100.9) in the kiosk's
// words (a4-printer.ts). This file and the driver are the only places that know IPP's keywords. Reasons are read
// without their -report/-warning/-error suffix for the printer's status; for a waiting job a `-report` reason is
// only informational (see blockingReasons).

import type { A4PrinterStatus, A4StallReason, A4Supplies, PrintJobStage, PrintStallReason } from './a4-printer';
import type { JobStateName, PrinterAttributes } from './ipp-operations';

export const PRINTER_STATE = { idle: 3, processing: 4, stopped: 5 } as const;

/** `printer-state` by its name, for staff; a value outside the standard's three is shown as the number it is. */
export function printerStateName(state: number | null): string | null {
  if (state === null) return null;
  const named = Object.entries(PRINTER_STATE).find(([, value]) => value === state);
  return named ? named[0] : String(state);
}

/** `media-empty-warning` → `media-empty`. */
export function baseReason(reason: string): string {
  return reason.replace(/-(report|warning|error)$/, '');
}

/** The reasons that stop a job, in the kiosk's words; the first that applies is the one told. */
const STOPPING_REASONS: ReadonlyArray<readonly [PrintStallReason, readonly string[]]> = [
  ['jam', ['media-jam']],
  ['paperOut', ['media-empty', 'media-needed']],
  ['tonerOut', ['toner-empty', 'marker-supply-empty']],
  ['coverOpen', ['door-open', 'cover-open', 'interlock-open']],
  ['trayMissing', ['input-tray-missing', 'output-tray-missing']],
  ['outputFull', ['output-area-full']],
  // Staff paused or switched it off, or it is going away.
  ['paused', ['paused', 'moving-to-paused']],
  ['offline', ['offline', 'shutdown', 'stopping', 'stopped']],
  // Needs an engineer.
  ['printerError', ['fuser-over-temp', 'fuser-under-temp', 'opc-life-over', 'interpreter-resource-unavailable', 'marker-waste-full']],
];

const KIOSK_REASON = new Map(STOPPING_REASONS.flatMap(([reason, keywords]) => keywords.map((k) => [k, reason] as const)));

/** A person must act at the printer (a jam, an open cover, a missing tray): it cannot print until then. */
const PERSON_IN_THE_WAY: ReadonlySet<PrintStallReason> = new Set(['jam', 'coverOpen', 'trayMissing', 'outputFull']);

/** The kiosk's reasons among IPP reasons, strongest first. */
function kioskReasons(reasons: Iterable<string>): PrintStallReason[] {
  const present = new Set<PrintStallReason>();
  for (const reason of reasons) {
    const mapped = KIOSK_REASON.get(baseReason(reason));
    if (mapped) present.add(mapped);
  }
  return STOPPING_REASONS.map(([reason]) => reason).filter((reason) => present.has(reason));
}

function isStallReason(reason: PrintStallReason): reason is A4StallReason {
  return reason !== 'paused' && reason !== 'offline' && reason !== 'printerError' && reason !== 'unknown';
}

export function mapPrinterStatus(printer: PrinterAttributes): A4PrinterStatus {
  const base = new Set(printer.reasons.map(baseReason));
  const present = kioskReasons(base);
  const has = (reason: PrintStallReason) => present.includes(reason);
  const supplies: A4Supplies = {
    paper: has('jam') ? 'jammed' : has('paperOut') ? 'out' : base.has('media-low') ? 'low' : 'full',
    toner: has('tonerOut') ? 'out' : base.has('toner-low') || base.has('marker-supply-low') ? 'low' : 'full',
    // IPP cannot see the output tray; only a jam is known to be there.
    media: has('jam') ? 'jammed' : 'unknown',
  };
  // The strongest reason a person must act for; paper and toner count only while nothing graver holds it.
  const stall = present.filter(isStallReason)[0];
  const personInTheWay = present.some((reason) => PERSON_IN_THE_WAY.has(reason));
  const knownState = Object.values(PRINTER_STATE).some((state) => state === printer.state);

  if (has('printerError')) return { state: 'hardwareError', ...supplies };
  if (stall && personInTheWay) return { state: 'stalled', reason: stall, ...supplies };
  if (has('paused') || has('offline') || printer.acceptingJobs === false) return { state: 'offline', ...supplies };
  // Out of paper or toner, idle or stopped for it: the printer is there and waiting.
  if (stall && knownState) return { state: 'stalled', reason: stall, ...supplies };
  if (printer.state === PRINTER_STATE.processing) return { state: 'printing', ...supplies };
  if (printer.state === PRINTER_STATE.idle) return { state: 'ready', ...supplies };
  if (printer.state === PRINTER_STATE.stopped) return { state: 'offline', ...supplies };
  return { state: 'hardwareError', ...supplies };
}

/** The status of a printer that does not answer at all. */
export const NO_PRINTER: A4PrinterStatus = { state: 'noDevice' };

/** The reasons, without suffix and duplicates, that keep a waiting job from printing. */
export function blockingReasons(reasons: string[]): string[] {
  const out = new Set<string>();
  for (const reason of reasons) {
    if (reason.endsWith('-report')) continue;
    const base = baseReason(reason);
    if (KIOSK_REASON.has(base)) out.add(base);
  }
  return [...out];
}

/**
 * Where a job is, from its IPP state and the reasons that hold it (the printer's blocking reasons and the job's
 * own). A canceled or aborted job has no stage: print() says how it ended.
 */
export function jobStage(state: JobStateName, reasons: string[]): PrintJobStage | null {
  switch (state) {
    case 'pending':
    case 'pending-held':
      return { stage: 'sent' };
    case 'processing':
      return { stage: 'printing' };
    case 'processing-stopped':
      return { stage: 'stalled', reason: kioskReasons(reasons)[0] ?? 'unknown' };
    case 'completed':
      return { stage: 'done' };
    case 'canceled':
    case 'aborted':
      return null;
  }
}
