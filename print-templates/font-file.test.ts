import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';

import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';

import { fontPath } from './bundled-fonts';
import { fallbackFontFiles, type FontFace } from './font-faces';
import { parseFontFile } from './font-file';

interface Stream {
  pos: number;
  buffer: Uint8Array;
  bytesReadFromFile?: number;
  readBuffer(length: number): Uint8Array;
  readUInt16BE(): number;
}
interface Internals {
  stream: Stream;
  directory: { tables: Record<string, { offset: number; length: number }> };
  loca: { offsets: number[] };
  numGlyphs: number;
  _getTableStream(tag: string): Stream;
  getGlyph(gid: number): {
    id: number;
    advanceWidth: number;
    cbox: { minX: number; minY: number; maxX: number; maxY: number };
    path: { toSVG(): string };
  };
}
const internals = (font: Font) => font as unknown as Internals;
const outlineBytesRead = (font: Font) => internals(font)._getTableStream('glyf').bytesReadFromFile;
/** How many of the process's descriptors are open on the file. */
const descriptorsOn = (path: string) =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === realpathSync(path);
    } catch {
      return false; // closed meanwhile (the listing's own descriptor)
    }
  }).length;

const fallbackPath = new URL(
  `../node_modules/${fallbackFontFiles['noto-sans-sc-regular'].package}/${fallbackFontFiles['noto-sans-sc-regular'].file}`,
  import.meta.url,
).pathname;

/** Chinese (common, rare, a name's 䶮), Latin with accents, digits, punctuation of both kinds, the name dot. */
const text =
  '无房证明社会保险参保居住户籍杭州市不动产登记服务中心张三李四阿依古丽·买买提䶮ABCxyzÀÉüñ0123456789（），。、：；“”《》！？.,;:!?()-/%';

function glyphBytes(font: Font, gid: number): Buffer {
  const { loca } = internals(font);
  const stream = internals(font)._getTableStream('glyf');
  stream.pos += loca.offsets[gid]!;
  return Buffer.from(stream.readBuffer(loca.offsets[gid + 1]! - loca.offsets[gid]!));
}

describe('a TrueType face read with its outlines on demand', () => {
  for (const [name, path] of [
    ...(['noto-sans-sc-regular', 'noto-sans-sc-bold'] as FontFace[]).map((face) => [face, fontPath(face)] as const),
    ['its fallback', fallbackPath] as const,
  ]) {
    it(`gives ${name}'s glyphs the bytes, outlines and metrics fontkit reads from the whole file`, () => {
      const whole = create(readFileSync(path));
      const font = parseFontFile(path);
      expect(outlineBytesRead(font)).toBe(0);
      const gids = new Set(whole.glyphsForString(text).map((glyph) => (glyph as unknown as { id: number }).id));
      // And glyphs from all over the table, its last one included.
      for (let gid = 1; gid < internals(whole).numGlyphs; gid += 101) gids.add(gid);
      gids.add(internals(whole).numGlyphs - 1);
      expect(gids.size).toBeGreaterThan(150);
      for (const gid of gids) {
        const [expected, actual] = [whole, font].map((f) => internals(f).getGlyph(gid));
        expect(actual!.path.toSVG(), `glyph ${gid}`).toBe(expected!.path.toSVG());
        expect({ ...actual!.cbox }).toEqual({ ...expected!.cbox });
        expect(actual!.advanceWidth).toBe(expected!.advanceWidth);
        expect(glyphBytes(font, gid).equals(glyphBytes(whole, gid)), `glyph ${gid}`).toBe(true);
      }
      const commands = (f: Font) => f.glyphsForString(text).map((glyph) => glyph.path.commands);
      expect(commands(font)).toEqual(commands(whole));
      // A small part of the outlines was read for all of that.
      const glyf = internals(whole).directory.tables['glyf']!;
      expect(outlineBytesRead(font)).toBeLessThan(glyf.length / 4);
    });
  }

  it('holds no outline bytes in the font: its main stream ends before where the directory puts glyf', () => {
    const path = fontPath('noto-sans-sc-regular');
    const font = internals(parseFontFile(path));
    const glyf = font.directory.tables['glyf']!;
    expect(font.stream.buffer.length).toBe(readFileSync(path).length - glyf.length);
    expect(glyf.offset).toBe(font.stream.buffer.length);
    font.stream.pos = glyf.offset;
    expect(() => font.stream.readUInt16BE()).toThrow(RangeError);
  });

  it("answers every read method of fontkit's stream from the file, never from an unread block", () => {
    const path = fontPath('noto-sans-sc-regular');
    const whole = internals(create(readFileSync(path)));
    const Stream = whole.stream.constructor as { prototype: object };
    const reads = Object.getOwnPropertyNames(Stream.prototype).filter((name) => name.startsWith('read'));
    expect(reads).toEqual(expect.arrayContaining(['readBuffer', 'readString', 'readUInt8', 'readInt16BE', 'readUInt32BE', 'readUInt24BE']));
    const glyf = whole.directory.tables['glyf']!;
    for (const [index, name] of reads.entries()) {
      // Each read in a fresh font, at a place of its own deep inside the table.
      const font = internals(parseFontFile(path));
      const at = Math.floor((glyf.length / (reads.length + 1)) * (index + 1)) + 4094;
      const read = (stream: Stream) => (stream as unknown as Record<string, (length: number) => unknown>)[name]!.call(stream, 6);
      const onDemand = font._getTableStream('glyf');
      onDemand.pos = at;
      const fromWhole = whole._getTableStream('glyf');
      fromWhole.pos += at;
      const expected = read(fromWhole);
      if (Number.isNaN(fromWhole.pos)) {
        // A read restructure gives no size (BigInt64): unusable on a whole file too; here it fails loudly.
        expect(() => read(onDemand), name).toThrow(/read no length/);
        continue;
      }
      expect(read(onDemand), name).toEqual(expected);
      expect(onDemand.bytesReadFromFile, name).toBeGreaterThan(0);
    }
  });

  it('keeps one descriptor open per face read on demand, and none for a file read whole', () => {
    const path = fontPath('noto-sans-sc-bold');
    const before = descriptorsOn(path);
    parseFontFile(path);
    expect(descriptorsOn(path)).toBe(before + 1);
    // A file that is no font is read whole, and fails as fontkit fails, its descriptor closed.
    const notAFont = new URL('./fixtures/fonts/OFL.txt', import.meta.url).pathname;
    expect(() => parseFontFile(notAFont)).toThrow(/Unknown font format/);
    expect(() => create(readFileSync(notAFont))).toThrow(/Unknown font format/);
    expect(descriptorsOn(notAFont)).toBe(0);
  });
});
