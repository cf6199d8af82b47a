// Instants as the contract writes them: RFC 3339 in UTC, `YYYY-MM-DDTHH:MM:SS[.sss]Z`. Calendar dates
// (Asia/Shanghai days, `validUntil`) belong to print-templates/shanghai-date.ts.

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{3}))?Z$/;

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
