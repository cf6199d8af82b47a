// The repository as static files: `metadata/` (N.root.json, N.targets.json, N.snapshot.json, timestamp.json —
// consistent snapshots, so a kiosk reading while a publish runs never mixes two versions) and `targets/`
// (each file stored under its hash: `bundles/<version>/<sha256>.<name>`). Any web server, CDN or object store
// can serve the directory as it is.

import { readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Metadata, MetadataKind, type Root, type Snapshot, type Targets, type Timestamp } from '@tufjs/models';

export const SPEC_VERSION = '1.0.31';

export const metadataDir = (repo: string) => join(repo, 'metadata');
export const targetsDir = (repo: string) => join(repo, 'targets');

/** Where a target is stored: its path with the file name prefixed by its SHA-256 (consistent snapshots). */
export function storedTargetPath(repo: string, targetPath: string, sha256: string): string {
  const slash = targetPath.lastIndexOf('/');
  return join(targetsDir(repo), targetPath.slice(0, slash + 1) + `${sha256}.${targetPath.slice(slash + 1)}`);
}

/** The highest version of a versioned role file (`N.<role>.json`), or 0 when there is none. */
export async function latestVersion(repo: string, role: 'root' | 'targets' | 'snapshot'): Promise<number> {
  let names: string[];
  try {
    names = await readdir(metadataDir(repo));
  } catch {
    return 0;
  }
  const pattern = new RegExp(`^([1-9]\\d*)\\.${role}\\.json$`);
  return Math.max(0, ...names.map((name) => Number(pattern.exec(name)?.[1] ?? 0)));
}

type Kinds = { root: Root; targets: Targets; snapshot: Snapshot; timestamp: Timestamp };
const kinds = {
  root: MetadataKind.Root,
  targets: MetadataKind.Targets,
  snapshot: MetadataKind.Snapshot,
  timestamp: MetadataKind.Timestamp,
} as const;

export async function readMetadata<K extends keyof Kinds>(repo: string, role: K, fileName: string): Promise<Metadata<Kinds[K]>> {
  const json = JSON.parse(await readFile(join(metadataDir(repo), fileName), 'utf8'));
  // fromJSON's overloads take one kind each; the map above keeps K and the kind together.
  return (Metadata.fromJSON as (kind: MetadataKind, data: unknown) => Metadata<Kinds[K]>)(kinds[role], json);
}

/** Writes a metadata file whole (a temporary renamed over it): a server never serves half a file. */
export async function writeMetadata(repo: string, fileName: string, metadata: Metadata<Kinds[keyof Kinds]>): Promise<Buffer> {
  const bytes = Buffer.from(JSON.stringify(metadata.toJSON(), null, 1));
  const path = join(metadataDir(repo), fileName);
  await writeFile(`${path}.tmp`, bytes);
  await rename(`${path}.tmp`, path);
  return bytes;
}

/** An expiry `days` from `now`, to the second, as TUF writes them. */
export function expiresIn(days: number, now: Date): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
