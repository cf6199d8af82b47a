// `npm run device -- …` and `npm run audit -- …`: `node scripts/run-command-line.mjs <name> …` runs the command
// line scripts/<name>.ts from its TypeScript source where the development tools are installed, else (a production
// kiosk, installed without them) its compiled form dist/<name>.mjs.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const [name, ...args] = process.argv.slice(2);
const source = join(root, 'scripts', `${name}.ts`);
const built = join(root, 'dist', `${name}.mjs`);

let command;
if (existsSync(tsx) && existsSync(source)) command = [tsx, source, ...args];
else if (existsSync(built)) command = [built, ...args];
else {
  process.stderr.write(
    `The command line ${name} is not built: run \`npm run build\` (or \`node scripts/build.mjs --production\`) first.\n`,
  );
  process.exit(2);
}
const run = spawnSync(process.execPath, command, { stdio: 'inherit' });
process.exit(run.status ?? 1);
