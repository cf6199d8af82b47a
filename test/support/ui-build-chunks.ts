// The built touch UI's JavaScript, split the way a browser loads it: the first screen's (the entry script of
// index.html, what it preloads and what those import statically) and the rest, loaded later by a dynamic
// import (the preview's PDF renderer and its worker). Sizes raw and gzipped (level 9).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from './kiosk-process';

export interface UiChunk {
  file: string;
  bytes: number;
  gzipped: number;
  code: string;
}

export const uiDistDir = join(repoRoot, 'kiosk', 'ui', 'dist');

function chunk(file: string): UiChunk {
  const bytes = readFileSync(join(uiDistDir, 'assets', file));
  return { file, bytes: bytes.length, gzipped: gzipSync(bytes, { level: 9 }).length, code: bytes.toString('utf8') };
}

/** `import … from "./x.js"` and `export … from "./x.js"`, not `import("./x.js")`. */
function staticImports(code: string): string[] {
  return [...code.matchAll(/\b(?:import|export)\s*(?:[^'"`();]*?\bfrom\s*)?["'](\.\/[^"']+\.js)["']/g)].map((m) => m[1]!.slice(2));
}

export function uiBuildChunks(): { firstScreen: UiChunk[]; loadedLater: UiChunk[] } {
  const html = readFileSync(join(uiDistDir, 'index.html'), 'utf8');
  const pending = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\brel="modulepreload"[^>]*\bhref)="\.\/assets\/([^"]+\.js)"/g)].map(
    (m) => m[1]!,
  );
  const firstScreen = new Map<string, UiChunk>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (firstScreen.has(file)) continue;
    const loaded = chunk(file);
    firstScreen.set(file, loaded);
    pending.push(...staticImports(loaded.code));
  }
  const loadedLater = readdirSync(join(uiDistDir, 'assets'))
    .filter((file) => file.endsWith('.js') && !firstScreen.has(file))
    .map(chunk);
  return { firstScreen: [...firstScreen.values()], loadedLater };
}

export const totalGzipped = (chunks: readonly UiChunk[]) => chunks.reduce((sum, c) => sum + c.gzipped, 0);
