// What the tests of the shaping routes that bypass fontkit's layout engine compare with fontkit's own
// layout: the faces, every text the engine lays out for the bundled samples and the fixture certificates,
// seeded random texts, and a run as plain data.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import type { Font } from 'fontkit';
import { expect } from 'vitest';

import { renderBundleSamples } from '../../print-templates/bundle-sample-renders';
import { fontPath, parsedFallbackFont, parsedFont } from '../../print-templates/bundled-fonts';
import { zhangSanNoPropertyProof, zhangSanSocialSecurityRecord } from '../../print-templates/fixtures/synthetic-certificates';
import { fallbackFontFiles, fontFaceNames } from '../../print-templates/font-faces';
import type { GlyphRun, ShapedFont } from '../../print-templates/fontkit-glyph-run';
import { renderCertificatesA4 } from '../../print-templates/render-a4';
import { loadTemplateBundle } from '../../print-templates/template-bundle';
import { loadBundledTemplate } from '../../print-templates/template-store';

export interface FontkitRun extends GlyphRun {
  readonly advanceWidth: number;
  script: string;
  direction: string;
  language: string | null;
}

export const layoutOf = (font: Font, text: string) => (font as unknown as { layout(text: string): FontkitRun }).layout(text);

const fallbackPath = (face: keyof typeof fallbackFontFiles) => {
  const { package: name, file } = fallbackFontFiles[face];
  return join(dirname(createRequire(import.meta.url).resolve(`${name}/package.json`)), file);
};

/** The bundled faces, their fallbacks, and a bundle's own font. */
export const shapedFaces = [
  ['Noto Sans SC Regular', fontPath('noto-sans-sc-regular')],
  ['Noto Sans SC Bold', fontPath('noto-sans-sc-bold')],
  ['Noto Sans JP Regular (fallback)', fallbackPath('noto-sans-sc-regular')],
  ['Noto Sans JP Bold (fallback)', fallbackPath('noto-sans-sc-bold')],
  [
    'a bundle font (Noto Sans SC Thin, Latin subset)',
    new URL('../../print-templates/fixtures/fonts/NotoSansSC-Thin-latin.ttf', import.meta.url).pathname,
  ],
] as const;

/** Every text the engine lays out for the bundled samples and the fixture certificates. */
export async function engineTexts(): Promise<string[]> {
  const texts = new Set<string>();
  const fonts = fontFaceNames.flatMap((face) => [parsedFont(face), parsedFallbackFont(face)]);
  const internals = fonts.map((font) => font as unknown as { layout: (text: string, ...rest: unknown[]) => unknown });
  const layouts = internals.map((font) => font.layout);
  internals.forEach((font, i) => {
    font.layout = (text, ...rest) => {
      if (typeof text === 'string') texts.add(text);
      return layouts[i]!(text, ...rest);
    };
  });
  try {
    const bundle = await loadTemplateBundle(new URL('../../print-templates/bundled/', import.meta.url).pathname);
    if (!bundle.ok) throw new Error(bundle.error.join('\n'));
    const rendered = await renderBundleSamples(bundle.value);
    if (!rendered.ok) throw new Error(rendered.error.join('\n'));
    await renderCertificatesA4([zhangSanNoPropertyProof, zhangSanSocialSecurityRecord], loadBundledTemplate());
  } finally {
    internals.forEach((font, i) => (font.layout = layouts[i]!));
  }
  return [...texts];
}

/** A small deterministic generator, so a failure names a text that can be shaped again. */
export function randomTexts(count: number, seed: number, pools: readonly (readonly string[])[], maxLength = 12): string[] {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const texts: string[] = [];
  for (let t = 0; t < count; t++) {
    const length = 1 + next(maxLength);
    // Most texts mix a few pools.
    const chosen = Array.from({ length: 1 + next(3) }, () => pools[next(pools.length)]!);
    let text = '';
    for (let c = 0; c < length; c++) {
      const pool = chosen[next(chosen.length)]!;
      text += pool[next(pool.length)]!;
    }
    texts.push(text);
  }
  return texts;
}

/** A run as plain data: glyph ids and code points, every field of every position, the totals, what fontkit planned. */
export function comparable(run: FontkitRun) {
  return {
    class: run.constructor,
    glyphs: run.glyphs.map((glyph) => glyph.id),
    codePoints: run.glyphs.map((glyph) => glyph.codePoints),
    positions: run.positions.map((position) => ({ class: position.constructor, ...position })),
    advanceWidth: run.advanceWidth,
    features: run.features,
    script: run.script,
    language: run.language,
    direction: run.direction,
  };
}

/**
 * A route of a font, with what it refuses laid out by that font's own layout, as reusable-font.ts does. fontkit
 * keeps a glyph with the code points it was first made with (a ligature's, or a character's that shares its
 * glyph): a font compared with another must have shaped the same texts before.
 */
export function withOwnLayout(font: Font, route: (text: string) => GlyphRun | undefined): (text: string) => GlyphRun | undefined {
  return (text) => {
    const run = route(text);
    if (!run) layoutOf(font, text);
    return run;
  };
}

/**
 * Every text of `corpus` shaped by fontkit, by a route where it takes the text, and by the prepared font (when
 * given): the same runs. Returns the runs the route made.
 */
export function expectFontkitsRuns(
  corpus: readonly string[],
  fontkits: Font,
  route: (text: string) => GlyphRun | undefined,
  prepared?: Font,
): FontkitRun[] {
  const taken: FontkitRun[] = [];
  for (const text of corpus) {
    const expected = comparable(layoutOf(fontkits, text));
    const run = route(text) as FontkitRun | undefined;
    if (run) {
      taken.push(run);
      expect({ text, ...comparable(run) }).toEqual({ text, ...expected });
    }
    if (prepared) expect({ text, ...comparable(layoutOf(prepared, text)) }).toEqual({ text, ...expected });
  }
  return taken;
}

/** The font as another type (a web font's), or with one more table in its directory. */
export function fontVariant(font: ShapedFont, type: string, extraTable?: string): ShapedFont {
  return Object.create(font, {
    type: { value: type },
    directory: { value: { tables: { ...font.directory.tables, ...(extraTable && { [extraTable]: { offset: 0, length: 0 } }) } } },
  }) as ShapedFont;
}
