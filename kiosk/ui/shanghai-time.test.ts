import { describe, expect, it } from 'vitest';
import { clockTime, dateTime } from './shanghai-time';

describe('shanghai-time', () => {
  it('shows instants in Asia/Shanghai (UTC+8) whatever the browser zone', () => {
    expect(clockTime('2026-11-30T06:05:00Z')).toBe('14:05');
    expect(dateTime('2026-11-30T18:30:00Z')).toBe('2026-12-01 02:30');
  });

  it('leaves text that is not a date as it came', () => {
    expect(clockTime('soon')).toBe('soon');
    expect(dateTime('')).toBe('');
  });
});
