// A bundle's own font has no fallback face: each text a sample puts in a style set in such a font must be
// drawable by it, or the bundle is refused (a missing glyph would print as an empty box). Checked per block,
// on the text the engine will draw there, so a Latin-only font may set the certificate number while the
// Chinese wording stays in a bundled face.

import type { Font } from 'fontkit';

import { isBundledFace } from './font-faces';
import { charactersWithoutGlyph } from './font-fallback';
import { fillPlaceholders } from './placeholders';
import type { A4PageData } from './render-a4';
import type { A4Template } from './template-schema';

export function bundleFontGlyphProblems(template: A4Template, fonts: ReadonlyMap<string, Font>, pages: readonly A4PageData[]): string[] {
  const problems = new Set<string>();
  const check = (where: string, styleName: string, text: string) => {
    const face = template.styles[styleName]?.face;
    if (face === undefined || isBundledFace(face)) return;
    const missing = charactersWithoutGlyph(face, text, fonts.get(face));
    if (missing.length > 0) problems.add(`${where}: no glyph for ${missing.join(' ')} in ${face}`);
  };
  for (const page of pages) {
    // Page numbers are digits; any will do.
    const values = { ...page.values, pageNumber: '1', pageCount: '1' };
    template.blocks.forEach((block, index) => {
      const where = `blocks[${index}]`;
      if (block.type === 'text') check(where, block.style, fillPlaceholders(block.text, values));
      if (block.type === 'seal') check(where, block.captionStyle, fillPlaceholders(block.caption, values));
      if (block.type === 'fields') {
        for (const field of page.fields) {
          check(where, block.labelStyle, field.label);
          check(where, block.valueStyle, field.value);
        }
      }
    });
  }
  return [...problems];
}
