// The runs shaped without fontkit's layout engine are fontkit's own: over every text the bundled templates'
// samples and the fixture certificates lay out, and random mixes of what certificates and names hold (and
// of what must go to fontkit: Hangul, Arabic, combining marks, joiners, variation selectors), in the bundled
// faces, their fallback and a bundle's own font. The bytes reader is checked against fontkit's decoding.

import { readFileSync } from 'node:fs';

import { create, type Font } from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';

import {
  type FontkitRun,
  comparable,
  engineTexts,
  expectFontkitsRuns,
  fontVariant,
  layoutOf,
  randomTexts,
  shapedFaces as faces,
  withOwnLayout,
} from '../test/support/fontkit-shaping-corpus';
import { fontPath } from './bundled-fonts';
import { defaultShaperFeatures, opentypeTouchedGlyphs } from './opentype-touched-glyphs';
import { reusableFont } from './reusable-font';
import { type ShapedFont, untouchedGlyphRuns } from './untouched-glyph-run';

/** Every text the engine lays out for the bundled samples and the fixture certificates. */
let sampleTexts: string[] = [];

beforeAll(async () => {
  sampleTexts = await engineTexts();
}, 60_000);

/** What certificates and names hold, and now and then what must go to fontkit. */
const pools = [
  [...'无房证明编号张三李四王五住址杭州市西湖区文三路号室社会保险参保户籍居住年月日有效期至发证机关'],
  [...'䶮𠮷·丶々〇'],
  [...'0123456789'],
  [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÀÉüñßØ'],
  [...'.,:;!?()[]-/\'"@#%&*+=<>_~ '],
  [...'，：。（）、；！？“”《》【】—…'],
  [...'あいうえおカタカナ・ー'],
  [...'한국어가나다'],
  [...'العربية'],
  ['\u0301', '\u0308', '\u0323', '\u20dd'],
  ['\u200d', '\u200c', '\u00ad', '\ufe0f', '\ufe00', '\u{e0100}', '\u2044', '\u200b', '\u{1f468}', '\u{1f469}'],
];

describe.each(faces)('text no OpenType lookup changes, in %s', (_name, path) => {
  const bytes = readFileSync(path);
  const fontkits = create(bytes);
  const own = create(bytes);
  const untouched = withOwnLayout(own, untouchedGlyphRuns(own as unknown as ShapedFont));
  const wrapped = reusableFont(create(bytes));

  it('is shaped as fontkit shapes it, for every sample text and random mixes, through the prepared font too', () => {
    const corpus = [...sampleTexts, ...randomTexts(2500, path.length, pools)];
    const shapedHere = expectFontkitsRuns(corpus, fontkits, untouched, wrapped).length;
    // Most of what certificates hold takes the short way (the Latin subset font has no Chinese glyph).
    expect(shapedHere).toBeGreaterThan(corpus.length / 4);
  });

  it('hands fontkit what it must shape itself', () => {
    for (const text of ['한국', 'سلام', 'e\u0301', '张\u200d三', '葛\u{e0100}', '1\u20442', 'soft\u00adhyphen', 'ﬁ', 'fi']) {
      const run = untouched(text);
      if (run) expect(comparable(run as FontkitRun)).toEqual(comparable(layoutOf(fontkits, text)));
    }
    for (const text of ['한국', 'سلام', 'e\u0301', '张\u200d三', '葛\u{e0100}', '1\u20442', 'soft\u00adhyphen']) {
      expect(untouched(text), text).toBeUndefined();
    }
  });
});

describe('a font fontkit lays out otherwise', () => {
  const font = create(readFileSync(fontPath('noto-sans-sc-regular'))) as unknown as ShapedFont;
  const variant = (type: string, extraTable?: string) => fontVariant(font, type, extraTable);

  it('is the usual one here', () => {
    expect(untouchedGlyphRuns(variant('TTF'))('无房证明')).toBeDefined();
  });

  it.each(['kern', 'morx', 'mort'])('has a %s table: left to fontkit', (table) => {
    expect(untouchedGlyphRuns(variant('TTF', table))('无房证明')).toBeUndefined();
  });

  it('is a web font, its tables compressed: left to fontkit', () => {
    expect(untouchedGlyphRuns(variant('WOFF'))('无房证明')).toBeUndefined();
  });
});

describe('the glyphs default lookups may change, read from the bytes', () => {
  interface Processor {
    selectScript(script: string): string;
    features: Record<string, { lookupListIndexes: number[] }>;
    table: { lookupList: { get(index: number): Lookup } };
  }
  interface Lookup {
    lookupType: number;
    subTables: Array<Record<string, unknown>>;
  }
  interface Coverage {
    version: number;
    glyphs?: number[];
    rangeRecords?: Array<{ start: number; end: number }>;
  }
  const coverageGlyphs = (coverage: Coverage, into: Set<number>) => {
    for (const glyph of coverage.glyphs ?? []) into.add(glyph);
    for (const { start, end } of coverage.rangeRecords ?? []) for (let glyph = start; glyph <= end; glyph++) into.add(glyph);
  };

  /** The same set from fontkit's own decoded tables and its own script selection. */
  function fontkitsSet(font: Font, script: string): Set<number> {
    const engine = (font as unknown as { _layoutEngine: { engine: Record<string, Processor | null> } })._layoutEngine.engine;
    const glyphs = new Set<number>();
    for (const [name, extension] of [
      ['GSUBProcessor', 7],
      ['GPOSProcessor', 9],
    ] as const) {
      const processor = engine[name];
      if (!processor) continue;
      processor.selectScript(script);
      for (const tag of defaultShaperFeatures) {
        if (['frac', 'numr', 'dnom'].includes(tag)) continue;
        for (const index of processor.features[tag]?.lookupListIndexes ?? []) {
          const lookup = processor.table.lookupList.get(index);
          for (let subtable of lookup.subTables) {
            if (lookup.lookupType === extension) subtable = subtable['extension'] as Record<string, unknown>;
            for (const value of Object.values(subtable)) {
              for (const candidate of Array.isArray(value) ? (value as unknown[]) : [value]) {
                const coverage = candidate as Coverage | null;
                if (coverage && typeof coverage === 'object' && (coverage.glyphs || coverage.rangeRecords))
                  coverageGlyphs(coverage, glyphs);
              }
            }
          }
        }
      }
    }
    const gdef = (
      font as unknown as {
        GDEF?: {
          glyphClassDef?: {
            version: number;
            startGlyph?: number;
            classValueArray?: number[];
            classRangeRecord?: Array<{ start: number; end: number; class: number }>;
          };
        };
      }
    ).GDEF;
    const classDef = gdef?.glyphClassDef;
    classDef?.classValueArray?.forEach((value, i) => value === 3 && glyphs.add(classDef.startGlyph! + i));
    for (const range of classDef?.classRangeRecord ?? [])
      if (range.class === 3) for (let glyph = range.start; glyph <= range.end; glyph++) glyphs.add(glyph);
    return glyphs;
  }

  it.each(faces)('are the glyphs of every Coverage of fontkit’s selected default lookups, in %s', (_name, path) => {
    const font = create(readFileSync(path));
    const internals = font as unknown as ShapedFont;
    for (const script of ['hani', 'latn', 'kana', 'cyrl', 'grek', 'bopo', 'zzzz']) {
      const touched = opentypeTouchedGlyphs(internals.stream.buffer, internals.directory.tables, script);
      expect(touched, script).toBeDefined();
      const read = new Set<number>();
      touched!.forEach((flag, glyph) => flag === 1 && read.add(glyph));
      expect(
        [...read].sort((a, b) => a - b),
        script,
      ).toEqual([...fontkitsSet(font, script)].sort((a, b) => a - b));
    }
  });

  it('takes Chinese digits for untouched where Latin digits are localised (Noto Sans SC)', () => {
    const font = create(readFileSync(fontPath('noto-sans-sc-regular'))) as unknown as ShapedFont;
    const [digit] = font.glyphsForString('2');
    const touched = (script: string) => opentypeTouchedGlyphs(font.stream.buffer, font.directory.tables, script)![digit!.id];
    expect([touched('hani'), touched('zzzz'), touched('latn')]).toEqual([0, 0, 1]);
  });

  it('leaves a font whose tables it cannot follow to fontkit', () => {
    const font = create(readFileSync(fontPath('noto-sans-sc-regular'))) as unknown as ShapedFont;
    const { offset, length } = font.directory.tables['GSUB']!;
    // A lookup list offset past the table's end.
    const damaged = new Uint8Array(font.stream.buffer);
    new DataView(damaged.buffer, damaged.byteOffset + offset).setUint16(8, length + 2);
    expect(opentypeTouchedGlyphs(damaged, font.directory.tables, 'hani')).toBeUndefined();
  });
});
