// A parsed font prepared, once per process, for being embedded by document after document. pdfkit makes a
// fresh subset and a fresh shaping cache for each document; costs of that are moved out of every render
// without changing a byte of what it writes:
// - fontkit's TrueType subset decodes every simple glyph's outline (points, flags) only to learn that it is not
//   a compound glyph, which its first two bytes say; here only compound glyphs are decoded;
// - its file is written straight into one buffer (truetype-subset-file.ts) rather than through restructure's
//   encoders, which cost most of a document's font embedding in a fresh process;
// - the glyph offsets (loca, 65 536 of them in a CJK face) are read straight from the table's bytes rather than
//   one number at a time through restructure, which is most of what a fresh process spends on a font's tables;
// - text no OpenType lookup of the face can change is shaped without fontkit's layout engine
//   (untouched-glyph-run.ts, which untouched-glyph-run.test.ts checks against fontkit), text only simple
//   substitutions and positionings reach (Latin, kern pairs) by applying them from the bytes
//   (simple-lookup-run.ts, checked by simple-lookup-run.test.ts), the rest by fontkit;
// - a glyph's metrics are read from hmtx and vmtx as fontkit makes the glyph (glyph-metrics-from-tables.ts), and
//   the shaping routes map characters from the cmap's bytes (cmap-glyph-ids.ts), where fontkit decodes both
//   through restructure, entry by entry;
// - shaping a lone character (what pdfkit's line wrapping asks for, character by character, in Chinese text)
//   is kept for the process: a single character says nothing about whom a certificate is for.
// The subset and loca steps reach into fontkit 2.0.4's internals; reusable-font.test.ts checks them against
// fontkit's own output.

import { endianness } from 'node:os';

import type { Font } from 'fontkit';

import { glyphMetricsFromTables } from './glyph-metrics-from-tables';
import { simpleLookupRuns } from './simple-lookup-run';
import { type HeadTable, type HheaTable, type MaxpTable, trueTypeSubsetFile } from './truetype-subset-file';
import { type ShapedFont, untouchedGlyphRuns } from './untouched-glyph-run';

/** What of fontkit's TrueType subset this file touches (fontkit ships no types). */
interface TrueTypeSubset {
  font: FontInternals;
  glyphs: number[];
  glyf: Uint8Array[];
  loca: { offsets: number[]; version: number };
  hmtx: { metrics: Array<{ advance: number; bearing: number }>; bearings: number[] };
  offset: number;
  _addGlyph(gid: number): number;
  encode(): Uint8Array;
}
type SubsetClass = new (font: FontInternals) => TrueTypeSubset;

interface GlyphInternals {
  readonly advanceWidth: number;
  _getMetrics(): { leftBearing: number };
}

interface GlyphRunInternals {
  glyphs: unknown[];
  positions: Array<Record<string, number>>;
}

interface FontInternals {
  directory: { tables: Record<string, { offset: number; length: number } | undefined> };
  head: HeadTable & { indexToLocFormat: number };
  hhea: HheaTable;
  maxp: MaxpTable;
  stream: { buffer: Uint8Array };
  _tables: Record<string, unknown>;
  loca: { offsets: ArrayLike<number>; version: number };
  _variationProcessor?: unknown;
  _getTableStream(tag: string): { pos: number; readBuffer(length: number): Uint8Array };
  getGlyph(gid: number): GlyphInternals;
  createSubset(): TrueTypeSubset;
  layout(text: string, ...rest: unknown[]): GlyphRunInternals;
}

const prepared = new WeakSet<Font>();

export function reusableFont(font: Font): Font {
  if (prepared.has(font)) return font;
  prepared.add(font);
  const internals = font as unknown as FontInternals;
  // A CFF (OpenType) font's subset is fontkit's own; only TrueType outlines take the faster path.
  if (!internals.directory.tables['CFF '] && !internals._variationProcessor) {
    readGlyphOffsets(internals);
    const Faster = fasterTrueTypeSubset(internals.createSubset().constructor as SubsetClass);
    internals.createSubset = () => new Faster(internals);
  }
  glyphMetricsFromTables(font);
  const layout = internals.layout.bind(internals);
  const untouched = untouchedGlyphRuns(font as unknown as ShapedFont);
  const simple = simpleLookupRuns(font as unknown as ShapedFont);
  const shape = (text: string) => untouched(text) ?? simple(text) ?? layout(text);
  const shaped = new Map<string, GlyphRunInternals>();
  internals.layout = (text: string, ...rest: unknown[]) => {
    // Glyphs rather than text, or features, a script, a language, a direction: fontkit's own.
    if (typeof text !== 'string' || rest.some((argument) => argument !== undefined)) return layout(text, ...rest);
    if (!loneCharacter(text)) return shape(text);
    let run = shaped.get(text);
    if (!run) shaped.set(text, (run = copyOfRun(shape(text))));
    // pdfkit scales the positions it is given in place: each caller gets its own.
    return copyOfRun(run);
  };
  return font;
}

/**
 * fontkit's loca, decoded as fontkit does (its table's length in 16- or 32-bit numbers, the short form doubled),
 * left where fontkit caches a decoded table so that its glyphs and subsets find it there. The table's big-endian
 * numbers are copied and turned to this machine's byte order by Buffer's native swap, and read as a typed array:
 * a fresh process would otherwise spend milliseconds in its interpreter on a CJK face's 30 000–65 000 offsets.
 */
function readGlyphOffsets(font: FontInternals): void {
  const table = font.directory.tables['loca'];
  if (!table || 'loca' in font._tables) return;
  const short = font.head.indexToLocFormat === 0;
  const width = short ? 2 : 4;
  const count = Math.floor(table.length / width);
  const start = font.stream.buffer.byteOffset + table.offset;
  // A copy of its own, aligned for the typed array over it.
  const copy = new Uint8Array(font.stream.buffer.buffer.slice(start, start + count * width));
  if (littleEndian) {
    if (short) Buffer.from(copy.buffer).swap16();
    else Buffer.from(copy.buffer).swap32();
  }
  let offsets: ArrayLike<number>;
  if (short) {
    const halves = new Uint16Array(copy.buffer);
    const doubled = new Uint32Array(count);
    for (let i = 0; i < count; i++) doubled[i] = halves[i]! * 2;
    offsets = doubled;
  } else offsets = new Uint32Array(copy.buffer);
  font._tables['loca'] = { version: font.head.indexToLocFormat, offsets };
}

const littleEndian = endianness() === 'LE';

type InstructionTag = 'cvt ' | 'prep' | 'fpgm';
const instructionTags: ReadonlyArray<[InstructionTag, 'cvt' | 'prep' | 'fpgm']> = [
  ['cvt ', 'cvt'],
  ['prep', 'prep'],
  ['fpgm', 'fpgm'],
];

/**
 * The font's cvt, prep and fpgm tables as fontkit would write them after decoding them: their bytes as they are
 * (a table fontkit would not decode, one of length 0, is left out as fontkit leaves it out). Null where its
 * decoding would not give back the bytes (a cvt of odd length, a table past the file's end): fontkit's own then.
 */
function instructionTables(font: FontInternals): Partial<Record<'cvt' | 'prep' | 'fpgm', Uint8Array>> | null {
  const tables: Partial<Record<'cvt' | 'prep' | 'fpgm', Uint8Array>> = {};
  const bytes = font.stream.buffer;
  for (const [tag, name] of instructionTags) {
    const record = font.directory.tables[tag];
    if (!record || record.length === 0) continue;
    if (record.offset + record.length > bytes.length || (tag === 'cvt ' && record.length % 2 !== 0)) return null;
    tables[name] = bytes.subarray(record.offset, record.offset + record.length);
  }
  return tables;
}

/** A character, perhaps with punctuation or spaces around it: at most one letter or digit. */
function loneCharacter(text: string): boolean {
  if (text.length === 0 || text.length > 4) return false;
  // One UTF-16 unit is one character at most: no need to run the pattern (most of what Chinese text asks).
  if (text.length === 1) return true;
  return (text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) <= 1;
}

function copyOfRun(run: GlyphRunInternals): GlyphRunInternals {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(run) as object) as GlyphRunInternals, run);
  copy.glyphs = [...run.glyphs];
  copy.positions = run.positions.map((position) =>
    Object.assign(Object.create(Object.getPrototypeOf(position) as object) as object, position),
  );
  return copy;
}

function fasterTrueTypeSubset(Base: SubsetClass): SubsetClass {
  return class extends Base {
    override _addGlyph(gid: number): number {
      const start = this.font.loca.offsets[gid] ?? 0;
      const end = this.font.loca.offsets[gid + 1] ?? start;
      // An empty glyph: fontkit's way.
      if (end - start < 2) return super._addGlyph(gid);
      const stream = this.font._getTableStream('glyf');
      stream.pos += start;
      const bytes = stream.readBuffer(end - start);
      // A compound glyph (numberOfContours, its first 16 bits, negative; its components renumbered): fontkit's way.
      if (bytes[0]! & 0x80) return super._addGlyph(gid);
      const glyph = this.font.getGlyph(gid);
      this.glyf.push(bytes);
      this.loca.offsets.push(this.offset);
      this.hmtx.metrics.push({ advance: glyph.advanceWidth, bearing: glyph._getMetrics().leftBearing });
      this.offset += bytes.length;
      return this.glyf.length - 1;
    }

    override encode(): Uint8Array {
      const instructions = instructionTables(this.font);
      if (!instructions) return super.encode();
      // fontkit's encode up to its tables: every glyph added, the components of compound ones on the way.
      this.glyf = [];
      this.offset = 0;
      this.loca = { offsets: [], version: this.font.loca.version };
      this.hmtx = { metrics: [], bearings: [] };
      for (let i = 0; i < this.glyphs.length; i++) this._addGlyph(this.glyphs[i]!);
      this.loca.offsets.push(this.offset);
      const { head, hhea, maxp } = this.font;
      return trueTypeSubsetFile({
        head,
        hhea,
        maxp,
        locaVersion: this.loca.version,
        locaOffsets: this.loca.offsets,
        glyf: this.glyf,
        metrics: this.hmtx.metrics,
        ...instructions,
      });
    }
  };
}
