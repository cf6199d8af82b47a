import { describe, expect, it } from 'vitest';
import { departments } from './departments';
import { isValidUscc, makeUscc } from './uscc';

describe('unified social credit code', () => {
  it('accepts a published example and rejects it with one character changed', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
  });

  it('gives every simulated department a distinct valid code', () => {
    const codes = departments.map((d) => d.code);
    expect(codes.every(isValidUscc)).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(makeUscc('12', '330100', '47000131')).toMatch(/^12330100470001315.$/);
  });
});
