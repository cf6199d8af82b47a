// Text drawn in a face, with the few characters the face lacks (a name's 𠮷) drawn in its fallback, so no
// character prints as an empty box. Text the face covers whole is drawn exactly as before, in one call.
// A bundle's own font has no fallback: the bundle's check refuses a sample with a character it lacks.

import type { Font } from 'fontkit';

import { parsedFallbackFont, parsedFont } from './bundled-fonts';
import { type FontFace, isBundledFace } from './font-faces';

interface TextRun {
  text: string;
  fallback: boolean;
}

const covered = new Map<FontFace, Map<number, boolean>>();

/** Whether the face lacks this character and its fallback has it. */
function needsFallback(face: string, codePoint: number): boolean {
  if (!isBundledFace(face)) return false;
  let faceCache = covered.get(face);
  if (!faceCache) covered.set(face, (faceCache = new Map()));
  let answer = faceCache.get(codePoint);
  if (answer === undefined) {
    // Line breaks and other controls are the layout's, never a glyph's.
    answer =
      codePoint >= 0x20 && !parsedFont(face).hasGlyphForCodePoint(codePoint) && parsedFallbackFont(face).hasGlyphForCodePoint(codePoint);
    faceCache.set(codePoint, answer);
  }
  return answer;
}

/** The characters of `text` that neither the face nor its fallback can draw, each once; `font` a bundle's own. */
export function charactersWithoutGlyph(face: string, text: string, font?: Font): string[] {
  const drawing = isBundledFace(face) ? parsedFont(face) : font;
  if (!drawing) throw new Error(`no font for the face "${face}"`);
  const missing = new Set<string>();
  for (const character of text) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (codePoint >= 0x20 && !drawing.hasGlyphForCodePoint(codePoint) && !needsFallback(face, codePoint)) missing.add(character);
  }
  return [...missing];
}

function textRuns(text: string, face: string): TextRun[] {
  const runs: TextRun[] = [];
  for (const character of text) {
    const fallback = needsFallback(face, character.codePointAt(0) ?? 0);
    const last = runs[runs.length - 1];
    if (last && last.fallback === fallback) last.text += character;
    else runs.push({ text: character, fallback });
  }
  return runs;
}

function fallbackName(face: FontFace): string {
  return `${face}+fallback`;
}

/** Draws `text` at (x, y) as `doc.text` would, the face already set by the text's style. */
export function drawTextWithFallback(
  doc: PDFKit.PDFDocument,
  face: string,
  text: string,
  x: number,
  y: number,
  options: PDFKit.Mixins.TextOptions,
): void {
  const runs = textRuns(text, face);
  if (!isBundledFace(face) || !runs.some((run) => run.fallback)) {
    doc.text(text, x, y, options);
    return;
  }
  // pdfkit 0.20 takes a parsed fontkit font here; its typings predate that (as in render-a4.ts).
  doc.registerFont(fallbackName(face), parsedFallbackFont(face) as unknown as PDFKit.Mixins.PDFFontSource);
  runs.forEach((run, i) => {
    doc.font(run.fallback ? fallbackName(face) : face);
    const runOptions = { ...options, continued: i < runs.length - 1 };
    if (i === 0) doc.text(run.text, x, y, runOptions);
    else doc.text(run.text, runOptions);
  });
  doc.font(face);
}
