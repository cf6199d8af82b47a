// Times staff read on screen (ends at, unlocks at, record times), in the kiosk's own zone whatever the
// browser's: the agent sends ISO 8601 instants.

const CLOCK = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false });
// sv-SE writes dates as YYYY-MM-DD, the form used everywhere else in the kiosk.
const DATE_TIME = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** "14:05" in Asia/Shanghai; the text as sent when it is not a date. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : CLOCK.format(date);
}

/** "2026-11-30 14:05" in Asia/Shanghai; the text as sent when it is not a date. */
export function dateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
}
