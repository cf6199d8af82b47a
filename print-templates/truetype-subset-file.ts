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
export type MaxpTable = Readonly<Record<'version' | (typeof maxpFields)[number], number>>;

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
const maxpFields = [
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
] as const;

interface Table {
  tag: string;
  length: number;
  write(view: DataView, bytes: Uint8Array, at: number): void;
}

export function trueTypeSubsetFile(tables: TrueTypeSubsetTables): Uint8Array {
  const numGlyphs = tables.glyf.length;
  const short = tables.locaVersion === 0;
  const glyfLength = tables.glyf.reduce((sum, glyph) => sum + glyph.length, 0);
  const present: Table[] = [
    { tag: 'head', length: 54, write: (view, _, at) => writeHead(view, at, tables.head, tables.locaVersion) },
    { tag: 'hhea', length: 36, write: (view, _, at) => writeHhea(view, at, tables.hhea, tables.metrics.length) },
    {
      tag: 'loca',
      length: tables.locaOffsets.length * (short ? 2 : 4),
      write: (view, _, at) => {
        // DataView wraps a value too large for the short form as restructure's encoder (a DataView too) does.
        const offsets = tables.locaOffsets;
        if (short) for (let i = 0; i < offsets.length; i++) view.setUint16(at + i * 2, offsets[i]! >>> 1);
        else for (let i = 0; i < offsets.length; i++) view.setUint32(at + i * 4, offsets[i]!);
      },
    },
    { tag: 'maxp', length: 32, write: (view, _, at) => writeMaxp(view, at, tables.maxp, numGlyphs) },
    ...copied('cvt ', tables.cvt),
    ...copied('prep', tables.prep),
    {
      tag: 'glyf',
      length: glyfLength,
      write: (_, bytes, at) => {
        for (const glyph of tables.glyf) {
          bytes.set(glyph, at);
          at += glyph.length;
        }
      },
    },
    {
      tag: 'hmtx',
      length: tables.metrics.length * 4,
      write: (view, _, at) => {
        const metrics = tables.metrics;
        for (let i = 0; i < metrics.length; i++) {
          view.setUint16(at + i * 4, metrics[i]!.advance);
          view.setInt16(at + i * 4 + 2, metrics[i]!.bearing);
        }
      },
    },
    ...copied('fpgm', tables.fpgm),
  ];

  const directoryLength = 12 + present.length * 16;
  const bytes = new Uint8Array(present.reduce((sum, table) => sum + table.length, directoryLength));
  const view = new DataView(bytes.buffer);
  writeTag(view, 0, 'true');
  // fontkit's arithmetic, floating point included, each value truncated to 16 bits as its encoder does.
  const numTables = present.length;
  const maxPowerOf2 = Math.pow(2, Math.floor(Math.log(numTables) / Math.LN2));
  view.setUint16(4, numTables);
  view.setUint16(6, maxPowerOf2 * 16);
  view.setUint16(8, Math.log(maxPowerOf2) / Math.LN2);
  view.setUint16(10, numTables * 16 - maxPowerOf2 * 16);
  let offset = directoryLength;
  present.forEach((table, i) => {
    const entry = 12 + i * 16;
    writeTag(view, entry, table.tag);
    view.setUint32(entry + 4, 0);
    view.setUint32(entry + 8, offset);
    view.setUint32(entry + 12, table.length);
    table.write(view, bytes, offset);
    offset += table.length;
  });
  return bytes;
}

function copied(tag: string, table: Uint8Array | undefined): Table[] {
  return table ? [{ tag, length: table.length, write: (_, bytes, at) => bytes.set(table, at) }] : [];
}

function writeTag(view: DataView, at: number, tag: string): void {
  for (let i = 0; i < 4; i++) view.setUint8(at + i, tag.charCodeAt(i));
}

function writeHead(view: DataView, at: number, head: HeadTable, indexToLocFormat: number): void {
  view.setInt32(at, head.version);
  view.setInt32(at + 4, head.revision);
  view.setUint32(at + 8, head.checkSumAdjustment);
  view.setUint32(at + 12, head.magicNumber);
  view.setUint16(at + 16, head.flags);
  view.setUint16(at + 18, head.unitsPerEm);
  view.setInt32(at + 20, head.created[0]!);
  view.setInt32(at + 24, head.created[1]!);
  view.setInt32(at + 28, head.modified[0]!);
  view.setInt32(at + 32, head.modified[1]!);
  view.setInt16(at + 36, head.xMin);
  view.setInt16(at + 38, head.yMin);
  view.setInt16(at + 40, head.xMax);
  view.setInt16(at + 42, head.yMax);
  // The style's named bits only, as fontkit's bit field keeps them.
  view.setUint16(
    at + 44,
    macStyleBits.reduce((style, name, bit) => (head.macStyle[name] ? style | (1 << bit) : style), 0),
  );
  view.setUint16(at + 46, head.lowestRecPPEM);
  view.setInt16(at + 48, head.fontDirectionHint);
  view.setInt16(at + 50, indexToLocFormat);
  view.setInt16(at + 52, head.glyphDataFormat);
}

function writeHhea(view: DataView, at: number, hhea: HheaTable, numberOfMetrics: number): void {
  view.setInt32(at, hhea.version);
  view.setInt16(at + 4, hhea.ascent);
  view.setInt16(at + 6, hhea.descent);
  view.setInt16(at + 8, hhea.lineGap);
  view.setUint16(at + 10, hhea.advanceWidthMax);
  view.setInt16(at + 12, hhea.minLeftSideBearing);
  view.setInt16(at + 14, hhea.minRightSideBearing);
  view.setInt16(at + 16, hhea.xMaxExtent);
  view.setInt16(at + 18, hhea.caretSlopeRise);
  view.setInt16(at + 20, hhea.caretSlopeRun);
  view.setInt16(at + 22, hhea.caretOffset);
  // at + 24: four reserved words, left zero.
  view.setInt16(at + 32, hhea.metricDataFormat);
  view.setUint16(at + 34, numberOfMetrics);
}

function writeMaxp(view: DataView, at: number, maxp: MaxpTable, numGlyphs: number): void {
  view.setInt32(at, maxp.version);
  maxpFields.forEach((field, i) => view.setUint16(at + 4 + i * 2, field === 'numGlyphs' ? numGlyphs : maxp[field]));
}
