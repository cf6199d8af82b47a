// `sign`: the offline step. Adds a bundle's files as targets `bundles/<version>/<path>` (the manifest's target
// carries `{ "ring": n }`), copies them into the repository's `targets/`, and signs a new targets metadata with the
// targets key. The first time, it also makes root metadata naming each role's key, signed with the root key.
// Signing an already signed version again with another ring widens (or narrows) its rollout; its bytes must not change.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkBundleFiles, MANIFEST_FILE, parseBundleManifest } from '../../print-templates/bundle-manifest';
import { addTarget, signNextTargets, type TargetsSigning } from './targets-signing';

export interface SignOptions extends TargetsSigning {
  bundle: string;
  /** The highest kiosk ring this bundle goes to: 0 canaries only, 9 every kiosk. */
  ring: number;
}

export const bundleTargetPrefix = 'bundles/';

export async function signBundle(options: SignOptions): Promise<{ version: string; targetsVersion: number }> {
  const { repo, bundle, ring } = options;
  if (!Number.isInteger(ring) || ring < 0 || ring > 9) throw new Error(`ring ${ring}: a whole number 0–9`);
  const manifestBytes = await readFile(join(bundle, MANIFEST_FILE));
  const manifest = parseBundleManifest(manifestBytes.toString('utf8'));
  if (!manifest.ok) throw new Error(manifest.error.join('\n'));
  const files = await checkBundleFiles(bundle, manifest.value);
  if (!files.ok) throw new Error(files.error.join('\n'));
  const { version } = manifest.value;

  const targetsVersion = await signNextTargets(options, async (targets) => {
    const entries: Array<[string, Buffer]> = [[MANIFEST_FILE, manifestBytes]];
    for (const path of Object.keys(manifest.value.files)) entries.push([path, await readFile(join(bundle, path))]);
    for (const [path, bytes] of entries) {
      const targetPath = `${bundleTargetPrefix}${version}/${path}`;
      await addTarget(
        repo,
        targets,
        targetPath,
        bytes,
        path === MANIFEST_FILE ? { ring } : undefined,
        `${targetPath}: version ${version} was signed with other bytes; raise the version`,
      );
    }
  });
  return { version, targetsVersion };
}
