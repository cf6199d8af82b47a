import { afterEach, describe, expect, it } from 'vitest';

import { formatDateIso, formatDateZh, shanghaiDate } from './shanghai-date';

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
