// A bundle's own fonts (the manifest's `fonts`): parsed from the bundle's checked bytes when the bundle is
// opened, so a file that is not a usable TrueType or OpenType font is refused then, by its path, never found
// out mid-print. pdfkit embeds each as a subset of the glyphs a document uses.

import { create, type Font } from 'fontkit';

import { err, ok, type Result } from '../device-drivers/result';
import { reusableFont } from './reusable-font';

interface ParsedFontTables {
  type?: string;
  head?: unknown;
  hhea?: unknown;
  maxp?: unknown;
  hmtx?: unknown;
  cmap?: unknown;
  numGlyphs?: number;
}

export function parseBundleFont(path: string, bytes: Uint8Array): Result<Font, string> {
  const refused = (why: string) => err(`${path}: not a TrueType or OpenType font: ${why}`);
  let font: Font;
  try {
    font = create(bytes);
    const tables = font as unknown as ParsedFontTables;
    // fontkit reads tables when first asked: ask for those text needs now, so a broken file fails here.
    // A collection (TTC) or a web font is not what the manifest promises.
    if (tables.type !== 'TTF') return refused(`a ${tables.type ?? 'unknown'} file`);
    if (!tables.head || !tables.hhea || !tables.maxp || !tables.hmtx || !tables.cmap) return refused('a table text needs is missing');
    if (!tables.numGlyphs) return refused('no glyphs');
    font.layout('A');
  } catch (error) {
    return refused((error as Error).message);
  }
  return ok(reusableFont(font));
}
