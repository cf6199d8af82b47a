import { afterEach, describe, expect, it } from 'vitest';

import {
  addDays,
  endOfShanghaiDay,
  formatDateIso,
  formatDateZh,
  formatMonthZh,
  isIsoDate,
  shanghaiClockTime,
  shanghaiDate,
  shanghaiIsoDate,
} from './shanghai-date';

describe('shanghaiDate', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('gives the Shanghai date of a UTC time that is already tomorrow in Shanghai', () => {
    expect(shanghaiDate('2026-11-22T23:30:01Z')).toEqual({ y: 2026, m: 11, d: 23 });
    expect(shanghaiDate('2026-11-22T15:59:59.999Z')).toEqual({ y: 2026, m: 11, d: 22 });
    expect(shanghaiDate('2026-11-22T16:00:00Z')).toEqual({ y: 2026, m: 11, d: 23 });
    expect(shanghaiDate('2026-12-31T16:00:00Z')).toEqual({ y: 2027, m: 1, d: 1 });
  });

  it('does not depend on the machine time zone', () => {
    for (const tz of ['UTC', 'America/Los_Angeles', 'Pacific/Kiritimati', 'Asia/Shanghai']) {
      process.env.TZ = tz;
      expect(shanghaiDate(new Date('2026-11-22T23:30:01Z'))).toEqual({ y: 2026, m: 11, d: 23 });
      expect(shanghaiDate('2026-11-23T07:30:00+08:00')).toEqual({ y: 2026, m: 11, d: 23 });
    }
  });

  it('takes a YYYY-MM-DD date as the Shanghai date it already is', () => {
    expect(shanghaiDate('2026-12-23')).toEqual({ y: 2026, m: 12, d: 23 });
    expect(shanghaiDate('2028-02-29')).toEqual({ y: 2028, m: 2, d: 29 });
  });

  it('refuses impossible dates, times without a zone, and garbage, without repeating them', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-11-23T08:00:00', '23/11/2026', '', 'not a date']) {
      expect(() => shanghaiDate(bad)).toThrow(RangeError);
    }
    expect(() => shanghaiDate(new Date(Number.NaN))).toThrow(RangeError);
    expect(() => shanghaiDate('33010619900101123X')).toThrow(expect.objectContaining({ message: expect.not.stringContaining('330106') }));
  });
});

describe('date formats', () => {
  it('writes Chinese dates without leading zeros, the official style', () => {
    expect(formatDateZh({ y: 2026, m: 1, d: 5 })).toBe('2026年1月5日');
    expect(formatDateZh(shanghaiDate('2026-12-23'))).toBe('2026年12月23日');
  });

  it('writes ISO dates with them', () => {
    expect(formatDateIso({ y: 2026, m: 1, d: 5 })).toBe('2026-01-05');
  });
});

describe('the calendar the gateway, the session and the tools share', () => {
  it('dates instants in Asia/Shanghai as YYYY-MM-DD, and tells the Shanghai clock time', () => {
    expect(shanghaiIsoDate(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    expect(shanghaiIsoDate(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
    expect(shanghaiClockTime(new Date('2026-01-05T01:07:59Z'))).toBe('09:07');
    expect(shanghaiClockTime(new Date('2026-01-05T16:00:00Z'))).toBe('00:00');
  });

  it('adds days across months and leap days', () => {
    expect(addDays('2026-11-24', 30)).toBe('2026-12-24');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(() => addDays('2026-02-30', 1)).toThrow(RangeError);
  });

  it('ends a validUntil date at 23:59:59+08:00', () => {
    expect(endOfShanghaiDay('2026-12-23')).toBe(Date.parse('2026-12-23T23:59:59+08:00'));
  });

  it('knows a real YYYY-MM-DD day from anything else', () => {
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-05', '2026-11-23T00:00:00Z', '']) expect(isIsoDate(bad), bad).toBe(false);
  });

  it('writes months the Chinese way', () => {
    expect(formatMonthZh('2026-10')).toBe('2026年10月');
    expect(formatMonthZh('2026-03')).toBe('2026年3月');
    expect(() => formatMonthZh('2026-13')).toThrow(RangeError);
  });
});
