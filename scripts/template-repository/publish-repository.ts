// `publish`: the online step. Signs a new snapshot (naming the newest targets metadata) with the snapshot key,
// then a new timestamp (naming that snapshot) with the timestamp key, and writes timestamp.json last: until that
// rename, kiosks see the previous publication whole. Run it after every `sign`, and at least daily so the
// timestamp never expires (a kiosk refuses expired metadata as a freeze attack).

import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Metadata, MetaFile, Snapshot, Timestamp } from '@tufjs/models';
import { expiresIn, latestVersion, metadataDir, readMetadata, SPEC_VERSION, writeMetadata } from './repository-layout';
import { readSigningKey } from './role-keys';

export interface PublishOptions {
  repo: string;
  /** Holds snapshot.key and timestamp.key. */
  keys: string;
  snapshotDays?: number;
  timestampDays?: number;
  now?: Date;
}

export async function publishRepository(options: PublishOptions): Promise<{ snapshotVersion: number; timestampVersion: number }> {
  const { repo, keys } = options;
  const now = options.now ?? new Date();
  const targetsVersion = await latestVersion(repo, 'targets');
  if (targetsVersion === 0 || (await latestVersion(repo, 'root')) === 0) throw new Error(`${repo}: nothing signed yet (run sign first)`);
  const snapshotKey = await readSigningKey(keys, 'snapshot');
  const timestampKey = await readSigningKey(keys, 'timestamp');

  const targetsBytes = await readFile(join(metadataDir(repo), `${targetsVersion}.targets.json`));
  const snapshotVersion = (await latestVersion(repo, 'snapshot')) + 1;
  const snapshot = new Metadata(
    new Snapshot({
      version: snapshotVersion,
      specVersion: SPEC_VERSION,
      expires: expiresIn(options.snapshotDays ?? 7, now),
      meta: { 'targets.json': metaFile(targetsVersion, targetsBytes) },
    }),
  );
  snapshot.sign((data) => snapshotKey.sign(data));
  const snapshotBytes = await writeMetadata(repo, `${snapshotVersion}.snapshot.json`, snapshot);

  let timestampVersion = 1;
  try {
    timestampVersion = (await readMetadata(repo, 'timestamp', 'timestamp.json')).signed.version + 1;
  } catch {
    // The first publication.
  }
  const timestamp = new Metadata(
    new Timestamp({
      version: timestampVersion,
      specVersion: SPEC_VERSION,
      expires: expiresIn(options.timestampDays ?? 1, now),
      snapshotMeta: metaFile(snapshotVersion, snapshotBytes),
    }),
  );
  timestamp.sign((data) => timestampKey.sign(data));
  await writeMetadata(repo, 'timestamp.json', timestamp);
  return { snapshotVersion, timestampVersion };
}

function metaFile(version: number, bytes: Buffer): MetaFile {
  return new MetaFile({ version, length: bytes.length, hashes: { sha256: createHash('sha256').update(bytes).digest('hex') } });
}
