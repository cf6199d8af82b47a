// Shaping text that default OpenType lookups do change — Latin letters, digits a Latin run localises, "fi",
// kern pairs — without fontkit's layout engine, when every lookup that could act on it is a simple one:
// single or ligature substitution (GSUB 1, 4), single or pair positioning (GPOS 1, 2). fontkit's first layout
// on a face decodes its GSUB and GPOS lookups through restructure (15–25 ms in a fresh process); here the
// few subtables such text reaches are read straight from the bytes, and applied as fontkit 2.0.4's
// OTProcessor, GSUBProcessor, GPOSProcessor and GlyphIterator apply them: one stage of the default shaper's
// features, each table's lookups in index order (a lookup listed by two features applied twice), the
// lookup's flags skipping glyphs, a ligature's code points those of its components, both glyphs of a pair
// moved, the iterator then stepping one glyph on. A text holding a mark, or meeting any other lookup that
// could act on one of its glyphs, or anything this reading does not follow, is left to fontkit.
// simple-lookup-run.test.ts compares the runs with fontkit's own layout.

import { isMark } from 'unicode-properties';

import { glyphsForText } from './cmap-glyph-ids';
import { type Glyph, type GlyphRun, type ShapedFont, glyphRunClasses, otherLayoutTables } from './fontkit-glyph-run';
import {
  defaultScripts,
  defaultShaperFeatures,
  fractionFeatures,
  opentypeTouchedGlyphs,
  tableView,
  tagAt,
} from './opentype-touched-glyphs';
import { isDefaultIgnorable, plainScriptOf } from './plain-script-text';

/** Something fontkit would do otherwise than this reading, or fail on: the text goes to fontkit. */
class LeftToFontkit extends Error {}
function leave(): never {
  throw new LeftToFontkit();
}

/** A Coverage table, decoded on first use into glyph → coverage index, the first entry winning. */
type GlyphTable = Map<number, number>;

interface Subtable {
  readonly type: number;
  /** The subtable's offset in its table's view, past any extension. */
  readonly at: number;
  coverage(): GlyphTable;
  /** A pair positioning's of format 2. */
  classDef1?: () => Uint16Array;
  classDef2?: () => Uint16Array;
}

interface Lookup {
  /** The lookup flag's low byte: 2 ignore base glyphs, 4 ignore ligatures, 8 ignore marks. */
  readonly flags: number;
  readonly subtables: readonly Subtable[];
}

interface LayoutTable {
  readonly view: DataView;
  /** Applied in this order, once each. */
  readonly lookups: readonly Lookup[];
}

interface Plan {
  readonly gsub: LayoutTable | undefined;
  readonly gpos: LayoutTable | undefined;
}

/** fontkit's GlyphInfo: the glyph as the lookups see it. */
interface GlyphInfo {
  id: number;
  codePoints: number[];
  isBase: boolean;
  isLigature: boolean;
}

/** The lookup types applied here; every other type is checked not to reach the text. */
const applied = { GSUB: new Set([1, 4]), GPOS: new Set([1, 2]) } as const;
const extensionType = { GSUB: 7, GPOS: 9 } as const;
/** Each lookup type fontkit 2.0.4 applies, with the subtable formats it decodes. */
const knownFormats: Record<'GSUB' | 'GPOS', Readonly<Record<number, readonly number[]>>> = {
  GSUB: { 1: [1, 2], 2: [1], 3: [1], 4: [1], 5: [1, 2, 3], 6: [1, 2, 3] },
  GPOS: { 1: [1, 2], 2: [1, 2], 3: [1], 4: [1], 5: [1], 6: [1], 7: [1, 2, 3], 8: [1, 2, 3] },
};

/** A shaper for one font: the run fontkit's layout would give `text`, or undefined when it must be asked. */
export function simpleLookupRuns(font: ShapedFont): (text: string) => GlyphRun | undefined {
  const tables = font.directory.tables;
  // Variations (device deltas, feature variations) and layout other than GSUB/GPOS: fontkit's.
  if (font.type !== 'TTF' || tables['fvar'] || otherLayoutTables.some((tag) => tables[tag])) return () => undefined;
  if (!tables['GSUB'] && !tables['GPOS']) return () => undefined;
  // Read on the first text that needs it, once per font.
  const glyphClasses = lazily(() => readGlyphClasses(font));
  // Read once per script a text of this font is in: what about the font those texts reach, never the texts.
  const plans = new Map<string, Plan | undefined>();
  return (text) => {
    const script = plainScriptOf(text);
    if (script === undefined) return undefined;
    const gdef = glyphClasses();
    if (gdef === undefined) return undefined;
    if (!plans.has(script)) plans.set(script, readPlan(font, script));
    const plan = plans.get(script);
    if (plan === undefined) return undefined;
    try {
      return shape(font, plan, gdef, text, script);
    } catch (error) {
      if (error instanceof LeftToFontkit || error instanceof RangeError) return undefined;
      throw error;
    }
  };
}

function shape(font: ShapedFont, plan: Plan, gdef: GlyphClasses, text: string, script: string): GlyphRun | undefined {
  const glyphs = glyphsForText(font, text);
  if (glyphs.length === 0) return undefined;
  const infos = glyphs.map((glyph) => glyphInfo(gdef, glyph.id, [...glyph.codePoints]));
  if (plan.gsub) applyLookups(plan.gsub, infos, undefined, gdef);
  const shaped: Glyph[] = plan.gsub ? infos.map((info) => font.getGlyph(info.id, info.codePoints)) : glyphs;
  // What fontkit would position as marks (zeroing, Unicode placement) or hide: its own layout's.
  for (const glyph of shaped) if (glyph.isMark || isDefaultIgnorable(glyph.codePoints[0]!)) return undefined;
  const { GlyphRun, GlyphPosition } = glyphRunClasses(font);
  const run = new GlyphRun(shaped, [], script);
  run.positions = shaped.map((glyph) => new GlyphPosition(glyph.advanceWidth));
  if (plan.gpos) applyLookups(plan.gpos, infos, run.positions, gdef);
  for (const feature of defaultShaperFeatures) run.features[feature] = true;
  return run;
}

// ---- Glyph classes (fontkit's GlyphInfo id setter) ----

/** GDEF's glyph classes, when it has them; else fontkit asks Unicode. */
interface GlyphClasses {
  readonly classDef: Uint16Array | undefined;
}

function readGlyphClasses(font: ShapedFont): GlyphClasses | undefined {
  const table = font.directory.tables['GDEF'];
  if (!table) return { classDef: undefined };
  try {
    const view = tableView(font.stream.buffer, table);
    const classDef = view.getUint16(4);
    return { classDef: classDef === 0 ? undefined : readClassDef(view, classDef) };
  } catch {
    return undefined;
  }
}

function glyphInfo(gdef: GlyphClasses, id: number, codePoints: number[]): GlyphInfo {
  const info: GlyphInfo = { id: 0, codePoints, isBase: false, isLigature: false };
  setId(gdef, info, id);
  return info;
}

/** A glyph GDEF or Unicode calls a mark would be skipped, attached, zeroed: the text is fontkit's. */
function setId(gdef: GlyphClasses, info: GlyphInfo, id: number): void {
  info.id = id;
  if (gdef.classDef) {
    const classId = gdef.classDef[id]!;
    if (classId === 3) leave();
    info.isBase = classId === 1;
    info.isLigature = classId === 2;
  } else {
    if (info.codePoints.length > 0 && info.codePoints.every((codePoint) => isMark(codePoint))) leave();
    info.isBase = true;
    info.isLigature = info.codePoints.length > 1;
  }
}

// ---- Applying (fontkit's OTProcessor.applyLookups and GlyphIterator) ----

class GlyphIterator {
  index = 0;
  private flags = 0;

  constructor(private readonly glyphs: GlyphInfo[]) {}

  reset(flags: number, index = 0): void {
    this.flags = flags;
    this.index = index;
  }

  get cur(): GlyphInfo | undefined {
    return this.glyphs[this.index];
  }

  private ignores(glyph: GlyphInfo): boolean {
    return ((this.flags & 2) !== 0 && glyph.isBase) || ((this.flags & 4) !== 0 && glyph.isLigature);
  }

  move(direction: number): void {
    this.index += direction;
    while (this.index >= 0 && this.index < this.glyphs.length && this.ignores(this.glyphs[this.index]!)) this.index += direction;
  }

  /** The index one (not ignored) glyph on, the iterator left where it was; may be past the end. */
  peekIndex(): number {
    const at = this.index;
    this.move(1);
    const next = this.index;
    this.index = at;
    return next;
  }
}

function applyLookups(
  table: LayoutTable,
  glyphs: GlyphInfo[],
  positions: Array<Record<string, number>> | undefined,
  gdef: GlyphClasses,
): void {
  const iterator = new GlyphIterator(glyphs);
  for (const lookup of table.lookups) {
    iterator.reset(lookup.flags);
    while (iterator.index < glyphs.length) {
      for (const subtable of lookup.subtables) {
        const applies = positions
          ? applyPositioning(table.view, subtable, iterator, glyphs, positions)
          : applySubstitution(table.view, subtable, iterator, glyphs, gdef);
        if (applies) break;
      }
      iterator.move(1);
    }
  }
}

function applySubstitution(view: DataView, subtable: Subtable, iterator: GlyphIterator, glyphs: GlyphInfo[], gdef: GlyphClasses): boolean {
  const cur = iterator.cur!;
  const index = subtable.coverage().get(cur.id);
  if (index === undefined) return false;
  if (subtable.type !== 1 && subtable.type !== 4) leave();
  const at = subtable.at;
  if (subtable.type === 1) {
    if (view.getUint16(at) === 1) setId(gdef, cur, (cur.id + view.getInt16(at + 4)) & 0xffff);
    else {
      if (index >= view.getUint16(at + 4)) leave();
      setId(gdef, cur, view.getUint16(at + 6 + index * 2));
    }
    return true;
  }
  if (index >= view.getUint16(at + 4)) leave();
  const set = at + view.getUint16(at + 6 + index * 2);
  const count = view.getUint16(set);
  for (let l = 0; l < count; l++) {
    const ligature = set + view.getUint16(set + 2 + l * 2);
    const componentCount = view.getUint16(ligature + 2);
    if (componentCount === 0) leave();
    const matched = matchComponents(view, ligature + 4, componentCount - 1, iterator, glyphs);
    if (!matched) continue;
    const codePoints = cur.codePoints.slice();
    for (const m of matched) codePoints.push(...glyphs[m]!.codePoints);
    const replacement = glyphInfo(gdef, view.getUint16(ligature), codePoints);
    for (let i = matched.length - 1; i >= 0; i--) glyphs.splice(matched[i]!, 1);
    glyphs[iterator.index] = replacement;
    return true;
  }
  return false;
}

/** fontkit's sequenceMatchIndices(1, components): the indexes of the components that follow, or undefined. */
function matchComponents(view: DataView, at: number, count: number, iterator: GlyphIterator, glyphs: GlyphInfo[]): number[] | undefined {
  const start = iterator.index;
  const matched: number[] = [];
  iterator.move(1);
  while (
    matched.length < count &&
    iterator.index < glyphs.length &&
    glyphs[iterator.index]!.id === view.getUint16(at + matched.length * 2)
  ) {
    matched.push(iterator.index);
    iterator.move(1);
  }
  iterator.index = start;
  return matched.length === count ? matched : undefined;
}

function applyPositioning(
  view: DataView,
  subtable: Subtable,
  iterator: GlyphIterator,
  glyphs: GlyphInfo[],
  positions: Array<Record<string, number>>,
): boolean {
  const at = subtable.at;
  const format = view.getUint16(at);
  if (subtable.type === 2) {
    // fontkit looks for the second glyph before the Coverage.
    const next = iterator.peekIndex();
    if (next >= glyphs.length) return false;
    const index = subtable.coverage().get(iterator.cur!.id);
    if (index === undefined) return false;
    const format1 = view.getUint16(at + 4);
    const format2 = view.getUint16(at + 6);
    if ((format1 | format2) & deviceBits) leave();
    const size1 = valueRecordSize(format1);
    const recordSize = size1 + valueRecordSize(format2);
    let record: number | undefined;
    if (format === 1) {
      if (index >= view.getUint16(at + 8)) leave();
      const set = at + view.getUint16(at + 10 + index * 2);
      const count = view.getUint16(set);
      const second = glyphs[next]!.id;
      for (let p = 0; p < count && record === undefined; p++) {
        const pair = set + 2 + p * (2 + recordSize);
        if (view.getUint16(pair) === second) record = pair + 2;
      }
      if (record === undefined) return false;
    } else {
      const class1 = subtable.classDef1!()[iterator.cur!.id]!;
      const class2 = subtable.classDef2!()[glyphs[next]!.id]!;
      const class1Count = view.getUint16(at + 12);
      const class2Count = view.getUint16(at + 14);
      if (class1 >= class1Count || class2 >= class2Count) leave();
      record = at + 16 + (class1 * class2Count + class2) * recordSize;
    }
    applyValue(view, format1, record, positions[iterator.index]!);
    applyValue(view, format2, record + size1, positions[next]!);
    return true;
  }
  const index = subtable.coverage().get(iterator.cur!.id);
  if (index === undefined) return false;
  if (subtable.type !== 1) leave();
  const valueFormat = view.getUint16(at + 4);
  if (valueFormat & deviceBits) leave();
  if (format === 1) applyValue(view, valueFormat, at + 6, positions[iterator.index]!);
  else {
    if (index >= view.getUint16(at + 6)) leave();
    applyValue(view, valueFormat, at + 8 + index * valueRecordSize(valueFormat), positions[iterator.index]!);
  }
  return true;
}

/** fontkit reads the eight ValueFormat bits it names, each field two bytes. */
function valueRecordSize(format: number): number {
  let size = 0;
  for (let bit = 0; bit < 8; bit++) if (format & (1 << bit)) size += 2;
  return size;
}

/** Device tables: fontkit decodes them, and this reading does not follow that. */
const deviceBits = 0xf0;
const valueFields = ['xOffset', 'yOffset', 'xAdvance', 'yAdvance'] as const;

/** Placement and advance (device tables apply only to a variable font, never taken here). */
function applyValue(view: DataView, format: number, at: number, position: Record<string, number>): void {
  let field = at;
  for (let bit = 0; bit < 4; bit++) {
    if ((format & (1 << bit)) === 0) continue;
    position[valueFields[bit]!]! += view.getInt16(field);
    field += 2;
  }
}

// ---- Reading the lookups a script selects (fontkit's selectScript, lookupsForFeatures) ----

function readPlan(font: ShapedFont, script: string): Plan | undefined {
  try {
    // Every Coverage of every default lookup one fontkit can decode (else its layout fails, not this one).
    if (opentypeTouchedGlyphs(font.stream.buffer, font.directory.tables, script) === undefined) return undefined;
    return { gsub: readLayoutTable(font, 'GSUB', script), gpos: readLayoutTable(font, 'GPOS', script) };
  } catch {
    return undefined;
  }
}

function readLayoutTable(font: ShapedFont, tag: 'GSUB' | 'GPOS', script: string): LayoutTable | undefined {
  const location = font.directory.tables[tag];
  if (!location) return undefined;
  const view = tableView(font.stream.buffer, location);
  // Feature variations: fontkit's to weigh.
  if (view.getUint16(2) >= 1 && view.getUint32(10) !== 0) leave();
  const scriptList = view.getUint16(4);
  const featureList = view.getUint16(6);
  const lookupList = view.getUint16(8);
  if (scriptList === 0 || featureList === 0 || lookupList === 0) leave();
  const features = selectedFeatures(view, scriptList, featureList, script);
  const selected: Array<{ feature: string; index: number }> = [];
  for (const feature of defaultShaperFeatures) {
    const offset = features.get(feature);
    if (offset === undefined) continue;
    const count = view.getUint16(offset + 2);
    // No glyph of a text taken here has a fraction feature; any lookup of one is left unweighed.
    if (count > 0 && fractionFeatures.has(feature)) leave();
    for (let i = 0; i < count; i++) selected.push({ feature, index: view.getUint16(offset + 4 + i * 2) });
  }
  // fontkit sorts by lookup index, stably: a lookup of two features runs twice.
  selected.sort((a, b) => a.index - b.index);
  const lookupCount = view.getUint16(lookupList);
  const read = new Map<number, Lookup>();
  const lookups = selected.map(({ index }) => {
    if (index >= lookupCount) leave();
    let lookup = read.get(index);
    if (!lookup) read.set(index, (lookup = readLookup(view, tag, lookupList + view.getUint16(lookupList + 2 + index * 2))));
    return lookup;
  });
  return { view, lookups };
}

/** The features (tag → offset) of the default language system of the script fontkit selects. */
function selectedFeatures(view: DataView, scriptList: number, featureList: number, script: string): Map<string, number> {
  const scripts = view.getUint16(scriptList);
  const tags = Array.from({ length: scripts }, (_, s) => tagAt(view, scriptList + 2 + s * 6));
  let selected = tags.indexOf(script);
  if (selected === -1) selected = defaultScripts.map((tag) => tags.indexOf(tag)).find((index) => index !== -1) ?? -1;
  // No script and no default one: fontkit keeps the script of an earlier text.
  if (selected === -1) leave();
  const scriptTable = scriptList + view.getUint16(scriptList + 2 + selected * 6 + 4);
  const features = new Map<string, number>();
  const langSys = view.getUint16(scriptTable);
  if (langSys === 0) return features;
  const featureCount = view.getUint16(featureList);
  const count = view.getUint16(scriptTable + langSys + 4);
  for (let i = 0; i < count; i++) {
    const featureIndex = view.getUint16(scriptTable + langSys + 6 + i * 2);
    if (featureIndex >= featureCount) leave();
    const record = featureList + 2 + featureIndex * 6;
    // A tag listed twice: fontkit keeps the last.
    features.set(tagAt(view, record), featureList + view.getUint16(record + 4));
  }
  return features;
}

function readLookup(view: DataView, tag: 'GSUB' | 'GPOS', lookup: number): Lookup {
  const type = view.getUint16(lookup);
  const flagWord = view.getUint16(lookup + 2);
  const count = view.getUint16(lookup + 4);
  const subtables: Subtable[] = [];
  for (let i = 0; i < count; i++) {
    let at = lookup + view.getUint16(lookup + 6 + i * 2);
    let subtableType = type;
    if (type === extensionType[tag]) {
      subtableType = view.getUint16(at + 2);
      at += view.getUint32(at + 4);
    }
    const format = view.getUint16(at);
    if (!knownFormats[tag][subtableType]?.includes(format)) leave();
    const coverage = firstCoverage(view, at, subtableType, format, tag);
    const subtable: Subtable = {
      type: applied[tag].has(subtableType) ? subtableType : 0,
      at,
      coverage: lazily(() => readCoverage(view, coverage)),
    };
    if (tag === 'GPOS' && subtableType === 2 && format === 2) {
      subtable.classDef1 = lazily(() => readClassDef(view, at + view.getUint16(at + 8)));
      subtable.classDef2 = lazily(() => readClassDef(view, at + view.getUint16(at + 10)));
    }
    // GSUB 1 format 1 carries its substitution in the subtable: nothing more to read.
    subtables.push(subtable);
  }
  // Its high byte, a mark attachment class, filters only marks, and a text holding a mark is never here.
  return { flags: flagWord & 0xff, subtables };
}

/**
 * The Coverage a glyph must be in for the subtable to act on it at all: what fontkit checks first, with no
 * effect before it. For a context of format 3, its first input glyph's.
 */
function firstCoverage(view: DataView, at: number, type: number, format: number, tag: 'GSUB' | 'GPOS'): number {
  const context = tag === 'GSUB' ? type === 5 : type === 7;
  const chained = tag === 'GSUB' ? type === 6 : type === 8;
  if ((context || chained) && format === 3) {
    if (context) {
      if (view.getUint16(at + 2) === 0) leave();
      return at + view.getUint16(at + 6);
    }
    const input = at + 4 + view.getUint16(at + 2) * 2;
    if (view.getUint16(input) === 0) leave();
    return at + view.getUint16(input + 2);
  }
  return at + view.getUint16(at + 2);
}

function lazily<T>(read: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) [value, done] = [read(), true];
    return value;
  };
}

function readCoverage(view: DataView, at: number): GlyphTable {
  const glyphs: GlyphTable = new Map();
  const format = view.getUint16(at);
  const count = view.getUint16(at + 2);
  if (format === 1) {
    for (let i = 0; i < count; i++) {
      const glyph = view.getUint16(at + 4 + i * 2);
      if (!glyphs.has(glyph)) glyphs.set(glyph, i);
    }
  } else if (format === 2) {
    for (let i = 0; i < count; i++) {
      const range = at + 4 + i * 6;
      const start = view.getUint16(range);
      const startIndex = view.getUint16(range + 4);
      for (let glyph = start, end = view.getUint16(range + 2); glyph <= end; glyph++)
        if (!glyphs.has(glyph)) glyphs.set(glyph, startIndex + glyph - start);
    }
  } else leave();
  return glyphs;
}

/** fontkit's getClassID for every glyph id: 0 outside the table, the first range holding a glyph winning. */
function readClassDef(view: DataView, at: number): Uint16Array {
  const classes = new Uint16Array(0x10000);
  const format = view.getUint16(at);
  if (format === 1) {
    const start = view.getUint16(at + 2);
    const count = Math.min(view.getUint16(at + 4), 0x10000 - start);
    for (let i = 0; i < count; i++) classes[start + i] = view.getUint16(at + 6 + i * 2);
  } else if (format === 2) {
    // Written last to first, so that an earlier range overwrites a later one.
    for (let i = view.getUint16(at + 2) - 1; i >= 0; i--) {
      const range = at + 4 + i * 6;
      classes.fill(view.getUint16(range + 4), view.getUint16(range), view.getUint16(range + 2) + 1);
    }
  } else leave();
  return classes;
}
