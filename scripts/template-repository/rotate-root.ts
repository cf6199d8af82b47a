// `rotate-root`: the offline step that replaces keys, or renews the root before it expires. Writes root metadata
// N+1: each role whose new public key is given gets it, the others keep theirs, and it is signed by the root key
// of version N and, where the root key changes, by the new one as well — a kiosk accepts N+1 only when both the
// root it trusts and the new root itself vouch for it (TUF 5.3.4, 5.3.5). A kiosk walks every root version from
// the one it was installed with, so none may be skipped or removed. Where the targets key changes, the targets are
// signed again with the new key; `publish` (with the snapshot and timestamp keys now in force) comes next.
// Without new keys it only renews: the same keys, a later expiry.

import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { Metadata, MetadataKind, Root } from '@tufjs/models';
import { expiresIn, latestVersion, readMetadata, SPEC_VERSION, writeMetadata } from './repository-layout';
import { readPublicKey, readSigningKey, roleNames, type RoleName } from './role-keys';
import { signNextTargets } from './targets-signing';

export interface RotateRootOptions {
  repo: string;
  /** Holds root.key of the root in force. */
  keys: string;
  /** Holds the new keys: each `<role>.pub` found replaces that role's key; a new root key needs its root.key, and a new targets key its targets.key. */
  newKeys?: string;
  rootDays?: number;
  targetsDays?: number;
  now?: Date;
}

export interface RotatedRoot {
  version: number;
  expires: string;
  rotated: RoleName[];
  /** Set where the targets were signed again with a new targets key. */
  targetsVersion?: number;
}

export async function rotateRoot(options: RotateRootOptions): Promise<RotatedRoot> {
  const { repo, keys, newKeys } = options;
  const now = options.now ?? new Date();
  const current = await latestVersion(repo, 'root');
  if (current === 0) throw new Error(`${repo}: no root yet (sign a bundle first)`);
  const previous = await readMetadata(repo, 'root', `${current}.root.json`);
  const oldRootKey = await readSigningKey(keys, 'root');
  if (!previous.signed.roles.root?.keyIDs.includes(oldRootKey.key.keyID))
    throw new Error(`${join(keys, 'root.key')}: not a root key of root version ${current}`);

  const rotated: RoleName[] = [];
  for (const role of roleNames) if (newKeys && (await exists(join(newKeys, `${role}.pub`)))) rotated.push(role);
  // Every role starts with no key and the threshold it had (@tufjs/models makes roles only from JSON).
  const root = Root.fromJSON({
    _type: 'root',
    spec_version: SPEC_VERSION,
    version: current + 1,
    expires: expiresIn(options.rootDays ?? 365, now),
    consistent_snapshot: true,
    keys: {},
    roles: Object.fromEntries(roleNames.map((role) => [role, { keyids: [], threshold: previous.signed.roles[role]?.threshold ?? 1 }])),
  });
  for (const role of roleNames) {
    if (newKeys && rotated.includes(role)) root.addKey(await readPublicKey(newKeys, role), role);
    else for (const keyID of previous.signed.roles[role]?.keyIDs ?? []) root.addKey(previous.signed.keys[keyID]!, role);
  }

  const metadata = new Metadata(root);
  metadata.sign((data) => oldRootKey.sign(data));
  if (newKeys && rotated.includes('root')) {
    const newRootKey = await readSigningKey(newKeys, 'root');
    if (!root.roles.root!.keyIDs.includes(newRootKey.key.keyID)) throw new Error(`${join(newKeys, 'root.key')}: does not match root.pub`);
    metadata.sign((data) => newRootKey.sign(data));
  }
  // What a kiosk checks, checked before anything is written: the old root vouches for the new, the new for itself.
  previous.verifyDelegate(MetadataKind.Root, metadata);
  metadata.verifyDelegate(MetadataKind.Root, metadata);
  await writeMetadata(repo, `${root.version}.root.json`, metadata);

  if (!newKeys || !rotated.includes('targets')) return { version: root.version, expires: root.expires, rotated };
  // The targets in force were signed with the key just replaced: signed again, unchanged, with the new one.
  const targetsVersion = await signNextTargets(
    { repo, keys: newKeys, now, ...(options.targetsDays ? { targetsDays: options.targetsDays } : {}) },
    async () => {},
  );
  return { version: root.version, expires: root.expires, rotated, targetsVersion };
}

const exists = (path: string) =>
  access(path).then(
    () => true,
    () => false,
  );
