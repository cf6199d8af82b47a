import { describe, expect, it } from 'vitest';
import { formatInstant, parseInstant } from './contract-time';

describe('contract times', () => {
  it('accepts exactly YYYY-MM-DDTHH:MM:SSZ with optional milliseconds', () => {
    expect(parseInstant('2026-11-23T08:00:00Z')).toBe(Date.UTC(2026, 10, 23, 8));
    expect(parseInstant('2026-11-23T08:00:00.123Z')).toBe(Date.UTC(2026, 10, 23, 8, 0, 0, 123));
    for (const bad of [
      '2026-11-23T08:00:00+08:00',
      '2026-11-23T08:00:00',
      '2026-11-23 08:00:00Z',
      '2026-11-23t08:00:00z',
      '2026-11-23T08:00:00.12Z',
      '2026-02-30T08:00:00Z',
      '2026-11-23T24:00:00Z',
      '2026-11-23T08:00:60Z',
    ]) {
      expect(parseInstant(bad), bad).toBeNull();
    }
  });

  it('writes instants in that form, with milliseconds', () => {
    expect(formatInstant(new Date(Date.UTC(2026, 10, 23, 8)))).toBe('2026-11-23T08:00:00.000Z');
    expect(parseInstant(formatInstant(new Date(Date.UTC(2026, 10, 23, 8, 0, 0, 123))))).toBe(Date.UTC(2026, 10, 23, 8, 0, 0, 123));
  });
});
