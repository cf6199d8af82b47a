// The font faces a template may name, and where each one's file lives inside its package. Kept apart from
// the font loading so that checking a template never touches a 10 MB font file.

export const fontFaces = {
  'noto-sans-sc-regular': { package: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' },
  'noto-sans-sc-bold': { package: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf' },
} as const;
export type FontFace = keyof typeof fontFaces;
export const fontFaceNames = Object.keys(fontFaces) as [FontFace, ...FontFace[]];

/** What a template's style may name: a bundled face, or a font its bundle's manifest names (`fonts`). */
export const faceNamePattern = /^[a-z][a-z0-9-]{0,39}$/;

export function isBundledFace(face: string): face is FontFace {
  return Object.hasOwn(fontFaces, face);
}

/**
 * For the few characters a face lacks, such as a name's 𠮷 (CJK Extension B): the same design's Japanese cut,
 * which has them, at the same weight and with the same full-width advance, so text measured with the face
 * wraps the same where the fallback draws.
 */
export const fallbackFontFiles: Record<FontFace, { package: string; file: string }> = {
  'noto-sans-sc-regular': { package: '@expo-google-fonts/noto-sans-jp', file: '400Regular/NotoSansJP_400Regular.ttf' },
  'noto-sans-sc-bold': { package: '@expo-google-fonts/noto-sans-jp', file: '700Bold/NotoSansJP_700Bold.ttf' },
};
