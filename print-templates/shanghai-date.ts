// The kiosk's one calendar: dates and clock times as people in Zhejiang read them, Asia/Shanghai, whatever the
// machine's time zone (CI runs in UTC). China has kept UTC+8 without daylight saving since 1991, so a fixed
// offset is exact for any certificate this kiosk can see, and needs no ICU time-zone data. The templates, the
// gateway client, the session and the tools all take their dates from here.

export interface CalendarDate {
  y: number;
  /** 1–12. */
  m: number;
  /** 1–31. */
  d: number;
}

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_ONLY = /^(\d{4})-(\d{2})$/;
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
    if (dateOnly) {
      const date = calendarDay(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]));
      if (!date) throw new RangeError('shanghaiDate: no such calendar day');
      return date;
    }
    if (!TIME_WITH_ZONE.test(input)) throw new RangeError('shanghaiDate: expected YYYY-MM-DD or an RFC 3339 time with a zone');
  }
  const shifted = shanghaiWallClock(typeof input === 'string' ? Date.parse(input) : input.getTime());
  return { y: shifted.getUTCFullYear(), m: shifted.getUTCMonth() + 1, d: shifted.getUTCDate() };
}

/** The Asia/Shanghai date of an instant (or a `YYYY-MM-DD` taken as it is), as `YYYY-MM-DD`. */
export function shanghaiIsoDate(input: string | Date): string {
  return formatDateIso(shanghaiDate(input));
}

/** The Asia/Shanghai clock time of an instant, `HH:MM`. */
export function shanghaiClockTime(instant: Date): string {
  const shifted = shanghaiWallClock(instant.getTime());
  return `${String(shifted.getUTCHours()).padStart(2, '0')}:${String(shifted.getUTCMinutes()).padStart(2, '0')}`;
}

/** The Asia/Shanghai date and clock time of an instant: "2026-11-23 10:15". */
export function shanghaiDateTime(instant: Date): string {
  return `${shanghaiIsoDate(instant)} ${shanghaiClockTime(instant)}`;
}

/** True for a `YYYY-MM-DD` that names a real day. */
export function isIsoDate(text: string): boolean {
  const match = DATE_ONLY.exec(text);
  return match !== null && calendarDay(Number(match[1]), Number(match[2]), Number(match[3])) !== null;
}

/** A `YYYY-MM-DD` date plus whole days (negative for earlier), as `YYYY-MM-DD`. */
export function addDays(date: string, days: number): string {
  const { y, m, d } = shanghaiDate(date);
  const moved = new Date(Date.UTC(y, m - 1, d + days));
  return formatDateIso({ y: moved.getUTCFullYear(), m: moved.getUTCMonth() + 1, d: moved.getUTCDate() });
}

/** The last second of a `YYYY-MM-DD` date in Asia/Shanghai (23:59:59+08:00), in milliseconds since the epoch. */
export function endOfShanghaiDay(date: string): number {
  const { y, m, d } = shanghaiDate(date);
  return Date.UTC(y, m - 1, d, 23, 59, 59) - SHANGHAI_OFFSET_MS;
}

/** 2026年1月5日 — the official style: full year, months and days without leading zeros (GB/T 9704). */
export function formatDateZh(date: CalendarDate): string {
  return `${date.y}年${date.m}月${date.d}日`;
}

/** 2026-10 → 2026年10月, a month as Chinese documents write it. */
export function formatMonthZh(month: string): string {
  const match = MONTH_ONLY.exec(month);
  const m = Number(match?.[2]);
  if (!match || m < 1 || m > 12) throw new RangeError('formatMonthZh: expected YYYY-MM');
  return `${Number(match[1])}年${m}月`;
}

/** 2026-01-05. */
export function formatDateIso(date: CalendarDate): string {
  return `${String(date.y).padStart(4, '0')}-${String(date.m).padStart(2, '0')}-${String(date.d).padStart(2, '0')}`;
}

/** A Date whose UTC fields read as the Shanghai wall clock at `ms`. */
function shanghaiWallClock(ms: number): Date {
  if (Number.isNaN(ms)) throw new RangeError('shanghaiDate: invalid date');
  return new Date(ms + SHANGHAI_OFFSET_MS);
}

/** The day, or null when Date.UTC would roll it over (02-30, month 13). */
function calendarDay(y: number, m: number, d: number): CalendarDate | null {
  const probe = new Date(Date.UTC(y, m - 1, d));
  if (probe.getUTCFullYear() !== y || probe.getUTCMonth() !== m - 1 || probe.getUTCDate() !== d) return null;
  return { y, m, d };
}
