// Times and dates as the contract writes them. Asia/Shanghai has been UTC+8 without daylight saving since
// 1991, so a fixed offset gives the same answer as a time-zone database, whatever the machine's zone.

import { formatDateIso, formatDateZh, shanghaiDate as calendarDateInShanghai } from '../../print-templates/shanghai-date';

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?Z$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SHANGHAI_OFFSET_MS = 8 * 3600_000;

/** Milliseconds since the epoch for `YYYY-MM-DDTHH:MM:SS[.sss]Z`, or null for anything else. */
export function parseInstant(text: string): number | null {
  const match = INSTANT.exec(text);
  if (!match) return null;
  const [y, mo, d, h, mi, s] = [1, 2, 3, 4, 5, 6].map((i) => Number(match[i]));
  const ms = match[7] === undefined ? 0 : Number(match[7]);
  const time = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!, ms);
  const back = new Date(time);
  // Date.UTC rolls 25:00 or 02-30 over into the next unit; a real instant survives the round trip.
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== d) return null;
  if (back.getUTCHours() !== h || back.getUTCMinutes() !== mi || back.getUTCSeconds() !== s) return null;
  return time;
}

/** The contract's instant form, with milliseconds. */
export function formatInstant(date: Date): string {
  return date.toISOString();
}

/** True for a `YYYY-MM-DD` that names a real day. */
export function isContractDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const back = new Date(Date.UTC(y, m - 1, d));
  return back.getUTCFullYear() === y && back.getUTCMonth() === m - 1 && back.getUTCDate() === d;
}

/** The Asia/Shanghai calendar date of an instant, as `YYYY-MM-DD`. */
export function shanghaiDate(instant: Date): string {
  return formatDateIso(calendarDateInShanghai(instant));
}

/** A `YYYY-MM-DD` date plus whole days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

/** The last second of a date in Asia/Shanghai (23:59:59+08:00), in milliseconds since the epoch. */
export function endOfShanghaiDay(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!, 23, 59, 59) - SHANGHAI_OFFSET_MS;
}

/** 2026-11-23 → 2026年11月23日, as Chinese documents write dates. */
export function chineseDate(date: string): string {
  return formatDateZh(calendarDateInShanghai(date));
}

/** 2026-10 → 2026年10月. */
export function chineseMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}
