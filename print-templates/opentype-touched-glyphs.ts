// Which glyphs of a font the OpenType lookups fontkit applies by default to text of one script could change:
// read straight from the GSUB, GPOS and GDEF bytes, without fontkit's decoding of those tables (the most
// costly part of a first `layout` on a face). A glyph outside this set is left as it is by every one of those
// lookups, since each lookup fontkit applies acts only on a glyph found in its subtable's Coverage (a lookup
// nested in a context runs only where that context matched, whose first glyph is in the context's own
// Coverage). The set may hold more glyphs than could really change: that only sends more text to fontkit.
// The script matters: Noto Sans SC localises digits for Latin text, not for Chinese.

/**
 * The features fontkit 2.0.4's default shaper plans for left-to-right text, in its order (what a run's
 * `features` lists). All but the fraction ones apply to every glyph; those only to digits around U+2044.
 */
export const defaultShaperFeatures = [
  'rvrn',
  'ltra',
  'ltrm',
  'frac',
  'numr',
  'dnom',
  'ccmp',
  'locl',
  'rlig',
  'mark',
  'mkmk',
  'calt',
  'clig',
  'liga',
  'rclt',
  'curs',
  'kern',
] as const;
export const fractionSlash = 0x2044;
export const fractionFeatures = new Set(['frac', 'numr', 'dnom']);
/** What the set below covers: text holding U+2044 is never taken for untouched. */
const appliedFeatures = new Set<string>(defaultShaperFeatures.filter((feature) => !fractionFeatures.has(feature)));

export interface TableLocation {
  offset: number;
  length: number;
}

/**
 * One flag a glyph id: 1 where a default lookup may act on the glyph or GDEF calls it a mark; undefined when
 * the font's tables say something this reading does not follow (then every text goes to fontkit's layout).
 */
export function opentypeTouchedGlyphs(
  fontBytes: Uint8Array,
  tables: Readonly<Record<string, TableLocation | undefined>>,
  script: string,
): Uint8Array | undefined {
  const touched = new Uint8Array(0x10000);
  try {
    for (const tag of ['GSUB', 'GPOS'] as const) {
      const table = tables[tag];
      if (table && !readLayoutTable(tableView(fontBytes, table), tag, script, touched)) return undefined;
    }
    const gdef = tables['GDEF'];
    if (gdef && !readMarkGlyphs(tableView(fontBytes, gdef), touched)) return undefined;
  } catch {
    // An offset past its table's end (DataView throws a RangeError): a damaged table, fontkit's to judge.
    return undefined;
  }
  return touched;
}

export function tableView(bytes: Uint8Array, { offset, length }: TableLocation): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset + offset, length);
}

/** GSUB or GPOS: false when it has feature variations or a default lookup of a type fontkit cannot apply. */
function readLayoutTable(view: DataView, tag: 'GSUB' | 'GPOS', script: string, touched: Uint8Array): boolean {
  const minorVersion = view.getUint16(2);
  // Feature variations swap a feature's lookups for others by the font's axes.
  if (minorVersion >= 1 && view.getUint32(10) !== 0) return false;
  const scriptList = view.getUint16(4);
  const featureList = view.getUint16(6);
  const lookupList = view.getUint16(8);
  // No script list: fontkit selects no script, and so applies no feature of the table.
  if (scriptList === 0) return true;
  if (featureList === 0 || lookupList === 0) return false;
  const lookups = new Set<number>();
  const featureCount = view.getUint16(featureList);
  const lookupCount = view.getUint16(lookupList);
  for (const featureIndex of selectedFeatures(view, scriptList, script)) {
    // An index past its list: fontkit would fail on it, and a guess here could be wrong.
    if (featureIndex >= featureCount) return false;
    const record = featureList + 2 + featureIndex * 6;
    if (!appliedFeatures.has(tagAt(view, record))) continue;
    const feature = featureList + view.getUint16(record + 4);
    const count = view.getUint16(feature + 2);
    for (let i = 0; i < count; i++) lookups.add(view.getUint16(feature + 4 + i * 2));
  }
  for (const lookupIndex of lookups) if (lookupIndex >= lookupCount) return false;
  const extensionType = tag === 'GSUB' ? 7 : 9;
  for (const lookupIndex of lookups) {
    const lookup = lookupList + view.getUint16(lookupList + 2 + lookupIndex * 2);
    const type = view.getUint16(lookup);
    const subtables = view.getUint16(lookup + 4);
    for (let i = 0; i < subtables; i++) {
      let subtable = lookup + view.getUint16(lookup + 6 + i * 2);
      let subtableType = type;
      if (type === extensionType) {
        subtableType = view.getUint16(subtable + 2);
        subtable += view.getUint32(subtable + 4);
      }
      const coverages = subtableCoverages(view, subtable, subtableShapes[tag][subtableType]);
      if (!coverages || !coverages.every((coverage) => markCoverage(view, coverage, touched))) return false;
    }
  }
  return true;
}

/** fontkit's fallbacks, in order, for a script the font does not list. */
export const defaultScripts = ['DFLT', 'dflt', 'latn'];

/**
 * The feature indexes fontkit's OpenType processor uses for text of `script` with no language given: the
 * default language system of the script it selects (that script, else the first default one the font lists).
 * With neither, fontkit keeps whatever it selected before: then every language system of every script.
 */
function selectedFeatures(view: DataView, scriptList: number, script: string): Set<number> {
  const features = new Set<number>();
  const addLanguage = (langSys: number) => {
    const required = view.getUint16(langSys + 2);
    if (required !== 0xffff) features.add(required);
    const count = view.getUint16(langSys + 4);
    for (let i = 0; i < count; i++) features.add(view.getUint16(langSys + 6 + i * 2));
  };
  const scripts = view.getUint16(scriptList);
  const scriptTable = (s: number) => scriptList + view.getUint16(scriptList + 2 + s * 6 + 4);
  const tags = Array.from({ length: scripts }, (_, s) => tagAt(view, scriptList + 2 + s * 6));
  const selected = [script, ...defaultScripts].map((tag) => tags.indexOf(tag)).find((index) => index !== -1);
  if (selected !== undefined) {
    const table = scriptTable(selected);
    const defaultLangSys = view.getUint16(table);
    if (defaultLangSys !== 0) addLanguage(table + defaultLangSys);
    return features;
  }
  for (let s = 0; s < scripts; s++) {
    const table = scriptTable(s);
    const defaultLangSys = view.getUint16(table);
    if (defaultLangSys !== 0) addLanguage(table + defaultLangSys);
    const languages = view.getUint16(table + 2);
    for (let l = 0; l < languages; l++) addLanguage(table + view.getUint16(table + 4 + l * 6 + 4));
  }
  return features;
}

export function tagAt(view: DataView, offset: number): string {
  return String.fromCharCode(view.getUint8(offset), view.getUint8(offset + 1), view.getUint8(offset + 2), view.getUint8(offset + 3));
}

/**
 * Per lookup type, what fontkit 2.0.4 decodes: the subtable formats and where their Coverage offsets are, or
 * a (chained) context, whose every format it reads. A type missing here it cannot apply: GSUB's reverse
 * chaining (8) and anything newer throw in fontkit.
 */
type SubtableShape = { formats: readonly number[]; coverageFields: readonly number[] } | 'context' | 'chained context';
const singleCoverage = (formats: readonly number[]) => ({ formats, coverageFields: [2] });
const subtableShapes: Record<'GSUB' | 'GPOS', Readonly<Record<number, SubtableShape>>> = {
  GSUB: {
    1: singleCoverage([1, 2]),
    2: singleCoverage([1]),
    3: singleCoverage([1]),
    4: singleCoverage([1]),
    5: 'context',
    6: 'chained context',
  },
  GPOS: {
    1: singleCoverage([1, 2]),
    2: singleCoverage([1, 2]),
    3: singleCoverage([1]),
    // Mark and base (ligature, second mark) Coverage.
    4: { formats: [1], coverageFields: [2, 4] },
    5: { formats: [1], coverageFields: [2, 4] },
    6: { formats: [1], coverageFields: [2, 4] },
    7: 'context',
    8: 'chained context',
  },
};

/** The Coverage tables (absolute offsets) of a subtable; undefined for a type or format fontkit lacks. */
function subtableCoverages(view: DataView, subtable: number, shape: SubtableShape | undefined): number[] | undefined {
  if (shape === undefined) return undefined;
  if (shape === 'context') return contextCoverages(view, subtable);
  if (shape === 'chained context') return chainedContextCoverages(view, subtable);
  if (!shape.formats.includes(view.getUint16(subtable))) return undefined;
  return shape.coverageFields.map((field) => subtable + view.getUint16(subtable + field));
}

function contextCoverages(view: DataView, subtable: number): number[] | undefined {
  const format = view.getUint16(subtable);
  if (format === 1 || format === 2) return [subtable + view.getUint16(subtable + 2)];
  if (format !== 3) return undefined;
  const glyphCount = view.getUint16(subtable + 2);
  // With no input glyph, fontkit's match would succeed anywhere.
  if (glyphCount === 0) return undefined;
  return offsetArray(view, subtable, subtable + 6, glyphCount);
}

function chainedContextCoverages(view: DataView, subtable: number): number[] | undefined {
  const format = view.getUint16(subtable);
  if (format === 1 || format === 2) return [subtable + view.getUint16(subtable + 2)];
  if (format !== 3) return undefined;
  let at = subtable + 2;
  const coverages: number[] = [];
  for (const sequence of ['backtrack', 'input', 'lookahead']) {
    const count = view.getUint16(at);
    if (sequence === 'input' && count === 0) return undefined;
    coverages.push(...offsetArray(view, subtable, at + 2, count));
    at += 2 + count * 2;
  }
  return coverages;
}

function offsetArray(view: DataView, base: number, at: number, count: number): number[] {
  const offsets: number[] = [];
  for (let i = 0; i < count; i++) offsets.push(base + view.getUint16(at + i * 2));
  return offsets;
}

/** false for a Coverage format fontkit cannot decode. */
function markCoverage(view: DataView, coverage: number, touched: Uint8Array): boolean {
  const format = view.getUint16(coverage);
  const count = view.getUint16(coverage + 2);
  if (format === 1) {
    for (let i = 0; i < count; i++) touched[view.getUint16(coverage + 4 + i * 2)] = 1;
  } else if (format === 2) {
    for (let i = 0; i < count; i++) {
      const range = coverage + 4 + i * 6;
      touched.fill(1, view.getUint16(range), view.getUint16(range + 2) + 1);
    }
  } else return false;
  return true;
}

/**
 * GDEF's glyph class 3: the glyphs fontkit's shaper treats as marks (their advance zeroed). Without a class
 * definition fontkit asks Unicode, which the caller does. false for a format fontkit cannot decode.
 */
function readMarkGlyphs(view: DataView, touched: Uint8Array): boolean {
  const classDef = view.getUint16(4);
  if (classDef === 0) return true;
  const format = view.getUint16(classDef);
  if (format === 1) {
    const start = view.getUint16(classDef + 2);
    const count = view.getUint16(classDef + 4);
    for (let i = 0; i < count; i++) if (view.getUint16(classDef + 6 + i * 2) === 3) touched[start + i] = 1;
  } else if (format === 2) {
    const count = view.getUint16(classDef + 2);
    for (let i = 0; i < count; i++) {
      const range = classDef + 4 + i * 6;
      if (view.getUint16(range + 4) === 3) touched.fill(1, view.getUint16(range), view.getUint16(range + 2) + 1);
    }
  } else return false;
  return true;
}
