// Builds what the kiosk runs: the touch UI (Vite, into kiosk/ui/dist) and the agent compiled to plain JavaScript
// (esbuild, into dist/): dist/kiosk-agent.mjs is the production agent (kiosk/main.ts), dist/device-cli.mjs and
// dist/diag-cli.mjs and dist/audit-cli.mjs the maintenance command lines (scripts/device-cli.ts, diag-cli.ts,
// audit-cli.ts), dist/browser-launcher.mjs the touch UI's browser launcher (kiosk/launcher-main.ts), and, unless --production, dist/kiosk-dev.mjs the development kiosk that `npm start` runs
// (kiosk/dev-main.ts). Node runs them without a TypeScript loader.
//
// The UI is rebuilt only when one of its inputs changed: a digest of them is kept beside the build. The agent is
// bundled every time (about a second), with its pure-JavaScript npm dependencies; native add-ons stay in node_modules.
// The bundles' import graph is written beside them (dist/meta.json), for whoever wants to see what went in.
//
//   node scripts/build.mjs                 UI (when changed), the agent, the command line and the development kiosk
//   node scripts/build.mjs --production    the same without the development kiosk (simulators, test citizens)
//   node scripts/build.mjs --ui | --agent  one half only

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const uiDist = join(root, 'kiosk', 'ui', 'dist');
const uiDigestFile = join(uiDist, '.inputs-sha256');

/** dist/<name>.mjs for each entry; code loaded later (the document renderer) goes to dist/chunks/. */
const productionEntries = {
  'kiosk-agent': 'kiosk/main.ts',
  'device-cli': 'scripts/device-cli.ts',
  'diag-cli': 'scripts/diag-cli.ts',
  'audit-cli': 'scripts/audit-cli.ts',
  'browser-launcher': 'kiosk/launcher-main.ts',
};
const developmentEntries = { ...productionEntries, 'kiosk-dev': 'kiosk/dev-main.ts' };

function filesUnder(dir) {
  const out = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'dist' && name !== 'node_modules') out.push(...filesUnder(path));
    } else out.push(path);
  }
  return out;
}

/** Everything the UI build reads: its own folder, the session contract it imports, the build configuration. */
function uiInputsDigest() {
  const inputs = [
    ...filesUnder(join(root, 'kiosk', 'ui')),
    ...filesUnder(join(root, 'kiosk', 'session')),
    join(root, 'vite.config.ts'),
    join(root, 'package-lock.json'),
  ];
  const hash = createHash('sha256');
  for (const file of inputs) hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

export function buildUi({ force = false } = {}) {
  const digest = uiInputsDigest();
  if (!force && existsSync(uiDigestFile) && readFileSync(uiDigestFile, 'utf8') === digest) return 'unchanged';
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // Always a production build, whoever calls: under the test runner NODE_ENV is `test`, which would put Preact's
    // debug build into the UI and, kept by the digest, into the next `npm start`.
    env: { ...process.env, NODE_ENV: 'production' },
  });
  writeFileSync(uiDigestFile, digest);
  return 'built';
}

export async function buildAgent({ production = false } = {}) {
  const esbuild = await import('esbuild');
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: production ? productionEntries : developmentEntries,
    outdir: 'dist',
    entryNames: '[name]',
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // npm packages are bundled too (loading hundreds of module files costs more than the agent's own start),
    // except native add-ons and the optional native helpers of ws, which stay in node_modules.
    external: ['serialport', '@serialport/*', 'node-hid', 'bufferutil', 'utf-8-validate'],
    // Bundled CommonJS packages call require() for Node's built-ins.
    banner: {
      js: "import { createRequire as __kioskCreateRequire } from 'node:module'; const require = __kioskCreateRequire(import.meta.url);",
    },
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
  });
  writeFileSync(join(root, 'dist', 'meta.json'), JSON.stringify(result.metafile));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flags = new Set(process.argv.slice(2));
  if (!flags.has('--agent')) buildUi();
  if (!flags.has('--ui')) await buildAgent({ production: flags.has('--production') });
}
