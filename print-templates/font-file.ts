// A font file parsed for the process. A static TrueType face with a glyf table, such as the bundled Noto Sans SC
// (10 MB, 96 % of it glyph outlines) and its fallback, is read without its outlines: the table directory and
// every other table now, each outline when a glyph first needs it (glyph-outlines-on-demand.ts). Any other font
// is read whole, as fontkit reads it.
// Such a face keeps its file open, one descriptor for the process: the outlines read later come from the very
// file whose tables were read (a package replaced under a running kiosk cannot mix two versions of a face), no
// file is opened per glyph, and a process parses at most the four bundled files, once each.

import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

import { create, type Font } from 'fontkit';

import { type DecodeStream, type DecodeStreamClass, glyphOutlinesOnDemand } from './glyph-outlines-on-demand';

interface TableRecord {
  tag: string;
  offset: number;
  length: number;
}

/** What of fontkit 2.0.4's TTFFont this file touches. */
interface FontInternals {
  stream: DecodeStream;
  _getTableStream(tag: string): DecodeStream | null;
}

const trueTypeVersions = new Set([0x00010000, 0x74727565 /* 'true' */]);
/** Outlines elsewhere (CFF) or transformed by a variation (gvar): read whole, as fontkit does. */
const readWholeWith = ['CFF ', 'CFF2', 'fvar', 'gvar'];

export function parseFontFile(path: string): Font {
  const fd = openSync(path, 'r');
  let font: Font | null = null;
  try {
    font = withOutlinesOnDemand(fd, path);
  } finally {
    if (!font) closeSync(fd);
  }
  return font ?? create(readFileSync(path));
}

/** The font without its glyf table, which is then read on demand from `fd`; null if it is not such a face. */
function withOutlinesOnDemand(fd: number, path: string): Font | null {
  const size = fstatSync(fd).size;
  if (size < 12) return null;
  const header = readAt(fd, path, Buffer.alloc(12), 0, 0, 12);
  const directoryEnd = 12 + header.readUInt16BE(4) * 16;
  if (!trueTypeVersions.has(header.readUInt32BE(0)) || directoryEnd > size) return null;
  const records = tableRecords(readAt(fd, path, Buffer.alloc(directoryEnd - 12), 0, 12, directoryEnd - 12));
  const glyf = records.find((record) => record.tag === 'glyf');
  if (!glyf || !records.some((record) => record.tag === 'loca') || records.some((record) => readWholeWith.includes(record.tag)))
    return null;
  const glyfEnd = glyf.offset + glyf.length;
  const fits = (record: TableRecord) => record.offset >= directoryEnd && record.offset + record.length <= size;
  const apart = (record: TableRecord) => record === glyf || record.offset + record.length <= glyf.offset || record.offset >= glyfEnd;
  if (!records.every((record) => fits(record) && apart(record))) return null;

  // The file with the glyf table cut out; the tables after it move up, and the directory says so. glyf's own
  // entry points past the end, so that no read through the font's main stream can find outline bytes there.
  const bytes = Buffer.allocUnsafe(size - glyf.length);
  readAt(fd, path, bytes, 0, 0, glyf.offset);
  readAt(fd, path, bytes, glyf.offset, glyfEnd, size - glyfEnd);
  records.forEach((record, index) => {
    const offset = record === glyf ? bytes.length : record.offset >= glyfEnd ? record.offset - glyf.length : record.offset;
    bytes.writeUInt32BE(offset, 12 + index * 16 + 8);
  });
  const font = create(bytes);
  const internals = font as unknown as FontInternals;
  const outlines = glyphOutlinesOnDemand(internals.stream.constructor as DecodeStreamClass, {
    fd,
    path,
    offset: glyf.offset,
    length: glyf.length,
  });
  const tableStream = internals._getTableStream.bind(internals);
  internals._getTableStream = (tag: string) => {
    if (tag !== 'glyf') return tableStream(tag);
    // Where fontkit's own stream would be for a table: at its start, the caller adding the glyph's offset.
    outlines.pos = 0;
    return outlines;
  };
  return font;
}

function tableRecords(directory: Buffer): TableRecord[] {
  const records: TableRecord[] = [];
  for (let at = 0; at + 16 <= directory.length; at += 16) {
    records.push({
      tag: directory.toString('latin1', at, at + 4),
      offset: directory.readUInt32BE(at + 8),
      length: directory.readUInt32BE(at + 12),
    });
  }
  return records;
}

/** Fills `into` from `at` with `length` bytes of the file from `position`. */
function readAt(fd: number, path: string, into: Buffer, at: number, position: number, length: number): Buffer {
  for (let done = 0; done < length;) {
    const read = readSync(fd, into, at + done, length - done, position + done);
    if (read === 0) throw new Error(`${path}: the file ends before its tables do`);
    done += read;
  }
  return into;
}
