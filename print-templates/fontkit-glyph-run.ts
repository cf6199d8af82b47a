// fontkit 2.0.4's glyph runs as the shaping routes that bypass its layout engine build them: the shape of a
// font, a glyph and a run they rely on, and fontkit's own GlyphRun and GlyphPosition classes (not exported by
// fontkit), so that a run made here is the very kind of object fontkit's layout returns.

export interface Glyph {
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
  getGlyph(id: number, codePoints?: number[]): Glyph;
}

export type GlyphRunClass = new (glyphs: Glyph[], features: string[], script: string, language?: string, direction?: string) => GlyphRun;
export type GlyphPositionClass = new (xAdvance: number) => Record<string, number>;

/** Tables that make fontkit position glyphs other than by GSUB and GPOS: AAT morphing, legacy kerning. */
export const otherLayoutTables = ['morx', 'mort', 'kern'];

/** fontkit's own run classes, from a layout that runs none of its OpenType machinery; one pair a process. */
let runClasses: { GlyphRun: GlyphRunClass; GlyphPosition: GlyphPositionClass } | undefined;

/** Taken from the first font that asks. */
export function glyphRunClasses(font: ShapedFont): { GlyphRun: GlyphRunClass; GlyphPosition: GlyphPositionClass } {
  return (runClasses ??= fontkitRunClasses(font));
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
