// Calendar dates as people in Zhejiang read them: Asia/Shanghai, whatever the machine's time zone (CI runs
// in UTC). China has kept UTC+8 without daylight saving since 1991, so a fixed offset is exact for any
// certificate this kiosk can see, and needs no ICU time-zone data.

export interface CalendarDate {
  y: number;
  /** 1–12. */
  m: number;
  /** 1–31. */
  d: number;
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
// A zone designator is required: a time without one would be read in the machine's zone, the bug this avoids.
const TIME_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * The Asia/Shanghai calendar date of an instant (a Date or an RFC 3339 time with a zone), or of a
 * `YYYY-MM-DD` string, which by the gateway's convention already is a Shanghai date and is taken as it is.
 * Throws RangeError on anything else; the message never repeats the input.
 */
export function shanghaiDate(input: string | Date): CalendarDate {
  if (typeof input === 'string') {
    const dateOnly = DATE_ONLY.exec(input);
    if (dateOnly) return checkedDate(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]));
    if (!TIME_WITH_ZONE.test(input)) throw new RangeError('shanghaiDate: expected YYYY-MM-DD or an RFC 3339 time with a zone');
  }
  const ms = typeof input === 'string' ? Date.parse(input) : input.getTime();
  if (Number.isNaN(ms)) throw new RangeError('shanghaiDate: invalid date');
  const shifted = new Date(ms + SHANGHAI_OFFSET_MS);
  return { y: shifted.getUTCFullYear(), m: shifted.getUTCMonth() + 1, d: shifted.getUTCDate() };
}

/** 2026年1月5日 — the official style: full year, months and days without leading zeros (GB/T 9704). */
export function formatDateZh(date: CalendarDate): string {
  return `${date.y}年${date.m}月${date.d}日`;
}

/** 2026-01-05. */
export function formatDateIso(date: CalendarDate): string {
  return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

function checkedDate(y: number, m: number, d: number): CalendarDate {
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) {
    throw new RangeError('shanghaiDate: no such calendar day');
  }
  return { y, m, d };
}
