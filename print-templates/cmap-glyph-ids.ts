// A face's character map read straight from its bytes. fontkit 2.0.4 maps a character by a binary search whose
// every probe decodes a cmap entry through restructure, in a fresh process in V8's interpreter (milliseconds
// for a certificate's few hundred characters). Here the same search, over the same subtable fontkit chose
// (its CmapProcessor's: a Unicode one, format 4 or 12), reads the numbers with a DataView; any other subtable
// is left to fontkit. Glyph objects still come from fontkit's getGlyph, with the code points fontkit gives them.
// cmap-glyph-ids.test.ts compares every code point with fontkit's own lookup.

import type { Glyph, ShapedFont } from './fontkit-glyph-run';

/** restructure 3's LazyArray as fontkit decodes a table into it: where its items start, and how many. */
export interface LazyArrayInternals {
  stream: { buffer: Uint8Array };
  base: number;
  length: number;
}

/** What of fontkit 2.0.4's CmapProcessor this file reads: the subtable it chose, decoded by restructure. */
interface CmapProcessorInternals {
  encoding: unknown;
  cmap: {
    version: number;
    segCount: number;
    endCode: LazyArrayInternals;
    startCode: LazyArrayInternals;
    idDelta: LazyArrayInternals;
    idRangeOffset: LazyArrayInternals;
    glyphIndexArray: LazyArrayInternals;
    nGroups: number;
    groups: LazyArrayInternals;
  };
}

type GlyphIdOf = (codePoint: number) => number;

/** Per font: its lookup, or null when fontkit's own is used. Made on the font's first text. */
const lookups = new WeakMap<object, GlyphIdOf | null>();

/** The glyphs of fontkit's glyphsForString for `text`, the face's character map read from its bytes. */
export function glyphsForText(font: ShapedFont, text: string): Glyph[] {
  let glyphIdOf = lookups.get(font);
  if (glyphIdOf === undefined) lookups.set(font, (glyphIdOf = cmapGlyphIds(font)));
  if (glyphIdOf === null) return font.glyphsForString(text);
  const glyphs: Glyph[] = [];
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    // A lone surrogate or a variation selector: fontkit pairs these with their neighbours in its own way.
    if ((codePoint >= 0xd800 && codePoint <= 0xdfff) || isVariationSelector(codePoint)) return font.glyphsForString(text);
    glyphs.push(font.getGlyph(glyphIdOf(codePoint), [codePoint]));
  }
  return glyphs;
}

/** fontkit's `_cmapProcessor.lookup(codePoint)` from the bytes, or null where fontkit's own is kept. */
export function cmapGlyphIds(font: ShapedFont): GlyphIdOf | null {
  const processor = (font as unknown as { _cmapProcessor: CmapProcessorInternals })._cmapProcessor;
  // A non-Unicode subtable, whose characters fontkit re-encodes first: fontkit's.
  if (processor.encoding) return null;
  const cmap = processor.cmap;
  if (cmap.version === 4) return format4(cmap);
  if (cmap.version === 12) return format12(cmap);
  return null;
}

/** Over the very bytes restructure reads (a read past them throws a RangeError, as restructure's does). */
export function viewOf(array: LazyArrayInternals): DataView {
  const bytes = array.stream.buffer;
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function isVariationSelector(codePoint: number): boolean {
  return (codePoint >= 0xfe00 && codePoint <= 0xfe0f) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef);
}

/** fontkit's format 4 search, probe for probe (segments by end code, a delta or an index into glyph ids). */
function format4(cmap: CmapProcessorInternals['cmap']): GlyphIdOf {
  const view = viewOf(cmap.endCode);
  const { segCount } = cmap;
  const starts = cmap.startCode.base;
  const ends = cmap.endCode.base;
  const deltas = cmap.idDelta.base;
  const rangeOffsets = cmap.idRangeOffset.base;
  const { base: glyphIds, length: glyphIdCount } = cmap.glyphIndexArray;
  return (codePoint) => {
    let min = 0;
    let max = segCount - 1;
    while (min <= max) {
      const mid = (min + max) >> 1;
      if (codePoint < view.getUint16(starts + mid * 2)) max = mid - 1;
      else if (codePoint > view.getUint16(ends + mid * 2)) min = mid + 1;
      else {
        const rangeOffset = view.getUint16(rangeOffsets + mid * 2);
        const delta = view.getInt16(deltas + mid * 2);
        if (rangeOffset === 0) return (codePoint + delta) & 0xffff;
        // As fontkit computes it, an odd offset included (restructure then reads at an odd byte).
        const index = rangeOffset / 2 + (codePoint - view.getUint16(starts + mid * 2)) - (segCount - mid);
        const gid = index < 0 || index >= glyphIdCount ? 0 : view.getUint16(glyphIds + index * 2);
        return gid === 0 ? 0 : (gid + delta) & 0xffff;
      }
    }
    return 0;
  };
}

/** fontkit's format 12 search: groups of 12 bytes (first and last character, first glyph id). */
function format12(cmap: CmapProcessorInternals['cmap']): GlyphIdOf {
  const view = viewOf(cmap.groups);
  const { nGroups } = cmap;
  const groups = cmap.groups.base;
  return (codePoint) => {
    let min = 0;
    let max = nGroups - 1;
    while (min <= max) {
      const mid = (min + max) >> 1;
      const group = groups + mid * 12;
      const start = view.getUint32(group);
      if (codePoint < start) max = mid - 1;
      else if (codePoint > view.getUint32(group + 4)) min = mid + 1;
      else return view.getUint32(group + 8) + (codePoint - start);
    }
    return 0;
  };
}
