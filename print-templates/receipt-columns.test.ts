import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { columnsOfChar, hardRows, wrapToColumns } from './receipt-columns';

const columnsOf = (row: string) => Array.from(row).reduce((sum, char) => sum + columnsOfChar(char), 0);

describe('hard rows: where the printer breaks', () => {
  it('every 48 columns, a Chinese character taking two', () => {
    expect(hardRows('a'.repeat(50), 48)).toEqual(['a'.repeat(48), 'aa']);
    expect(hardRows('中'.repeat(25), 48)).toEqual(['中'.repeat(24), '中']);
    expect(hardRows(`${'a'.repeat(47)}中`, 48)).toEqual(['a'.repeat(47), '中']);
    expect(hardRows('𠮷𠮷', 2)).toEqual(['𠮷', '𠮷']);
    expect(hardRows('', 48)).toEqual(['']);
  });
});

describe('wrapping to columns', () => {
  it('breaks English between words, dropping the space', () => {
    expect(wrapToColumns('Take these papers to the provident-fund centre to withdraw', 48)).toEqual([
      'Take these papers to the provident-fund centre',
      'to withdraw',
    ]);
  });

  it('breaks Chinese anywhere, and keeps an English word whole beside it', () => {
    expect(wrapToColumns('本凭条不作证明使用 This slip is not a certificate', 48)).toEqual([
      '本凭条不作证明使用 This slip is not a',
      'certificate',
    ]);
    expect(wrapToColumns('中'.repeat(30), 48)).toEqual(['中'.repeat(24), '中'.repeat(6)]);
  });

  it('keeps a short line as it is, indentation included', () => {
    expect(wrapToColumns('  NP-330100-20261123-000001', 48)).toEqual(['  NP-330100-20261123-000001']);
    expect(wrapToColumns('', 48)).toEqual(['']);
  });

  it('breaks a word longer than a row hard', () => {
    expect(wrapToColumns(`see ${'x'.repeat(30)}`, 10)).toEqual(['see xxxxxx', 'x'.repeat(10), 'x'.repeat(10), 'xxxx']);
  });

  it('never makes a row too wide, and loses no character but the spaces it breaks at', () => {
    const text = fc
      .array(fc.constantFrom('a', 'bc', ' ', '  ', '中', '𠮷', 'word', '-', '·'), { maxLength: 40 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 2, max: 48 }), (input, columns) => {
        const rows = wrapToColumns(input, columns);
        for (const row of rows) expect(columnsOf(row)).toBeLessThanOrEqual(columns);
        expect(rows.join('').replace(/ /g, '')).toBe(input.replace(/ /g, ''));
      }),
    );
  });
});
