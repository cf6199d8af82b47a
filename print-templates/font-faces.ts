// The font faces a template may name, and where each one's file lives inside its package. Kept apart from
// the font loading so that checking a template never touches a 10 MB font file.

export const fontFaces = {
  'noto-sans-sc-regular': { package: '@expo-google-fonts/noto-sans-sc', file: '400Regular/NotoSansSC_400Regular.ttf' },
  'noto-sans-sc-bold': { package: '@expo-google-fonts/noto-sans-sc', file: '700Bold/NotoSansSC_700Bold.ttf' },
} as const;
export type FontFace = keyof typeof fontFaces;
export const fontFaceNames = Object.keys(fontFaces) as [FontFace, ...FontFace[]];
