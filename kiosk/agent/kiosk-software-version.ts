// This kiosk software's version, from the package.json it was installed with (beside the sources or the
// compiled bundle alike): template bundles name the oldest version they work with.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './ui-location';

export function kioskSoftwareVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
