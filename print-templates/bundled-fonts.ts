// The bundled font faces, parsed once per process. Each TTF is ~10 MB: reading and parsing it again for
// every document, and warming up its glyph tables, would cost tens of milliseconds per print; its glyph
// outlines are read only as glyphs need them (font-file.ts). pdfkit 0.20 accepts an already-parsed fontkit
// font and still makes a fresh subset for each document.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import type { Font } from 'fontkit';

import { type FontFace, fallbackFontFiles, fontFaces } from './font-faces';
import { parseFontFile } from './font-file';
import { reusableFont } from './reusable-font';

const parsed = new Map<string, Font>();

export function fontPath(face: FontFace): string {
  return packageFilePath(fontFaces[face]);
}

export function parsedFont(face: FontFace): Font {
  return parsedFile(fontPath(face));
}

/** The face's fallback for characters it lacks; parsed only when a text first needs it. */
export function parsedFallbackFont(face: FontFace): Font {
  return parsedFile(packageFilePath(fallbackFontFiles[face]));
}

const packageDirectories = new Map<string, string>();

function packageFilePath({ package: name, file }: { package: string; file: string }): string {
  let directory = packageDirectories.get(name);
  if (directory === undefined) {
    // Resolved through the package, not a relative path, so hoisting or a moved checkout does not break it;
    // once per package and process (a first resolution is slow), as every document asks for its faces.
    const packageJson = createRequire(import.meta.url).resolve(`${name}/package.json`);
    packageDirectories.set(name, (directory = dirname(packageJson)));
  }
  return join(directory, file);
}

function parsedFile(path: string): Font {
  let font = parsed.get(path);
  if (!font) {
    font = reusableFont(parseFontFile(path));
    parsed.set(path, font);
  }
  return font;
}
