// A TrueType file's glyf table (the glyph outlines: nearly all of a 10 MB CJK face) read from the open file a
// 4 KB block at a time, when a read first reaches the block, instead of all of it when the font is parsed: a
// certificate uses a few hundred of the face's 65 000 glyphs. font-file.ts makes this the stream fontkit hands
// out for `glyf`, which is how fontkit 2.0.4's glyphs and subset, and reusable-font.ts's subset, reach outlines.
// Every read method of the stream answers only from blocks read from the file: a read that reached a block not
// yet read is read again once the block is in, so an outline is never decoded from the zeros of an unread block.

import { readSync } from 'node:fs';

/** restructure's DecodeStream, which fontkit reads every table through, as far as this file touches it. */
export interface DecodeStream {
  pos: number;
  readonly length: number;
  readBuffer(length: number): Uint8Array;
  readInt16BE(): number;
}
export type DecodeStreamClass = new (buffer: Uint8Array) => DecodeStream;

/** Where a glyf table lies in an open font file. */
export interface OutlineTable {
  fd: number;
  path: string;
  offset: number;
  length: number;
}

/** The glyf stream, with how much of the table it has read from the file so far. */
export interface OutlineStream extends DecodeStream {
  readonly bytesReadFromFile: number;
}

const blockSize = 4096;
const streamClasses = new WeakMap<DecodeStreamClass, new (table: OutlineTable) => OutlineStream>();

export function glyphOutlinesOnDemand(Base: DecodeStreamClass, table: OutlineTable): OutlineStream {
  let OnDemand = streamClasses.get(Base);
  if (!OnDemand) streamClasses.set(Base, (OnDemand = onDemandStreamClass(Base)));
  return new OnDemand(table);
}

function onDemandStreamClass(Base: DecodeStreamClass): new (table: OutlineTable) => OutlineStream {
  class OnDemand extends Base implements OutlineStream {
    readonly #table: OutlineTable;
    readonly #bytes: Uint8Array;
    readonly #blockRead: Uint8Array;
    #bytesReadFromFile = 0;

    constructor(table: OutlineTable) {
      // A Buffer as fontkit reads files into (its slices are views); zero-filled by the allocator, so the pages of
      // blocks never read are not even resident.
      const bytes = Buffer.alloc(table.length);
      super(bytes);
      this.#table = table;
      this.#bytes = bytes;
      this.#blockRead = new Uint8Array(Math.ceil(table.length / blockSize));
    }

    get bytesReadFromFile(): number {
      return this.#bytesReadFromFile;
    }

    /** Whether every byte of [start, end) has been read from the file. */
    allRead(start: number, end: number): boolean {
      for (let block = Math.floor(start / blockSize); block * blockSize < end; block++) if (this.#blockRead[block] !== 1) return false;
      return true;
    }

    /** Reads from the file the blocks of [start, end) not yet read, each run of them at once. */
    readFromFile(start: number, end: number): void {
      const last = Math.ceil(Math.min(end, this.#table.length) / blockSize);
      for (let block = Math.floor(start / blockSize); block < last; block++) {
        if (this.#blockRead[block] === 1) continue;
        let runEnd = block + 1;
        while (runEnd < last && this.#blockRead[runEnd] !== 1) runEnd++;
        const from = block * blockSize;
        this.#readExactly(from, Math.min(runEnd * blockSize, this.#table.length) - from);
        this.#blockRead.fill(1, block, runEnd);
        block = runEnd;
      }
    }

    #readExactly(from: number, length: number): void {
      const { fd, path, offset } = this.#table;
      for (let done = 0; done < length;) {
        const read = readSync(fd, this.#bytes, from + done, length - done, offset + from + done);
        if (read === 0) throw new Error(`${path}: the file ends inside its glyph outlines (glyf)`);
        done += read;
      }
      this.#bytesReadFromFile += length;
    }
  }

  type Read = (this: OnDemand, ...args: unknown[]) => unknown;
  const base = Base.prototype as unknown as Record<string, unknown>;
  const prototype = OnDemand.prototype as unknown as Record<string, Read>;
  for (const name of Object.getOwnPropertyNames(base)) {
    const read = base[name];
    if (!name.startsWith('read') || typeof read !== 'function') continue;
    prototype[name] = function (this: OnDemand, ...args: unknown[]): unknown {
      const start = this.pos;
      const value: unknown = (read as Read).apply(this, args);
      // restructure makes a read for every DataView getter; those of no size it knows (BigInt64) leave pos NaN.
      if (!(this.pos >= start)) throw new Error(`glyf: ${name} read no length that could be checked against the file`);
      if (this.allRead(start, this.pos)) return value;
      // What was just read came, in part, from an unread block: read the blocks, then read it again.
      this.readFromFile(start, this.pos);
      this.pos = start;
      return (read as Read).apply(this, args);
    };
  }
  return OnDemand;
}
