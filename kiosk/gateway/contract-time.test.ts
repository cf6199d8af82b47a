import { describe, expect, it } from 'vitest';
import { addDays, chineseDate, endOfShanghaiDay, parseInstant, shanghaiDate } from './contract-time';

describe('contract times', () => {
  it('accepts exactly YYYY-MM-DDTHH:MM:SSZ with optional milliseconds', () => {
    expect(parseInstant('2026-11-23T08:00:00Z')).toBe(Date.UTC(2026, 10, 23, 8));
    expect(parseInstant('2026-11-23T08:00:00.123Z')).toBe(Date.UTC(2026, 10, 23, 8, 0, 0, 123));
    for (const bad of [
      '2026-11-23T08:00:00+08:00', '2026-11-23T08:00:00', '2026-11-23 08:00:00Z', '2026-11-23t08:00:00z',
      '2026-11-23T08:00:00.12Z', '2026-02-30T08:00:00Z', '2026-11-23T24:00:00Z', '2026-11-23T08:00:60Z',
    ]) {
      expect(parseInstant(bad), bad).toBeNull();
    }
  });

  it('dates instants in Asia/Shanghai whatever the machine zone', () => {
    expect(shanghaiDate(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    expect(shanghaiDate(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
    expect(addDays('2026-11-24', 30)).toBe('2026-12-24');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
  });

  it('ends a validUntil date at 23:59:59+08:00', () => {
    expect(endOfShanghaiDay('2026-12-23')).toBe(Date.parse('2026-12-23T23:59:59+08:00'));
    expect(chineseDate('2026-01-05')).toBe('2026年1月5日');
  });
});
