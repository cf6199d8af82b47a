// fontkit (pdfkit's own font parser, 2.0.4) ships no types. The engine parses a font once and hands the parsed
// font back to pdfkit, which accepts fontkit fonts in registerFont(), and asks which characters it has; the
// simulator's stamps outline glyphs.
declare module 'fontkit' {
  export interface PathCommand {
    command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
    args: number[];
  }
  export interface Glyph {
    readonly advanceWidth: number;
    /** The outline in font units, y up. */
    readonly path: { readonly commands: readonly PathCommand[] };
  }
  export interface Font {
    readonly postscriptName: string;
    readonly unitsPerEm: number;
    layout(text: string): unknown;
    glyphsForString(text: string): Glyph[];
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
