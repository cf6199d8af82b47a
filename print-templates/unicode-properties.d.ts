// unicode-properties (fontkit's own source of character properties, 1.4.1) ships no types. The engine asks it
// what fontkit asks, so that it decides a character's script and mark-ness exactly as fontkit's layout does.
declare module 'unicode-properties' {
  export function getScript(codePoint: number): string;
  export function isMark(codePoint: number): boolean;
}
