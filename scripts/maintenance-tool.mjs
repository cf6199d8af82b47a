// `npm run device -- …`, `npm run diag -- …` and `npm run audit -- …`: a maintenance command line (scripts/<tool>.ts) from its
// TypeScript source where the development tools are installed, else (a production kiosk, installed without
// them) from its compiled form in dist/<tool>.mjs.
//
//   node scripts/maintenance-tool.mjs device-cli|diag-cli|audit-cli [arguments…]

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const TOOLS = ['device-cli', 'diag-cli', 'audit-cli'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const [tool, ...args] = process.argv.slice(2);
if (!TOOLS.includes(tool ?? '')) {
  process.stderr.write(`usage: node scripts/maintenance-tool.mjs ${TOOLS.join('|')} [arguments…]\n`);
  process.exit(2);
}
const built = join(root, 'dist', `${tool}.mjs`);

let command;
if (existsSync(tsx)) command = [tsx, join(root, 'scripts', `${tool}.ts`), ...args];
else if (existsSync(built)) command = [built, ...args];
else {
  process.stderr.write(
    `The ${tool} command line is not built: run \`npm run build\` (or \`node scripts/build.mjs --production\`) first.\n`,
  );
  process.exit(2);
}
const run = spawnSync(process.execPath, command, { stdio: 'inherit' });
process.exit(run.status ?? 1);
