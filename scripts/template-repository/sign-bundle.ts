// `sign`: the offline step. Adds a bundle's files as targets `bundles/<version>/<path>` (the manifest's target
// carries `{ "ring": n }`), copies them into the repository's `targets/`, and signs a new targets metadata with the
// targets key. The first time, it also makes root metadata naming each role's key, signed with the root key.
// Signing an already signed version again with another ring widens (or narrows) its rollout; its bytes must not change.

import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Metadata, Root, TargetFile, Targets } from '@tufjs/models';
import { checkBundleFiles, MANIFEST_FILE, parseBundleManifest, sha256Hex } from '../../print-templates/bundle-manifest';
import { expiresIn, latestVersion, metadataDir, readMetadata, SPEC_VERSION, storedTargetPath, writeMetadata } from './repository-layout';
import { readPublicKey, readSigningKey } from './role-keys';

export interface SignOptions {
  repo: string;
  bundle: string;
  /** The highest kiosk ring this bundle goes to: 0 canaries only, 9 every kiosk. */
  ring: number;
  /** Holds root.key and targets.key (offline media), and snapshot.pub and timestamp.pub. */
  keys: string;
  targetsDays?: number;
  rootDays?: number;
  now?: Date;
}

export const bundleTargetPrefix = 'bundles/';

export async function signBundle(options: SignOptions): Promise<{ version: string; targetsVersion: number }> {
  const { repo, bundle, ring, keys } = options;
  const now = options.now ?? new Date();
  if (!Number.isInteger(ring) || ring < 0 || ring > 9) throw new Error(`ring ${ring}: a whole number 0–9`);
  const manifestBytes = await readFile(join(bundle, MANIFEST_FILE));
  const manifest = parseBundleManifest(manifestBytes.toString('utf8'));
  if (!manifest.ok) throw new Error(manifest.error.join('\n'));
  const files = await checkBundleFiles(bundle, manifest.value);
  if (!files.ok) throw new Error(files.error.join('\n'));
  const { version } = manifest.value;
  const targetsKey = await readSigningKey(keys, 'targets');

  await mkdir(metadataDir(repo), { recursive: true });
  if ((await latestVersion(repo, 'root')) === 0) await writeFirstRoot(repo, keys, expiresIn(options.rootDays ?? 365, now));

  const previous = await latestVersion(repo, 'targets');
  const targets = new Targets({ version: previous + 1, specVersion: SPEC_VERSION, expires: expiresIn(options.targetsDays ?? 90, now) });
  if (previous > 0) {
    for (const target of Object.values((await readMetadata(repo, 'targets', `${previous}.targets.json`)).signed.targets))
      targets.addTarget(target);
  }
  const entries: Array<[string, Buffer]> = [[MANIFEST_FILE, manifestBytes]];
  for (const path of Object.keys(manifest.value.files)) entries.push([path, await readFile(join(bundle, path))]);
  for (const [path, bytes] of entries) {
    const targetPath = `${bundleTargetPrefix}${version}/${path}`;
    const sha256 = sha256Hex(bytes);
    const existing = targets.targets[targetPath];
    if (existing && existing.hashes.sha256 !== sha256)
      throw new Error(`${targetPath}: version ${version} was signed with other bytes; raise the version`);
    const stored = storedTargetPath(repo, targetPath, sha256);
    await mkdir(dirname(stored), { recursive: true });
    await copyFile(join(bundle, path), stored);
    targets.addTarget(
      new TargetFile({
        path: targetPath,
        length: bytes.length,
        hashes: { sha256 },
        ...(path === MANIFEST_FILE ? { unrecognizedFields: { custom: { ring } } } : {}),
      }),
    );
  }
  const signed = new Metadata(targets);
  signed.sign((data) => targetsKey.sign(data));
  await writeMetadata(repo, `${targets.version}.targets.json`, signed);
  return { version, targetsVersion: targets.version };
}

async function writeFirstRoot(repo: string, keys: string, expires: string): Promise<void> {
  const rootKey = await readSigningKey(keys, 'root');
  const root = new Root({ version: 1, specVersion: SPEC_VERSION, expires, consistentSnapshot: true });
  root.addKey(rootKey.key, 'root');
  for (const role of ['targets', 'snapshot', 'timestamp'] as const) root.addKey(await readPublicKey(keys, role), role);
  const metadata = new Metadata(root);
  metadata.sign((data) => rootKey.sign(data));
  await writeMetadata(repo, '1.root.json', metadata);
}
