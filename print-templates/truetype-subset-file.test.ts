// The subset file written straight (truetype-subset-file.ts, through reusable-font.ts) is fontkit's own, byte for
// byte: for the bundled faces, their fallback, the bundle-font fixture (short glyph offsets) and, where the
// machine has it, DejaVu Sans (compound glyphs, cvt, prep and fpgm, glyphs past hmtx's advances); for no glyph
// but .notdef, one glyph, the samples' and fixtures' text, and random glyph sets up to the last glyph.

import { readdirSync, readFileSync } from 'node:fs';

import { create, type Font } from 'fontkit';
import { describe, expect, it, vi } from 'vitest';

import { fallbackFontFiles } from './font-faces';
import { fontPath } from './bundled-fonts';
import { parseFontFile } from './font-file';
import { zhangSanNoPropertyProof, zhangSanSocialSecurityRecord } from './fixtures/synthetic-certificates';
import { seededRandom } from './fixtures/seeded-random';
import { reusableFont } from './reusable-font';
import { trueTypeSubsetFile } from './truetype-subset-file';

vi.mock('./truetype-subset-file', async (importOriginal) => {
  const real = await importOriginal<typeof import('./truetype-subset-file')>();
  return { trueTypeSubsetFile: vi.fn(real.trueTypeSubsetFile) };
});
const written = () => vi.mocked(trueTypeSubsetFile).mock.calls.length;

interface Subset {
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}
interface FontInternals {
  numGlyphs: number;
  hhea: { numberOfMetrics: number };
  directory: { tables: Record<string, unknown> };
  createSubset(): Subset;
  glyphsForString(text: string): Array<{ id: number }>;
  getGlyph(gid: number): { _decode(): { numberOfContours: number } | null };
}
const internals = (font: Font) => font as unknown as FontInternals;

const samplesDirectory = new URL('./bundled/samples/', import.meta.url).pathname;
const samplesText =
  readdirSync(samplesDirectory)
    .map((file) => readFileSync(samplesDirectory + file, 'utf8'))
    .join('') + JSON.stringify([zhangSanNoPropertyProof, zhangSanSocialSecurityRecord]);

/** Letters DejaVu Sans draws as compound glyphs (a base letter and an accent). */
const accented = 'ÀÉüñçÅǅŒĳ';
const dejaVuSans = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const fonts: Array<{ name: string; path: string }> = [
  { name: 'Noto Sans SC Regular', path: fontPath('noto-sans-sc-regular') },
  { name: 'Noto Sans SC Bold', path: fontPath('noto-sans-sc-bold') },
  {
    name: 'Noto Sans JP Regular',
    path: fontPath('noto-sans-sc-regular').replace(/noto-sans-sc\/.*$/, `noto-sans-jp/${fallbackFontFiles['noto-sans-sc-regular'].file}`),
  },
  { name: 'the bundle-font fixture', path: new URL('./fixtures/fonts/NotoSansSC-Thin-latin.ttf', import.meta.url).pathname },
  { name: 'DejaVu Sans', path: dejaVuSans },
];

function glyphSets(font: FontInternals): Array<{ name: string; gids: number[] }> {
  const random = seededRandom(9);
  const randomSet = (size: number) => Array.from({ length: size }, () => Math.floor(random() * font.numGlyphs));
  const last = font.numGlyphs - 1;
  return [
    { name: 'none but .notdef', gids: [] },
    { name: 'one glyph', gids: [1] },
    { name: 'the last glyph', gids: [last] },
    { name: "the samples' and fixtures' text", gids: font.glyphsForString(samplesText).map((glyph) => glyph.id) },
    { name: 'accented Latin', gids: font.glyphsForString(accented).map((glyph) => glyph.id) },
    { name: '40 random glyphs', gids: randomSet(40) },
    { name: '600 random glyphs', gids: [...randomSet(600), last] },
    { name: 'every glyph past the advances', gids: Array.from({ length: font.numGlyphs - font.hhea.numberOfMetrics }, (_, i) => last - i) },
  ];
}

function subsetBytes(font: Font, gids: readonly number[]): Buffer {
  const subset = internals(font).createSubset();
  for (const gid of gids) subset.includeGlyph(gid);
  return Buffer.from(subset.encode());
}

describe.each(fonts)('the subset file of $name', ({ path }) => {
  it('is fontkit’s own, byte for byte, for every glyph set', () => {
    const fontkits = create(readFileSync(path));
    const ways = [reusableFont(parseFontFile(path)), reusableFont(create(readFileSync(path)))];
    for (const { name, gids } of glyphSets(internals(fontkits))) {
      const expected = subsetBytes(fontkits, gids);
      for (const font of ways) {
        const before = written();
        expect(subsetBytes(font, gids).equals(expected), name).toBe(true);
        expect(written(), 'written straight').toBe(before + 1);
      }
    }
  });
});

describe('the fonts compared', () => {
  it('include compound glyphs, instruction tables and glyphs past the advances', () => {
    const font = internals(create(readFileSync(dejaVuSans)));
    const gids = font.glyphsForString(accented).map((glyph) => glyph.id);
    expect(gids.some((gid) => (font.getGlyph(gid)._decode()?.numberOfContours ?? 0) < 0)).toBe(true);
    for (const tag of ['cvt ', 'prep', 'fpgm']) expect(font.directory.tables[tag]).toBeDefined();
    expect(font.hhea.numberOfMetrics).toBeLessThan(font.numGlyphs);
  });

  it('include short glyph offsets', () => {
    const font = create(readFileSync(fonts[3]!.path)) as unknown as { head: { indexToLocFormat: number } };
    expect(font.head.indexToLocFormat).toBe(0);
  });
});

describe('a font whose cvt table has an odd length', () => {
  it('is subset by fontkit’s own encoder, which reads a byte past it', () => {
    const bytes = readFileSync(dejaVuSans);
    const numTables = bytes.readUInt16BE(4);
    const entry = Array.from({ length: numTables }, (_, i) => 12 + i * 16).find((at) => bytes.toString('latin1', at, at + 4) === 'cvt ')!;
    bytes.writeUInt32BE(bytes.readUInt32BE(entry + 12) - 1, entry + 12);
    const gids = internals(create(bytes))
      .glyphsForString(accented)
      .map((glyph) => glyph.id);
    const before = written();
    expect(subsetBytes(reusableFont(create(bytes)), gids).equals(subsetBytes(create(bytes), gids))).toBe(true);
    expect(written()).toBe(before);
  });
});
