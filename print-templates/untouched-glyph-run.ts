// Shaping text that none of the OpenType lookups fontkit applies can change — Chinese wording, digits,
// full-width punctuation in a CJK face — without fontkit's layout engine, whose first run on a face decodes
// the GSUB and GPOS lookups through restructure (15–25 ms in a fresh process) and every later run goes
// through the whole OpenType pipeline. For such text fontkit's layout is exactly: the glyphs
// of glyphsForString, each positioned by its advance, and the features its default shaper planned. A text is
// taken only when fontkit 2.0.4 would shape it with that shaper left to right, and would neither hide,
// reorder, zero nor kern any of its glyphs; anything else is left to fontkit (the caller's fallback).
// reusable-font.test.ts and untouched-glyph-run.test.ts compare the result with fontkit's own layout.

import { getScript, isMark } from 'unicode-properties';

import { defaultShaperFeatures, fractionSlash, opentypeTouchedGlyphs } from './opentype-touched-glyphs';

interface Glyph {
  readonly id: number;
  readonly advanceWidth: number;
  /** fontkit's Unicode reading of the glyph's characters, what it positions marks by without GDEF. */
  readonly isMark: boolean;
  readonly codePoints: readonly number[];
}

export interface GlyphRun {
  glyphs: Glyph[];
  positions: Array<Record<string, number>>;
  features: Record<string, boolean>;
}

export interface ShapedFont {
  /** 'TTF' when the directory's offsets are into `stream.buffer` as it is (not a compressed web font). */
  type: string;
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  stream: { buffer: Uint8Array };
  glyphsForString(text: string): Glyph[];
  glyphForCodePoint(codePoint: number): Glyph;
  layout(text: string | Glyph[]): GlyphRun;
}

type GlyphRunClass = new (glyphs: Glyph[], features: string[], script: string, language?: string, direction?: string) => GlyphRun;
type GlyphPositionClass = new (xAdvance: number) => Record<string, number>;

/**
 * The scripts (unicode-properties' names, with fontkit's tags) that fontkit shapes with its default shaper,
 * left to right. Common is the tag-less rest: punctuation, digits, symbols.
 */
const plainScripts: Readonly<Record<string, string | undefined>> = {
  Common: undefined,
  Han: 'hani',
  Latin: 'latn',
  Hiragana: 'hira',
  Katakana: 'kana',
  Katakana_Or_Hiragana: 'hrkt',
  Bopomofo: 'bopo',
  Greek: 'grek',
  Cyrillic: 'cyrl',
};
const unknownScript = 'zzzz';

/** Tables that make fontkit position glyphs other than by GSUB and GPOS: AAT morphing, legacy kerning. */
const otherLayoutTables = ['morx', 'mort', 'kern'];

/** fontkit's own run classes, from a layout that runs none of its OpenType machinery; one pair a process. */
let runClasses: { GlyphRun: GlyphRunClass; GlyphPosition: GlyphPositionClass } | undefined;

/** A shaper for one font: the run fontkit's layout would give `text`, or undefined when it must be asked. */
export function untouchedGlyphRuns(font: ShapedFont): (text: string) => GlyphRun | undefined {
  const tables = font.directory.tables;
  if (font.type !== 'TTF' || otherLayoutTables.some((tag) => tables[tag])) return () => undefined;
  // fontkit has an OpenType engine, and so plans features, when the font has either table.
  const planned = Boolean(tables['GSUB'] || tables['GPOS']);
  // Read once per script a text of this font is in (a handful: Chinese, Latin, neither).
  const touchedByScript = new Map<string, Uint8Array | undefined>();
  return (text) => {
    const script = plainScriptOf(text);
    if (script === undefined) return undefined;
    let touched = touchedByScript.get(script);
    if (!touchedByScript.has(script)) touchedByScript.set(script, (touched = opentypeTouchedGlyphs(font.stream.buffer, tables, script)));
    if (touched === undefined) return undefined;
    const glyphs = font.glyphsForString(text);
    for (const glyph of glyphs) if (touched[glyph.id] === 1 || glyph.isMark) return undefined;
    const { GlyphRun, GlyphPosition } = (runClasses ??= fontkitRunClasses(font));
    const run = new GlyphRun(glyphs, [], script);
    run.positions = glyphs.map((glyph) => new GlyphPosition(glyph.advanceWidth));
    // fontkit returns an empty run before planning.
    if (planned && glyphs.length > 0) for (const feature of defaultShaperFeatures) run.features[feature] = true;
    return run;
  };
}

/**
 * The script fontkit would detect in `text` (its first character of a script other than Common, Inherited or
 * Unknown), when every character is one fontkit shapes plainly; otherwise undefined.
 */
function plainScriptOf(text: string): string | undefined {
  let script: string | undefined;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    // A lone surrogate is a character fontkit maps to no glyph: left to fontkit.
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) return undefined;
    if (codePoint === fractionSlash || isDefaultIgnorable(codePoint) || isMark(codePoint)) return undefined;
    const name = getScript(codePoint);
    if (!Object.hasOwn(plainScripts, name)) return undefined;
    script ??= plainScripts[name];
  }
  return script ?? unknownScript;
}

/** fontkit's list of the characters its layout hides (DerivedCoreProperties' Default_Ignorable_Code_Point). */
function isDefaultIgnorable(codePoint: number): boolean {
  return (
    codePoint === 0xad ||
    codePoint === 0x34f ||
    codePoint === 0x61c ||
    (codePoint >= 0x17b4 && codePoint <= 0x17b5) ||
    (codePoint >= 0x180b && codePoint <= 0x180e) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x206f) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    codePoint === 0xfeff ||
    (codePoint >= 0xfff0 && codePoint <= 0xfff8) ||
    (codePoint >= 0x1bca0 && codePoint <= 0x1bca3) ||
    (codePoint >= 0x1d173 && codePoint <= 0x1d17a) ||
    (codePoint >= 0xe0000 && codePoint <= 0xe0fff)
  );
}

/**
 * fontkit exports neither GlyphRun nor GlyphPosition: they are taken from a run laid out by a view of the font
 * that shows no layout table (so no engine decodes one), of a glyph already loaded (so none is made for it).
 */
function fontkitRunClasses(font: ShapedFont): { GlyphRun: GlyphRunClass; GlyphPosition: GlyphPositionClass } {
  const space = font.glyphForCodePoint(0x20);
  const hidden = { value: undefined };
  const bare = Object.create(font, { GSUB: hidden, GPOS: hidden, morx: hidden, kern: hidden }) as ShapedFont;
  // fontkit's own method, not one a caller has put on the font.
  const { layout } = Object.getPrototypeOf(font) as ShapedFont;
  const run = layout.call(bare, [space]);
  return {
    GlyphRun: run.constructor as GlyphRunClass,
    GlyphPosition: run.positions[0]!.constructor as GlyphPositionClass,
  };
}
