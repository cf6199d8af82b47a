// The TrueType file of a font subset, written straight into one buffer with the very bytes fontkit 2.0.4's
// TTFSubset.encode writes through restructure (its Directory, Struct and Array encoders, a size pass before each
// write, the font's head, hhea and maxp deep-cloned first): in a fresh process that interpreted machinery is most
// of what embedding a font costs. reusable-font.test.ts and truetype-subset-file.test.ts compare with fontkit.
// fontkit's layout, kept here: the tables head, hhea, loca, maxp, cvt , prep, glyf, hmtx, fpgm (those present),
// back to back in that order without padding, each directory entry's checksum 0, head.checkSumAdjustment as the
// font has it, the header's tag 'true'.

/** fontkit's decoded head table: what its encoder writes. */
export interface HeadTable {
  version: number;
  revision: number;
  checkSumAdjustment: number;
  magicNumber: number;
  flags: number;
  unitsPerEm: number;
  created: readonly number[];
  modified: readonly number[];
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  macStyle: Readonly<Record<string, boolean>>;
  lowestRecPPEM: number;
  fontDirectionHint: number;
  glyphDataFormat: number;
}

/** fontkit's decoded hhea table (its reserved words are written as zeros). */
export interface HheaTable {
  version: number;
  ascent: number;
  descent: number;
  lineGap: number;
  advanceWidthMax: number;
  minLeftSideBearing: number;
  minRightSideBearing: number;
  xMaxExtent: number;
  caretSlopeRise: number;
  caretSlopeRun: number;
  caretOffset: number;
  metricDataFormat: number;
}

/** fontkit's decoded maxp table, version 1.0 (a version 0.5 table's missing fields are written as zeros, as fontkit does). */
export type MaxpTable = Readonly<Record<string, number>>;

export interface TrueTypeSubsetTables {
  head: HeadTable;
  hhea: HheaTable;
  maxp: MaxpTable;
  /** 0: short offsets (halved, 16 bits), 1: long; the font's own choice, as fontkit keeps it. */
  locaVersion: number;
  /** Where each glyph starts in `glyf`, and where the last ends. */
  locaOffsets: readonly number[];
  glyf: readonly Uint8Array[];
  metrics: ReadonlyArray<{ advance: number; bearing: number }>;
  /** The font's instruction tables as they are in its file, each only if the font has it. */
  cvt?: Uint8Array | undefined;
  prep?: Uint8Array | undefined;
  fpgm?: Uint8Array | undefined;
}

const macStyleBits = ['bold', 'italic', 'underline', 'outline', 'shadow', 'condensed', 'extended'];

/** A table's fields in the order and the number types of fontkit's Struct; a missing value is written as 0. */
type Layout = ReadonlyArray<readonly [name: string, type: 'Int32' | 'Uint32' | 'Int16' | 'Uint16']>;
const headLayout: Layout = [
  ['version', 'Int32'],
  ['revision', 'Int32'],
  ['checkSumAdjustment', 'Uint32'],
  ['magicNumber', 'Uint32'],
  ['flags', 'Uint16'],
  ['unitsPerEm', 'Uint16'],
  ['created0', 'Int32'],
  ['created1', 'Int32'],
  ['modified0', 'Int32'],
  ['modified1', 'Int32'],
  ['xMin', 'Int16'],
  ['yMin', 'Int16'],
  ['xMax', 'Int16'],
  ['yMax', 'Int16'],
  ['macStyle', 'Uint16'],
  ['lowestRecPPEM', 'Uint16'],
  ['fontDirectionHint', 'Int16'],
  ['indexToLocFormat', 'Int16'],
  ['glyphDataFormat', 'Int16'],
];
const hheaLayout: Layout = [
  ['version', 'Int32'],
  ['ascent', 'Int16'],
  ['descent', 'Int16'],
  ['lineGap', 'Int16'],
  ['advanceWidthMax', 'Uint16'],
  ['minLeftSideBearing', 'Int16'],
  ['minRightSideBearing', 'Int16'],
  ['xMaxExtent', 'Int16'],
  ['caretSlopeRise', 'Int16'],
  ['caretSlopeRun', 'Int16'],
  ['caretOffset', 'Int16'],
  // Four reserved words, which fontkit writes as zeros.
  ['reserved', 'Int16'],
  ['reserved', 'Int16'],
  ['reserved', 'Int16'],
  ['reserved', 'Int16'],
  ['metricDataFormat', 'Int16'],
  ['numberOfMetrics', 'Uint16'],
];
const maxpLayout: Layout = [
  ['version', 'Int32'],
  ...(
    [
      'numGlyphs',
      'maxPoints',
      'maxContours',
      'maxComponentPoints',
      'maxComponentContours',
      'maxZones',
      'maxTwilightPoints',
      'maxStorage',
      'maxFunctionDefs',
      'maxInstructionDefs',
      'maxStackElements',
      'maxSizeOfInstructions',
      'maxComponentElements',
      'maxComponentDepth',
    ] as const
  ).map((name) => [name, 'Uint16'] as const),
];

type Tag = 'head' | 'hhea' | 'loca' | 'maxp' | 'cvt ' | 'prep' | 'glyf' | 'hmtx' | 'fpgm';

// Plain loops and no closures: this runs once per font and document, mostly in a cold process's interpreter.
export function trueTypeSubsetFile(tables: TrueTypeSubsetTables): Uint8Array {
  const order: Tag[] = ['head', 'hhea', 'loca', 'maxp'];
  if (tables.cvt) order.push('cvt ');
  if (tables.prep) order.push('prep');
  order.push('glyf', 'hmtx');
  if (tables.fpgm) order.push('fpgm');
  const directoryLength = 12 + order.length * 16;
  const lengths: number[] = [];
  let fileLength = directoryLength;
  for (const tag of order) fileLength += lengths[lengths.push(tableLength(tag, tables)) - 1]!;
  const bytes = new Uint8Array(fileLength);
  const view = new DataView(bytes.buffer);
  writeTag(view, 0, 'true');
  // fontkit's arithmetic, floating point included, each value truncated to 16 bits as its encoder does.
  const numTables = order.length;
  const maxPowerOf2 = Math.pow(2, Math.floor(Math.log(numTables) / Math.LN2));
  view.setUint16(4, numTables);
  view.setUint16(6, maxPowerOf2 * 16);
  view.setUint16(8, Math.log(maxPowerOf2) / Math.LN2);
  view.setUint16(10, numTables * 16 - maxPowerOf2 * 16);
  let offset = directoryLength;
  for (let i = 0; i < order.length; i++) {
    const entry = 12 + i * 16;
    writeTag(view, entry, order[i]!);
    view.setUint32(entry + 4, 0);
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, lengths[i]!);
    writeTable(order[i]!, tables, view, bytes, offset);
    offset += lengths[i]!;
  }
  return bytes;
}

function tableLength(tag: Tag, tables: TrueTypeSubsetTables): number {
  switch (tag) {
    case 'head':
      return headLength;
    case 'hhea':
      return hheaLength;
    case 'loca':
      return tables.locaOffsets.length * (tables.locaVersion === 0 ? 2 : 4);
    case 'maxp':
      return maxpLength;
    case 'glyf': {
      let length = 0;
      for (const glyph of tables.glyf) length += glyph.length;
      return length;
    }
    case 'hmtx':
      return tables.metrics.length * 4;
    case 'cvt ':
      return tables.cvt!.length;
    case 'prep':
      return tables.prep!.length;
    case 'fpgm':
      return tables.fpgm!.length;
  }
}

function writeTable(tag: Tag, tables: TrueTypeSubsetTables, view: DataView, bytes: Uint8Array, at: number): void {
  switch (tag) {
    case 'head':
      return writeFields(view, at, headLayout, headValues(tables.head, tables.locaVersion));
    case 'hhea':
      return writeFields(view, at, hheaLayout, { ...tables.hhea, numberOfMetrics: tables.metrics.length });
    case 'loca': {
      // DataView wraps a value too large for the short form as restructure's encoder (a DataView too) does.
      const offsets = tables.locaOffsets;
      if (tables.locaVersion === 0) for (let i = 0; i < offsets.length; i++) view.setUint16(at + i * 2, offsets[i]! >>> 1);
      else for (let i = 0; i < offsets.length; i++) view.setUint32(at + i * 4, offsets[i]!);
      return;
    }
    case 'maxp':
      return writeFields(view, at, maxpLayout, { ...tables.maxp, numGlyphs: tables.glyf.length });
    case 'glyf':
      for (const glyph of tables.glyf) {
        bytes.set(glyph, at);
        at += glyph.length;
      }
      return;
    case 'hmtx': {
      const metrics = tables.metrics;
      for (let i = 0; i < metrics.length; i++) {
        view.setUint16(at + i * 4, metrics[i]!.advance);
        view.setInt16(at + i * 4 + 2, metrics[i]!.bearing);
      }
      return;
    }
    case 'cvt ':
      return bytes.set(tables.cvt!, at);
    case 'prep':
      return bytes.set(tables.prep!, at);
    case 'fpgm':
      return bytes.set(tables.fpgm!, at);
  }
}

function writeTag(view: DataView, at: number, tag: string): void {
  for (let i = 0; i < 4; i++) view.setUint8(at + i, tag.charCodeAt(i));
}

function headValues(head: HeadTable, indexToLocFormat: number): Readonly<Record<string, number>> {
  // The style's named bits only, as fontkit's bit field keeps them.
  let macStyle = 0;
  for (let bit = 0; bit < macStyleBits.length; bit++) if (head.macStyle[macStyleBits[bit]!]) macStyle |= 1 << bit;
  return {
    ...(head as unknown as Record<string, number>),
    created0: head.created[0]!,
    created1: head.created[1]!,
    modified0: head.modified[0]!,
    modified1: head.modified[1]!,
    macStyle,
    indexToLocFormat,
  };
}

const fieldSizes = { Int32: 4, Uint32: 4, Int16: 2, Uint16: 2 } as const;

function layoutLength(layout: Layout): number {
  let length = 0;
  for (const [, type] of layout) length += fieldSizes[type];
  return length;
}
const headLength = layoutLength(headLayout);
const hheaLength = layoutLength(hheaLayout);
const maxpLength = layoutLength(maxpLayout);

function writeFields(view: DataView, at: number, layout: Layout, values: Readonly<Record<string, number | undefined>>): void {
  for (const [name, type] of layout) {
    // Through a DataView, as restructure's encoder writes: the same wrapping of a value out of range.
    const value = values[name] ?? 0;
    if (type === 'Int32') view.setInt32(at, value);
    else if (type === 'Uint32') view.setUint32(at, value);
    else if (type === 'Int16') view.setInt16(at, value);
    else view.setUint16(at, value);
    at += fieldSizes[type];
  }
}
