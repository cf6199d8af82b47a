// `npm run device -- …`: the device command line from its TypeScript source where the development tools are
// installed, else (a production kiosk, installed without them) from its compiled form in dist/.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const built = join(root, 'dist', 'device-cli.mjs');
const args = process.argv.slice(2);

let command;
if (existsSync(tsx)) command = [tsx, join(root, 'scripts', 'device-cli.ts'), ...args];
else if (existsSync(built)) command = [built, ...args];
else {
  process.stderr.write('The device command line is not built: run `npm run build` (or `node scripts/build.mjs --production`) first.\n');
  process.exit(2);
}
const run = spawnSync(process.execPath, command, { stdio: 'inherit' });
process.exit(run.status ?? 1);
