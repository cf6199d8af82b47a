// The end-to-end tests serve the real built UI and run the compiled agent, as `npm start` and a production kiosk
// do. Vitest builds once per run (build-once.ts); the benchmarks call this themselves.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './kiosk-process';

let built = false;

export function buildKiosk(): void {
  if (built) return;
  execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  built = true;
}
