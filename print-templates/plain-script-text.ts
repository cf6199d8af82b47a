// Which text fontkit 2.0.4 shapes with its default shaper, left to right, and under which script tag: what
// both shaping routes that bypass fontkit's layout engine start from (untouched-glyph-run.ts,
// simple-lookup-run.ts).

import { getScript, isMark } from 'unicode-properties';

import { fractionSlash } from './opentype-touched-glyphs';

/**
 * The scripts (unicode-properties' names, with fontkit's tags) that fontkit shapes with its default shaper,
 * left to right. Common is the tag-less rest: punctuation, digits, symbols.
 */
const plainScripts: Readonly<Record<string, string | undefined>> = {
  Common: undefined,
  Han: 'hani',
  Latin: 'latn',
  Hiragana: 'hira',
  Katakana: 'kana',
  Katakana_Or_Hiragana: 'hrkt',
  Bopomofo: 'bopo',
  Greek: 'grek',
  Cyrillic: 'cyrl',
};
const unknownScript = 'zzzz';

/**
 * The script fontkit would detect in `text` (its first character of a script other than Common, Inherited or
 * Unknown), when every character is one fontkit shapes plainly; otherwise undefined.
 */
export function plainScriptOf(text: string): string | undefined {
  let script: string | undefined;
  for (const character of text) {
    const codePoint = character.codePointAt(0)!;
    // A lone surrogate is a character fontkit maps to no glyph: left to fontkit.
    if (codePoint >= 0xd800 && codePoint <= 0xdfff) return undefined;
    if (codePoint === fractionSlash || isDefaultIgnorable(codePoint) || isMark(codePoint)) return undefined;
    const name = getScript(codePoint);
    if (!Object.hasOwn(plainScripts, name)) return undefined;
    script ??= plainScripts[name];
  }
  return script ?? unknownScript;
}

/** fontkit's list of the characters its layout hides (DerivedCoreProperties' Default_Ignorable_Code_Point). */
export function isDefaultIgnorable(codePoint: number): boolean {
  return (
    codePoint === 0xad ||
    codePoint === 0x34f ||
    codePoint === 0x61c ||
    (codePoint >= 0x17b4 && codePoint <= 0x17b5) ||
    (codePoint >= 0x180b && codePoint <= 0x180e) ||
    (codePoint >= 0x200b && codePoint <= 0x200f) ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2060 && codePoint <= 0x206f) ||
    (codePoint >= 0xfe00 && codePoint <= 0xfe0f) ||
    codePoint === 0xfeff ||
    (codePoint >= 0xfff0 && codePoint <= 0xfff8) ||
    (codePoint >= 0x1bca0 && codePoint <= 0x1bca3) ||
    (codePoint >= 0x1d173 && codePoint <= 0x1d17a) ||
    (codePoint >= 0xe0000 && codePoint <= 0xe0fff)
  );
}
