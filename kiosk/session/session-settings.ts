// Every timing of the session, configurable so that tests and slow kiosks can change them.

export interface SessionSettings {
  /** No touch for this long on an ordinary step shows the countdown (ux.md: 90 s). */
  idleMs: number;
  /** The same on consent and preview, which take reading (ux.md: 180 s). */
  longIdleMs: number;
  /** The countdown's length in seconds (ux.md: 30 s). */
  countdownSeconds: number;
  /** How often the citizen may tap "continue" (ux.md: at least 10). */
  maxExtensions: number;
  /** Bad reads in a row before the citizen is sent to a staffed window. */
  maxCardAttempts: number;
  /** "Take your ID card" at the end of a session that read a card (ux.md: at least 5 s). */
  takeCardMs: number;
  /** "Take your paper and your card" after printing, at least this long. */
  takeItemsMs: number;
  /** Paper left in the tray: a reminder every so often … */
  paperReminderMs: number;
  /** … for at most this long, then the session moves on. */
  paperWaitMaxMs: number;
  /** The done screen returns home after this (ux.md: 30 s). */
  doneMs: number;
  /** Machine waits: beyond these the citizen gets an error with a next step. */
  fetchDeadlineMs: number;
  prepareDeadlineMs: number;
  /** A job that stops (paper out, jam) is waited for this long before the citizen is sent to staff. */
  printStallMs: number;
  /** A job handed over that has not finished after this long (held, queued, stuck) goes to staff. */
  printJobMaxMs: number;
}

export const defaultSessionSettings: SessionSettings = {
  idleMs: 90_000,
  longIdleMs: 180_000,
  countdownSeconds: 30,
  maxExtensions: 10,
  maxCardAttempts: 3,
  takeCardMs: 5_000,
  takeItemsMs: 5_000,
  paperReminderMs: 5_000,
  paperWaitMaxMs: 60_000,
  doneMs: 30_000,
  fetchDeadlineMs: 25_000,
  prepareDeadlineMs: 15_000,
  printStallMs: 180_000,
  printJobMaxMs: 300_000,
};
