// The template bundles installed on this kiosk, under `<dataDir>/templates/`: one directory per version, a
// `current` symlink naming the one in use and a `previous` symlink naming the one before it. A bundle is
// downloaded into a hidden `.staging-*` directory, its files fsync'd, renamed to its version, and `current` is
// replaced by renaming a new symlink over it: a power cut at any point leaves the old bundle or the new one in
// use, never a mix. Anything else found at start (staging leftovers, versions neither current nor previous) is removed.

import { mkdir, mkdtemp, open, readdir, readFile, readlink, rename, rm, symlink, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { checkBundleFiles, MANIFEST_FILE, parseBundleManifest, type BundleManifest } from '../../print-templates/bundle-manifest';
import { syncDirectory } from '../durable-file';

export interface InstalledBundle {
  version: string;
  dir: string;
  manifest: BundleManifest;
}

const CURRENT = 'current';
const PREVIOUS = 'previous';
const STAGING_PREFIX = '.staging-';

/** A version directory's name: the manifest's semver, nothing that could climb out of the directory. */
const versionName = /^\d{1,6}\.\d{1,6}\.\d{1,6}(-[0-9A-Za-z.-]{1,32})?$/;

export async function openInstalledBundles(root: string) {
  await mkdir(root, { recursive: true });

  async function linkTarget(name: string): Promise<string | null> {
    try {
      const target = await readlink(join(root, name));
      return versionName.test(target) ? target : null;
    } catch {
      return null;
    }
  }

  /** The bundle a link names, if it is whole: its manifest parses and every file matches it. */
  async function wholeBundle(name: string): Promise<InstalledBundle | null> {
    const version = await linkTarget(name);
    if (!version) return null;
    const dir = join(root, version);
    const manifest = await readFile(join(dir, MANIFEST_FILE), 'utf8').then(parseBundleManifest, () => null);
    if (!manifest?.ok || manifest.value.version !== version) return null;
    return (await checkBundleFiles(dir, manifest.value)).ok ? { version, dir, manifest: manifest.value } : null;
  }

  /** Points `name` at `version` by renaming a fresh symlink over it. */
  async function pointAt(name: string, version: string | null): Promise<void> {
    if (version === null) await unlink(join(root, name)).catch(() => undefined);
    else {
      const temporary = join(root, `.${name}.${process.pid}.tmp`);
      await rm(temporary, { force: true });
      await symlink(version, temporary);
      await rename(temporary, join(root, name));
    }
    await syncDirectory(root);
  }

  /** Removes staging leftovers and versions that neither link names. */
  async function sweep(): Promise<void> {
    const keep = new Set([await linkTarget(CURRENT), await linkTarget(PREVIOUS)]);
    for (const name of await readdir(root)) {
      if (name === CURRENT || name === PREVIOUS || keep.has(name)) continue;
      if (name.startsWith(STAGING_PREFIX) || versionName.test(name) || name.endsWith('.tmp'))
        await rm(join(root, name), { recursive: true, force: true });
    }
  }

  // A current bundle that is not whole (a disk fault, a hand edit) rolls back to the previous one, or to none.
  let current = await wholeBundle(CURRENT);
  let rolledBack: string | null = null;
  if (!current && (await linkTarget(CURRENT))) {
    rolledBack = await linkTarget(CURRENT);
    const previous = await wholeBundle(PREVIOUS);
    await pointAt(CURRENT, previous?.version ?? null);
    await pointAt(PREVIOUS, null);
    current = previous;
  }
  await sweep();

  return {
    /** The bundle in use, or null: then the kiosk prints with the templates it shipped with. */
    current: (): InstalledBundle | null => current,
    /** Set when start found the current bundle broken and went back to the previous one. */
    rolledBackFrom: (): string | null => rolledBack,

    /** A fresh hidden directory to download a bundle into. */
    stage: (): Promise<string> => mkdtemp(join(root, STAGING_PREFIX)),

    /** Discards a staged download. */
    discard: (staging: string): Promise<void> => rm(staging, { recursive: true, force: true }),

    /**
     * Makes a staged, checked bundle current: its files synced, the directory renamed to its version, `previous`
     * pointed at the bundle in use, then `current` at the new one; versions before the previous are removed.
     */
    async install(staging: string, manifest: BundleManifest): Promise<InstalledBundle> {
      const { version } = manifest;
      if (!versionName.test(version)) throw new Error(`bundle version ${version} cannot name a directory`);
      for (const path of [MANIFEST_FILE, ...Object.keys(manifest.files)]) await syncFile(join(staging, path));
      await syncTree(staging);
      const dir = join(root, version);
      await rm(dir, { recursive: true, force: true });
      await rename(staging, dir);
      await syncDirectory(root);
      const before = current;
      await pointAt(PREVIOUS, before?.version ?? null);
      await pointAt(CURRENT, version);
      current = { version, dir, manifest };
      await sweep();
      return current;
    },
  };
}

export type InstalledBundles = Awaited<ReturnType<typeof openInstalledBundles>>;

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Syncs every directory under `dir` (the files' names), deepest first. */
async function syncTree(dir: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) if (entry.isDirectory()) await syncTree(join(dir, entry.name));
  await syncDirectory(dir);
}
