// The end-to-end tests serve the real built UI: build it once per run.

import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './kiosk-process';

let built = false;

export function buildUi(): void {
  if (built) return;
  execFileSync(process.execPath, [join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'error'], { cwd: repoRoot, stdio: 'inherit' });
  built = true;
}
