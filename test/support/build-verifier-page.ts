// The static verifier page built as an operator builds it (`npm run build:verifier` with the root to pin),
// into a directory of the test's own.

import { execFileSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from './kiosk-process';

export function buildVerifierPage(trustRootPem: string, outDir: string): void {
  execFileSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '-c',
      'verifier-page.vite.config.ts',
      '--outDir',
      outDir,
      '--emptyOutDir',
    ],
    { cwd: repoRoot, env: { ...process.env, VERIFIER_TRUST_ROOT: trustRootPem }, stdio: 'pipe' },
  );
}

/** Every file of the built page (HTML, JS, CSS), each gzipped as a web server sends it, summed in bytes. */
export async function gzippedSize(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += gzipSync(await readFile(join(entry.parentPath, entry.name))).length;
  }
  return total;
}
