// fontkit (pdfkit's own font parser, 2.0.4) ships no types. The engine only parses a font once and hands
// the parsed font back to pdfkit, which accepts fontkit fonts in registerFont(), and asks which characters it has.
declare module 'fontkit' {
  export interface Font {
    readonly postscriptName: string;
    layout(text: string): unknown;
    hasGlyphForCodePoint(codePoint: number): boolean;
  }
  export function create(buffer: Uint8Array, postscriptName?: string): Font;
}
