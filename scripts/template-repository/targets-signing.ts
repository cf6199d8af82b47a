// A new targets metadata: the previous one's targets carried over, the step's own targets added (each file copied
// into `targets/` under its hash), signed with the targets key. The first time, root metadata naming each role's
// key is made too, signed with the root key. Bundles and the trust list are added through it alike.

import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Metadata, Root, TargetFile, Targets } from '@tufjs/models';
import { sha256Hex } from '../../print-templates/bundle-manifest';
import { expiresIn, latestVersion, metadataDir, readMetadata, SPEC_VERSION, storedTargetPath, writeMetadata } from './repository-layout';
import { readPublicKey, readSigningKey } from './role-keys';

export interface TargetsSigning {
  repo: string;
  /** Holds root.key and targets.key (offline media), and snapshot.pub and timestamp.pub. */
  keys: string;
  targetsDays?: number;
  rootDays?: number;
  now?: Date;
}

/** Adds one file as a target; a path already signed with other bytes is refused (its version must be raised). */
export async function addTarget(
  repo: string,
  targets: Targets,
  targetPath: string,
  bytes: Buffer,
  custom?: Record<string, number>,
  refusal = `${targetPath}: signed before with other bytes`,
): Promise<void> {
  const sha256 = sha256Hex(bytes);
  const existing = targets.targets[targetPath];
  if (existing && existing.hashes.sha256 !== sha256) throw new Error(refusal);
  const stored = storedTargetPath(repo, targetPath, sha256);
  await mkdir(dirname(stored), { recursive: true });
  await writeFile(stored, bytes);
  targets.addTarget(
    new TargetFile({ path: targetPath, length: bytes.length, hashes: { sha256 }, ...(custom ? { unrecognizedFields: { custom } } : {}) }),
  );
}

/** Signs the next targets metadata after `add` put its targets in; returns its version. */
export async function signNextTargets(options: TargetsSigning, add: (targets: Targets) => Promise<void>): Promise<number> {
  const { repo, keys } = options;
  const now = options.now ?? new Date();
  const targetsKey = await readSigningKey(keys, 'targets');
  await mkdir(metadataDir(repo), { recursive: true });
  if ((await latestVersion(repo, 'root')) === 0) await writeFirstRoot(repo, keys, expiresIn(options.rootDays ?? 365, now));

  const previous = await latestVersion(repo, 'targets');
  const targets = new Targets({ version: previous + 1, specVersion: SPEC_VERSION, expires: expiresIn(options.targetsDays ?? 90, now) });
  if (previous > 0) {
    for (const target of Object.values((await readMetadata(repo, 'targets', `${previous}.targets.json`)).signed.targets))
      targets.addTarget(target);
  }
  await add(targets);
  const signed = new Metadata(targets);
  signed.sign((data) => targetsKey.sign(data));
  await writeMetadata(repo, `${targets.version}.targets.json`, signed);
  return targets.version;
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
