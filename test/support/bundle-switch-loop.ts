// Installs two bundles in turn, for ever, into an installed-bundles directory: the test kills this process with
// SIGKILL at a random moment and checks what it left. Usage: tsx bundle-switch-loop.ts <root> <bundleDir>…

import { cp, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseBundleManifest } from '../../print-templates/bundle-manifest';
import { openInstalledBundles } from '../../kiosk/templates/installed-bundles';

const [root, ...bundles] = process.argv.slice(2);
if (!root || bundles.length === 0) throw new Error('usage: bundle-switch-loop.ts <root> <bundleDir>…');
const installed = await openInstalledBundles(root);
const manifests = await Promise.all(
  bundles.map(async (dir) => {
    const parsed = parseBundleManifest(await readFile(join(dir, 'manifest.json'), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error.join());
    return { dir, manifest: parsed.value };
  }),
);
process.stdout.write('ready\n');
for (let turn = 0; ; turn++) {
  const next = manifests[turn % manifests.length]!;
  if (installed.current()?.version === next.manifest.version) continue;
  const staging = await installed.stage();
  await cp(next.dir, staging, { recursive: true });
  await installed.install(staging, next.manifest);
}
