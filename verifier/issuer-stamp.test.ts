import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSvgPathData } from './issuer-stamp';

describe('isSvgPathData', () => {
  it.each([
    'M0 0L10 10Z',
    'm1,2 3,4 5,6z',
    'M-1.5-2.5e1h3v-4.25z',
    'M10 10C20 20 30 30 40 40S50 50 60 60Q1 2 3 4T5 6',
    'M0 0a5 5 0 1 0 10 10A5,5,30,0,1,.5.5',
    'M0 0a5 5 0 1010 10',
    ' M 0 0 L 1 1 Z M 2 2 ',
  ])('accepts %s', (data) => {
    expect(isSvgPathData(data)).toBe(true);
  });

  it.each(['', '   ', 'Z', 'L1 1', 'M1', 'M1 1 L', 'M1 1 X2 2', 'M1 1e', 'M1 1;', 'M1 1 url(#a)', 'M0 0A5 5 0 2 0 1 1', 'M1 1 Z 2'])(
    'refuses %j',
    (data) => {
      expect(isSvgPathData(data)).toBe(false);
    },
  );

  it('refuses any text holding a character outside the path alphabet', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ minLength: 1, maxLength: 1 }).filter((c) => !/[0-9MmLlHhVvCcSsQqTtAaZzEe.+\-\s,]/.test(c)),
        (text, odd) => {
          expect(isSvgPathData(`M0 0${text}${odd}`)).toBe(false);
        },
      ),
    );
  });
});
