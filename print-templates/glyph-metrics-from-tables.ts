// A glyph's metrics read straight from hmtx and vmtx. fontkit 2.0.4 works out a TrueType glyph's metrics by
// decoding its glyf header through restructure (reading its outline bytes from the file) for a control box
// that a face with vmtx does not use, then its hmtx and vmtx entries one struct at a time: in a fresh process,
// in V8's interpreter, milliseconds for a certificate's glyphs. fontkit returns a glyph's `_metrics` when it is
// set; here it is set, with the very numbers and fields fontkit would compute, as the glyph is made. Only a
// static TrueType face with vmtx: a variable face adjusts its metrics, one without vmtx needs the control box.
// glyph-metrics-from-tables.test.ts compares every glyph with fontkit's own.

import { type LazyArrayInternals, viewOf } from './cmap-glyph-ids';

/** What of fontkit 2.0.4's hmtx or vmtx, as decoded by restructure, this file reads. */
interface MetricsTable {
  metrics: LazyArrayInternals;
  bearings: LazyArrayInternals;
}

interface GlyphMetrics {
  advanceWidth: number;
  advanceHeight: number;
  leftBearing: number;
  topBearing: number;
}

interface GlyphInternals {
  id: number;
  _metrics?: GlyphMetrics;
}

/** What of fontkit 2.0.4's TTFFont this file touches. */
interface FontInternals {
  directory: { tables: Record<string, unknown> };
  maxp: { numGlyphs: number };
  hmtx?: MetricsTable;
  vmtx?: MetricsTable;
  _variationProcessor?: unknown;
  getGlyph(gid: number, codePoints?: number[]): GlyphInternals | null;
}

/** Glyph classes other than fontkit's TTFGlyph (bitmaps, colour layers, CFF outlines): left to fontkit. */
const otherGlyphTables = ['sbix', 'COLR', 'CFF ', 'CFF2'];

/** Makes every glyph `font` gives out (from its getGlyph, whoever asks) come with its metrics, where it can. */
export function glyphMetricsFromTables(font: object): void {
  const internals = font as FontInternals;
  const tables = internals.directory.tables;
  if (!tables['glyf'] || !tables['vmtx'] || otherGlyphTables.some((tag) => tables[tag])) return;
  const getGlyph = internals.getGlyph.bind(internals);
  // Read on the first glyph, as fontkit would: null when the face turns out to be one for fontkit.
  let metricsOf: ((gid: number) => GlyphMetrics | undefined) | null | undefined;
  internals.getGlyph = (gid, codePoints) => {
    const glyph = getGlyph(gid, codePoints);
    if (metricsOf === undefined) metricsOf = metricsReader(internals);
    if (glyph && metricsOf && !glyph._metrics && gid === glyph.id) glyph._metrics = metricsOf(gid);
    return glyph;
  };
}

function metricsReader(font: FontInternals): ((gid: number) => GlyphMetrics | undefined) | null {
  if (font._variationProcessor) return null;
  const { hmtx, vmtx } = font;
  if (!hmtx || !vmtx) return null;
  const horizontal = tableMetrics(hmtx);
  const vertical = tableMetrics(vmtx);
  // A glyph id past the face's glyphs (a broken cmap's): fontkit's own reading.
  const { numGlyphs } = font.maxp;
  return (gid) => {
    if (gid >= numGlyphs) return undefined;
    const [advanceWidth, leftBearing] = horizontal(gid);
    const [advanceHeight, topBearing] = vertical(gid);
    // fontkit's field order.
    return { advanceWidth, advanceHeight, leftBearing, topBearing };
  };
}

/**
 * fontkit's Glyph._getTableMetrics: a glyph's own entry (advance, bearing); past them, the last entry's advance
 * and the glyph's bearing from the list after them (0 past that list, or when there is no entry at all).
 */
function tableMetrics(table: MetricsTable): (gid: number) => [number, number] {
  const { metrics, bearings } = table;
  const view = viewOf(metrics);
  return (gid) => {
    if (gid < metrics.length) return [view.getUint16(metrics.base + gid * 4), view.getInt16(metrics.base + gid * 4 + 2)];
    const advance = metrics.length > 0 ? view.getUint16(metrics.base + (metrics.length - 1) * 4) : 0;
    const index = gid - metrics.length;
    const bearing = index < bearings.length ? view.getInt16(bearings.base + index * 2) : 0;
    return [advance, bearing];
  };
}
