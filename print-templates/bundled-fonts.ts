// The bundled font faces, parsed once per process. Each TTF is ~10 MB: reading and parsing it again for
// every document, and warming up its glyph tables, would cost tens of milliseconds per print. pdfkit 0.20
// accepts an already-parsed fontkit font and still makes a fresh subset for each document.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { type Font, create } from 'fontkit';

import { type FontFace, fontFaces } from './font-faces';

const parsed = new Map<FontFace, Font>();

export function fontPath(face: FontFace): string {
  const { package: name, file } = fontFaces[face];
  // Resolved through the package, not a relative path, so hoisting or a moved checkout does not break it.
  const packageJson = createRequire(import.meta.url).resolve(`${name}/package.json`);
  return join(dirname(packageJson), file);
}

export function parsedFont(face: FontFace): Font {
  let font = parsed.get(face);
  if (!font) {
    font = create(readFileSync(fontPath(face)));
    parsed.set(face, font);
  }
  return font;
}
