// The touch UI the test run built (test/support/build-once.ts, under NODE_ENV=test) is the production build that
// `npm start` will serve unchanged, without Preact's debug build (its warnings and checks), and its first screen
// loads little JavaScript: pdf.js, which only the preview needs, comes later, in chunks of its own.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/kiosk-process';
import { totalGzipped, uiBuildChunks } from '../support/ui-build-chunks';

/** ux.md's budget for the JavaScript of the first screen, gzipped. */
const FIRST_SCREEN_GZIPPED_MAX = 80 * 1024;
/** In pdf.js's API and its worker: the code that draws the preview. */
const PDFJS_MARKERS = ['GlobalWorkerOptions', 'WorkerMessageHandler'];

describe('the built touch UI', () => {
  it('is a production build whoever built it', () => {
    const assets = join(repoRoot, 'kiosk', 'ui', 'dist', 'assets');
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const code = scripts.map((name) => readFileSync(join(assets, name), 'utf8')).join('\n');
    expect(code).toContain('data-screen'); // the control: this is the kiosk's own UI
    expect(code).not.toContain('Objects are not valid as a child');
    // Preact is in the first screen's code; pdf.js, loaded later, has console warnings of its own.
    const firstScreen = uiBuildChunks()
      .firstScreen.map((chunk) => chunk.code)
      .join('\n');
    expect(firstScreen).toContain('data-screen');
    expect(firstScreen).not.toContain('console.warn');
  });

  it('keeps the first screen’s JavaScript within 80 KB gzipped, pdf.js and its worker in chunks loaded later', () => {
    const { firstScreen, loadedLater } = uiBuildChunks();
    expect(firstScreen.length).toBeGreaterThan(0);
    expect(totalGzipped(firstScreen)).toBeLessThanOrEqual(FIRST_SCREEN_GZIPPED_MAX);
    for (const chunk of firstScreen) for (const marker of PDFJS_MARKERS) expect(chunk.code, chunk.file).not.toContain(marker);
    for (const marker of PDFJS_MARKERS)
      expect(
        loadedLater.some((chunk) => chunk.code.includes(marker)),
        marker,
      ).toBe(true);
    // The first screen reaches the renderer only through a dynamic import.
    const renderer = loadedLater.find((chunk) => chunk.code.includes('GlobalWorkerOptions'))!;
    expect(
      firstScreen.some(
        (chunk) => chunk.code.includes(`import(\`./${renderer.file}\`)`) || chunk.code.includes(`import("./${renderer.file}")`),
      ),
    ).toBe(true);
  });

  it('is not rebuilt when nothing it is built from changed (npm start builds first)', () => {
    const index = join(repoRoot, 'kiosk', 'ui', 'dist', 'index.html');
    const before = statSync(index).mtimeMs;
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--ui'], { cwd: repoRoot });
    expect(statSync(index).mtimeMs).toBe(before);
  });
});
