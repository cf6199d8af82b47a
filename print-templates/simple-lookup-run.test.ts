// The runs shaped by applying simple lookups from the bytes are fontkit's own: over every text the bundled
// samples and the fixture certificates lay out, and seeded random texts heavy in Latin, digits, ASCII
// punctuation, ligature and kern pairs mixed with Chinese (and now and then what must go to fontkit), in the
// bundled faces, their fallback and a bundle's own font. A face whose lookups reach text in other ways, and a
// run this reading should refuse, are left to fontkit.

import { readFileSync } from 'node:fs';

import { create } from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  type FontkitRun,
  comparable,
  engineTexts,
  expectFontkitsRuns,
  fontVariant,
  layoutOf,
  randomTexts,
  shapedFaces,
  withOwnLayout,
} from '../test/support/fontkit-shaping-corpus';
import { fontPath } from './bundled-fonts';
import type { ShapedFont } from './fontkit-glyph-run';
import { reusableFont } from './reusable-font';
import { simpleLookupRuns } from './simple-lookup-run';

let sampleTexts: string[] = [];

beforeAll(async () => {
  sampleTexts = await engineTexts();
}, 60_000);

const latin = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'];
const pools = [
  latin,
  latin,
  [...'0123456789'],
  ['fi', 'fl', 'ff', 'ffi', 'ffl', 'AV', 'VA', 'To', 'Te', 'Ta', 'LT', 'Yo', 'WA', 'P.', 'r,', 'y.', 'Ty', 'AT'],
  [...'.,:;!?()[]-/\'"@#%&*+=<>_~ '],
  [...'无房证明编号张三住址杭州市，：。（）'],
  [...'ÀÉüñßØ'],
  ['\u0301', '\u00ad', '\u2044', '한', 'ع'],
];

describe.each(shapedFaces)('text only simple lookups reach, in %s', (_name, path) => {
  const bytes = readFileSync(path);
  const fontkits = create(bytes);
  const own = create(bytes);
  const simple = withOwnLayout(own, simpleLookupRuns(own as unknown as ShapedFont));
  const wrapped = reusableFont(create(bytes));

  it('is shaped as fontkit shapes it, for every sample text and random Latin-heavy mixes, through the prepared font too', () => {
    const corpus = [...sampleTexts, ...randomTexts(3000, path.length, pools, 16)];
    const shapedHere = expectFontkitsRuns(corpus, fontkits, simple, wrapped).length;
    expect(shapedHere).toBeGreaterThan(corpus.length / 2);
  });

  it('hands fontkit what it must shape itself', () => {
    for (const text of ['한국', 'سلام', 'e\u0301', '张\u200d三', '1\u20442', 'soft\u00adhyphen']) {
      expect(simple(text), text).toBeUndefined();
    }
  });
});

describe('the Latin texts of a 无房证明 in Noto Sans SC Regular', () => {
  const bytes = readFileSync(fontPath('noto-sans-sc-regular'));
  const fontkits = create(bytes);
  const simple = simpleLookupRuns(create(bytes) as unknown as ShapedFont);

  it.each(['fi ffl', 'AVATAR To Te LT', 'HZBDC-NPP-330100-2026-000123', '33010619900101123X', 'scan to verify'])(
    'are shaped by the lookups they meet: %s',
    (text) => {
      const expected = layoutOf(fontkits, text);
      expect(comparable(simple(text) as FontkitRun)).toEqual(comparable(expected));
    },
  );

  it('are changed by those lookups (ligatures, localised digits, kerning): this is not the untouched case', () => {
    const plain = (text: string) => (fontkits as unknown as ShapedFont).glyphsForString(text).map((glyph) => glyph.id);
    const ligature = simple('fi')!;
    expect(ligature.glyphs.map((glyph) => glyph.id)).not.toEqual(plain('fi'));
    expect(ligature.glyphs[0]!.codePoints).toEqual([0x66, 0x69]);
    expect(simple('A1')!.glyphs.map((glyph) => glyph.id)).not.toEqual(plain('A1'));
    const kerned = simple('AV')!;
    expect(kerned.positions[0]!['xAdvance']).not.toBe(kerned.glyphs[0]!.advanceWidth);
  });
});

/**
 * Noto Sans SC Regular with every pair positioning's one value field (its first glyph's advance) made
 * another field, of the first glyph or of the second: the record sizes stay, the pairs move glyphs otherwise.
 */
function withPairValuesAs(format1: number, format2: number): Uint8Array {
  const bytes = new Uint8Array(readFileSync(fontPath('noto-sans-sc-regular')));
  const { offset } = (create(Buffer.from(bytes)) as unknown as ShapedFont).directory.tables['GPOS']!;
  const view = new DataView(bytes.buffer, bytes.byteOffset + offset);
  const lookupList = view.getUint16(8);
  let pairSubtables = 0;
  for (let i = 0; i < view.getUint16(lookupList); i++) {
    const lookup = lookupList + view.getUint16(lookupList + 2 + i * 2);
    for (let j = 0; j < view.getUint16(lookup + 4); j++) {
      let subtable = lookup + view.getUint16(lookup + 6 + j * 2);
      let type = view.getUint16(lookup);
      if (type === 9) [type, subtable] = [view.getUint16(subtable + 2), subtable + view.getUint32(subtable + 4)];
      if (type !== 2 || view.getUint16(subtable + 4) !== 4 || view.getUint16(subtable + 6) !== 0) continue;
      view.setUint16(subtable + 4, format1);
      view.setUint16(subtable + 6, format2);
      pairSubtables++;
    }
  }
  expect(pairSubtables).toBeGreaterThanOrEqual(2);
  return bytes;
}

describe.each([
  [0, 4],
  [0, 1],
  [0, 2],
  [0, 8],
  [1, 0],
  [2, 0],
  [8, 0],
])('pairs whose values are of format %i for the first glyph, %i for the second', (format1, format2) => {
  it('move the glyphs as fontkit moves them', () => {
    const bytes = Buffer.from(withPairValuesAs(format1, format2));
    const fontkits = create(bytes);
    const own = create(bytes);
    const simple = withOwnLayout(own, simpleLookupRuns(own as unknown as ShapedFont));
    const corpus = ['AVATAR To Te LT', ...randomTexts(400, format1 * 16 + format2, pools, 16)];
    const moved = expectFontkitsRuns(corpus, fontkits, simple).filter(
      (run) =>
        run.positions.some((position) => position['xOffset'] !== 0 || position['yOffset'] !== 0 || position['yAdvance'] !== 0) ||
        run.advanceWidth !== run.glyphs.reduce((sum, glyph) => sum + glyph.advanceWidth, 0),
    ).length;
    expect(moved).toBeGreaterThan(50);
  });
});

describe('a font fontkit lays out otherwise', () => {
  const font = create(readFileSync(fontPath('noto-sans-sc-regular'))) as unknown as ShapedFont;
  const variant = (type: string, extraTable?: string) => fontVariant(font, type, extraTable);

  it('is the usual one here', () => {
    expect(simpleLookupRuns(variant('TTF'))('AV fi')).toBeDefined();
  });

  it.each(['kern', 'morx', 'mort', 'fvar'])('has a %s table: left to fontkit', (table) => {
    expect(simpleLookupRuns(variant('TTF', table))('AV fi')).toBeUndefined();
  });

  it('is a web font, its tables compressed: left to fontkit', () => {
    expect(simpleLookupRuns(variant('WOFF'))('AV fi')).toBeUndefined();
  });

  it('has a default lookup of a type not applied here that reaches the text: left to fontkit', () => {
    const { offset } = font.directory.tables['GSUB']!;
    const bytes = new Uint8Array(font.stream.buffer);
    const view = new DataView(bytes.buffer, bytes.byteOffset + offset);
    // The liga lookup (type 4) relabelled a multiple substitution (type 2, same Coverage offset).
    const lookupList = view.getUint16(8);
    const liga = lookupList + view.getUint16(lookupList + 2 + 4 * 2);
    expect(view.getUint16(liga)).toBe(4);
    view.setUint16(liga, 2);
    const damaged = Object.create(font, { stream: { value: { buffer: bytes } } }) as ShapedFont;
    expect(simpleLookupRuns(damaged)('fi')).toBeUndefined();
    // Text that lookup's Coverage does not hold is still taken.
    expect(simpleLookupRuns(damaged)('AV')).toBeDefined();
  });
});
