// Where the built touch UI is, whether the agent runs from its TypeScript sources or from the compiled bundle:
// found from this package's root, not from this file's own place, which differs between the two.

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('the kiosk package root (package.json) was not found above the agent');
    dir = parent;
  }
  return dir;
}

export function builtUiDir(): string {
  return join(packageRoot(), 'kiosk', 'ui', 'dist');
}
