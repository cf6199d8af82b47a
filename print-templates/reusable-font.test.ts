import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { create, type Font } from 'fontkit';
import { describe, expect, it } from 'vitest';

import { fontPath } from './bundled-fonts';
import { parseFontFile } from './font-file';
import { reusableFont } from './reusable-font';

interface Subset {
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}
interface Run {
  glyphs: Array<{ id: number }>;
  positions: Array<Record<string, number>>;
}
const internals = (font: Font) => font as unknown as { createSubset(): Subset; layout(text: string): Run };

const parse = () => create(readFileSync(fontPath('noto-sans-sc-regular')));
const fontkits = parse();
const prepared = reusableFont(parse());
/** The same face as the engine parses it, its outlines read from the file as glyphs need them. */
const preparedOnDemand = reusableFont(parseFontFile(fontPath('noto-sans-sc-regular')));

/** Chinese wording, Latin letters, digits, punctuation (Noto Sans SC has no compound glyphs). */
const text = '无房证明编号张三李四·䶮ABCxyz0123456789ÀÉüñ（），。';

describe('a font prepared for many documents', () => {
  it('writes the very same subset as fontkit', () => {
    const glyphs = fontkits.glyphsForString(text) as unknown as Array<{ id: number }>;
    const gids = glyphs.map((glyph) => glyph.id);
    const subsets = [fontkits, prepared, preparedOnDemand].map((font) => {
      const subset = internals(font).createSubset();
      for (const gid of gids) subset.includeGlyph(gid);
      return Buffer.from(subset.encode());
    });
    expect(subsets[1]!.equals(subsets[0]!)).toBe(true);
    expect(subsets[2]!.equals(subsets[0]!)).toBe(true);
  });

  it('finds the very glyph offsets fontkit decodes', () => {
    const offsets = (font: Font) => Array.from((font as unknown as { loca: { offsets: ArrayLike<number> } }).loca.offsets);
    const { loca } = fontkits as unknown as { loca: { version: number } };
    expect((prepared as unknown as { loca: { version: number } }).loca.version).toBe(loca.version);
    expect(offsets(prepared)).toEqual(offsets(fontkits));
  });

  it('finds the very glyph offsets of a face with the short loca form (16-bit numbers, doubled)', () => {
    const shortForm = join(import.meta.dirname, 'fixtures/fonts/NotoSansSC-Thin-latin.ttf');
    const theirs = create(readFileSync(shortForm));
    const ours = reusableFont(create(readFileSync(shortForm)));
    const loca = (font: Font) => (font as unknown as { loca: { version: number; offsets: ArrayLike<number> } }).loca;
    expect(loca(theirs).version).toBe(0);
    expect(loca(ours).version).toBe(0);
    expect(Array.from(loca(ours).offsets)).toEqual(Array.from(loca(theirs).offsets));
    expect(loca(ours).offsets.length).toBeGreaterThan(10);
  });

  it('shapes a lone character as fontkit does, each time afresh for a caller that scales it in place', () => {
    for (const character of [...'证A，1 ']) {
      const expected = internals(fontkits).layout(character);
      const first = internals(prepared).layout(character);
      for (const position of first.positions) for (const key in position) position[key]! *= 0.012;
      const second = internals(prepared).layout(character);
      for (const run of [first, second]) expect(run.glyphs.map((glyph) => glyph.id)).toEqual(expected.glyphs.map((glyph) => glyph.id));
      expect(second.positions.map((position) => ({ ...position }))).toEqual(expected.positions.map((position) => ({ ...position })));
    }
  });
});
