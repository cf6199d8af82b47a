// The character map and the glyph metrics read straight from a face's bytes (cmap-glyph-ids.ts,
// glyph-metrics-from-tables.ts) against fontkit's own, exhaustively: every code point, every glyph id, each on
// fresh font objects, over the bundled faces, their fallback, the fixture face (cmap format 4, glyphs past
// hmtx's long metrics) and a face without vmtx.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { create } from 'fontkit';
import { describe, expect, it } from 'vitest';

import { fontPath } from './bundled-fonts';
import { cmapGlyphIds, glyphsForText } from './cmap-glyph-ids';
import type { ShapedFont } from './fontkit-glyph-run';
import { parseFontFile } from './font-file';
import { glyphMetricsFromTables } from './glyph-metrics-from-tables';
import { reusableFont } from './reusable-font';

interface Metrics {
  advanceWidth: number;
  advanceHeight: number;
  leftBearing: number;
  topBearing: number;
}
interface FontInternals extends ShapedFont {
  maxp: { numGlyphs: number };
  cmap: { tables: Array<{ platformID: number; encodingID: number; table: { version: number } }> };
  _cmapProcessor: { cmap: { version: number }; lookup(codePoint: number): number };
  getGlyph(gid: number, codePoints?: number[]): ShapedFont['getGlyph'] extends (...a: never[]) => infer G ? G & GlyphInternals : never;
}
interface GlyphInternals {
  _metrics?: Metrics;
  _getMetrics(): Metrics;
}

const jpPackage = dirname(createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-jp/package.json'));
const dejaVuSans = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const faces = [
  { name: 'Noto Sans SC Regular', path: fontPath('noto-sans-sc-regular'), cmap: 12, vmtx: true },
  { name: 'Noto Sans SC Bold', path: fontPath('noto-sans-sc-bold'), cmap: 12, vmtx: true },
  { name: 'Noto Sans JP Regular', path: join(jpPackage, '400Regular/NotoSansJP_400Regular.ttf'), cmap: 12, vmtx: true },
  {
    name: 'the fixture face',
    path: join(import.meta.dirname, 'fixtures/fonts/NotoSansSC-Thin-latin.ttf'),
    cmap: 4,
    vmtx: true,
  },
  { name: 'DejaVu Sans', path: dejaVuSans, cmap: 12, vmtx: false },
];

const fresh = (path: string) => create(readFileSync(path)) as unknown as FontInternals;

describe.each(faces)('$name read from its bytes', ({ path, cmap, vmtx }) => {
  it('maps every code point to fontkit’s glyph id', () => {
    const fontkits = fresh(path);
    const font = fresh(path);
    expect(fontkits._cmapProcessor.cmap.version).toBe(cmap);
    expectSameLookups(fontkits, font);
  }, 60_000);

  // fontkit prefers a 32-bit subtable; the 16-bit one of the same face (segments mapped by a delta or through
  // the glyph id array) is tested by making fontkit's processor choose it.
  it('maps every code point to fontkit’s glyph id through the Unicode BMP subtable', () => {
    const [fontkits, font] = [fresh(path), fresh(path)];
    for (const face of [fontkits, font]) {
      const bmp = face.cmap.tables.find((entry) => entry.platformID === 3 && entry.encodingID === 1);
      expect(bmp?.table.version).toBe(4);
      face._cmapProcessor.cmap = bmp!.table;
    }
    expectSameLookups(fontkits, font);
  }, 60_000);

  function expectSameLookups(fontkits: FontInternals, font: FontInternals): void {
    const glyphIdOf = cmapGlyphIds(font)!;
    expect(glyphIdOf).not.toBeNull();
    const differing: number[] = [];
    let mapped = 0;
    for (let codePoint = 0; codePoint <= 0x10ffff; codePoint++) {
      const expected = fontkits._cmapProcessor.lookup(codePoint);
      if (glyphIdOf(codePoint) !== expected) differing.push(codePoint);
      if (expected !== 0) mapped++;
    }
    expect(differing).toEqual([]);
    expect(mapped).toBeGreaterThan(200);
  }

  it('gives the glyphs of fontkit’s glyphsForString, the same objects', () => {
    const font = fresh(path);
    const texts = ['无房证明 No. 2026-001，张三。', 'ÀÉüñ fi ffl', '𠮷野家', '', '\ud842', 'a\ufe0fb', '葛\udb40\udd00'];
    for (const text of texts) {
      const glyphs = glyphsForText(font, text);
      const fontkits = font.glyphsForString(text);
      expect(glyphs.length, text).toBe(fontkits.length);
      glyphs.forEach((glyph, i) => {
        expect(glyph, text).toBe(fontkits[i]);
        expect(glyph.codePoints, text).toEqual(fontkits[i]!.codePoints);
      });
    }
  });

  it(
    vmtx ? 'gives every glyph fontkit’s metrics' : 'leaves the metrics to fontkit',
    () => {
      const fontkits = fresh(path);
      const font = fresh(path);
      glyphMetricsFromTables(font);
      const count = font.maxp.numGlyphs;
      const differing: number[] = [];
      for (let gid = 0; gid < count; gid++) {
        const glyph = font.getGlyph(gid);
        const filled = glyph._metrics;
        if (vmtx !== (filled !== undefined)) differing.push(gid);
        const expected = fontkits.getGlyph(gid)._getMetrics();
        const actual = glyph._getMetrics();
        // The very fields, in fontkit's order, with its numbers.
        if (JSON.stringify(actual) !== JSON.stringify(expected)) differing.push(gid);
      }
      expect(differing).toEqual([]);
    },
    60_000,
  );
});

describe('a face as the engine prepares it', () => {
  it('makes its glyphs with fontkit’s metrics already filled in, whoever asks for them', () => {
    const font = reusableFont(parseFontFile(fontPath('noto-sans-sc-regular'))) as unknown as FontInternals;
    const fontkits = fresh(fontPath('noto-sans-sc-regular'));
    const shaped = (font.layout('无房证明 No. 2026，张三。') as unknown as { glyphs: GlyphInternals[] }).glyphs;
    const glyphs = [...shaped, font.getGlyph(0)];
    for (const glyph of glyphs) {
      expect(glyph._metrics).toStrictEqual(fontkits.getGlyph((glyph as unknown as { id: number }).id)._getMetrics());
    }
  });
});
