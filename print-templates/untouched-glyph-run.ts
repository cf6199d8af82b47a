// Shaping text that none of the OpenType lookups fontkit applies can change — Chinese wording, digits,
// full-width punctuation in a CJK face — without fontkit's layout engine, whose first run on a face decodes
// the GSUB and GPOS lookups through restructure (15–25 ms in a fresh process) and every later run goes
// through the whole OpenType pipeline. For such text fontkit's layout is exactly: the glyphs
// of glyphsForString, each positioned by its advance, and the features its default shaper planned. A text is
// taken only when fontkit 2.0.4 would shape it with that shaper left to right, and would neither hide,
// reorder, zero nor kern any of its glyphs; anything else is left to fontkit (the caller's fallback).
// reusable-font.test.ts and untouched-glyph-run.test.ts compare the result with fontkit's own layout.

import { glyphsForText } from './cmap-glyph-ids';
import { type GlyphRun, type ShapedFont, glyphRunClasses, otherLayoutTables } from './fontkit-glyph-run';
import { defaultShaperFeatures, opentypeTouchedGlyphs } from './opentype-touched-glyphs';
import { plainScriptOf } from './plain-script-text';

export type { GlyphRun, ShapedFont } from './fontkit-glyph-run';

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
    const glyphs = glyphsForText(font, text);
    for (const glyph of glyphs) if (touched[glyph.id] === 1 || glyph.isMark) return undefined;
    const { GlyphRun, GlyphPosition } = glyphRunClasses(font);
    const run = new GlyphRun(glyphs, [], script);
    run.positions = glyphs.map((glyph) => new GlyphPosition(glyph.advanceWidth));
    // fontkit returns an empty run before planning.
    if (planned && glyphs.length > 0) for (const feature of defaultShaperFeatures) run.features[feature] = true;
    return run;
  };
}
