// Template bundles as The Update Framework delivers them (tuf-js): every poll walks root → timestamp → snapshot →
// targets from the kiosk's trusted root, so a forged, replayed (older), frozen (expired) or mixed-up metadata file
// is refused by the client before any bundle is looked at. A bundle is the set of targets `bundles/<version>/…`;
// its manifest's target carries `{ "ring": n }`. Every file is fetched through the signed metadata, no longer than
// it says and with its hash: a file not in signed metadata is never downloaded. The trust list travels as one more
// target (`trust/trust-list.jws`); TUF only carries it, the kiosk's pinned trust root decides (trust-list-update.ts).

import { copyFile, mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Metadata, MetadataKind, type TargetFile } from '@tufjs/models';
import { Updater } from 'tuf-js';
import { err, ok, type Result } from '../../device-drivers/result';
import { MANIFEST_FILE, parseBundleManifest, type BundleManifest } from '../../print-templates/bundle-manifest';

export interface BundleOffer {
  version: string;
  /** The highest kiosk ring the operator sends this bundle to. */
  ring: number;
  manifestTarget: TargetFile;
}

export interface TufBundleSourceOptions {
  /** The repository's base URL: `metadata/` and `targets/` under it. */
  repositoryUrl: string;
  trustedRootFile: string;
  /** The kiosk's own copy of the metadata it has trusted so far (tuf-js keeps root, timestamp, snapshot, targets there). */
  metadataDir: string;
  /** A whole bundle may not be larger than this. */
  maxBundleBytes?: number;
  fetchTimeoutMs?: number;
}

const MANIFEST_MAX_BYTES = 1024 * 1024;
const TRUST_LIST_MAX_BYTES = 4 * 1024 * 1024;

/** The trust list's target; its `custom` carries `{ "version": n }`, the list's own version, read before download. */
export const TRUST_LIST_TARGET = 'trust/trust-list.jws';
const bundleManifestPath = /^bundles\/([^/]+)\/manifest\.json$/;

export function createTufBundleSource(options: TufBundleSourceOptions) {
  const base = options.repositoryUrl.replace(/\/+$/, '');
  const maxBundleBytes = options.maxBundleBytes ?? 64 * 1024 * 1024;

  async function updater(): Promise<Updater> {
    await mkdir(options.metadataDir, { recursive: true });
    const rootFile = join(options.metadataDir, 'root.json');
    // The installed root starts the chain; after that tuf-js keeps the newest root it verified in its place.
    if (!(await stat(rootFile).catch(() => null))) await copyFile(options.trustedRootFile, rootFile);
    const make = () =>
      new Updater({
        metadataDir: options.metadataDir,
        metadataBaseUrl: `${base}/metadata`,
        targetBaseUrl: `${base}/targets`,
        config: { fetchTimeout: options.fetchTimeoutMs ?? 30_000, fetchRetries: 0, targetsMaxLength: 4 * 1024 * 1024 },
      });
    try {
      return make();
    } catch {
      // A local root cut short by a power cut: start the chain again from the installed root.
      await copyFile(options.trustedRootFile, rootFile);
      return make();
    }
  }

  let current: Updater | null = null;
  let trustListTarget: TargetFile | undefined;

  return {
    /** Refreshes the metadata and lists the bundles the signed targets name. */
    async offers(): Promise<Result<BundleOffer[], string>> {
      try {
        current = await updater();
        await current.refresh();
        // tuf-js writes each metadata file to metadataDir only once it verified it: this is the trusted targets.
        const json = JSON.parse(await readFile(join(options.metadataDir, 'targets.json'), 'utf8'));
        const targets = Metadata.fromJSON(MetadataKind.Targets, json).signed.targets;
        trustListTarget = targets[TRUST_LIST_TARGET];
        const offers: BundleOffer[] = [];
        for (const [path, target] of Object.entries(targets)) {
          const version = bundleManifestPath.exec(path)?.[1];
          const ring = target.custom.ring;
          if (version && typeof ring === 'number' && Number.isInteger(ring)) offers.push({ version, ring, manifestTarget: target });
        }
        return ok(offers);
      } catch (error) {
        current = null;
        trustListTarget = undefined;
        return err(describe(error));
      }
    },

    /** Downloads an offered bundle's manifest into `dir`. */
    async manifest(offer: BundleOffer, dir: string): Promise<Result<BundleManifest, string[]>> {
      if (!current) return err(['metadata not refreshed']);
      if (offer.manifestTarget.length > MANIFEST_MAX_BYTES)
        return err([`${MANIFEST_FILE}: ${offer.manifestTarget.length} bytes, more than allowed`]);
      const file = join(dir, MANIFEST_FILE);
      try {
        await current.downloadTarget(offer.manifestTarget, file);
      } catch (error) {
        return err([`${MANIFEST_FILE}: ${describe(error)}`]);
      }
      const manifest = parseBundleManifest(await readFile(file, 'utf8'));
      if (!manifest.ok) return manifest;
      if (manifest.value.version !== offer.version)
        return err([`${MANIFEST_FILE}: version ${manifest.value.version} is published as ${offer.version}`]);
      return manifest;
    },

    /** The trust list the last refreshed targets metadata names, with the version it says the list has. */
    trustListOffer(): { version: number; target: TargetFile } | undefined {
      const version = trustListTarget?.custom.version;
      if (!trustListTarget || typeof version !== 'number' || !Number.isInteger(version)) return undefined;
      return { version, target: trustListTarget };
    },

    /** Downloads the offered trust list's bytes (as signed targets metadata describes them): not yet trusted. */
    async trustList(target: TargetFile, file: string): Promise<Result<string, string>> {
      if (!current) return err('metadata not refreshed');
      if (target.length > TRUST_LIST_MAX_BYTES) return err(`${target.length} bytes, more than allowed`);
      try {
        await current.downloadTarget(target, file);
        return ok(await readFile(file, 'utf8'));
      } catch (error) {
        return err(describe(error));
      }
    },

    /** Downloads every file the manifest lists into `dir`, each only as signed targets metadata describes it. */
    async files(manifest: BundleManifest, dir: string): Promise<Result<void, string[]>> {
      if (!current) return err(['metadata not refreshed']);
      const total = Object.values(manifest.files).reduce((sum, file) => sum + file.length, 0);
      if (total > maxBundleBytes) return err([`the bundle is ${total} bytes, more than the ${maxBundleBytes} allowed`]);
      for (const [path, expected] of Object.entries(manifest.files)) {
        const targetPath = `bundles/${manifest.version}/${path}`;
        let target: TargetFile | undefined;
        try {
          target = await current.getTargetInfo(targetPath);
        } catch (error) {
          return err([`${path}: ${describe(error)}`]);
        }
        if (!target) return err([`${path}: not a target in the signed metadata`]);
        if (target.length !== expected.length || target.hashes.sha256 !== expected.sha256)
          return err([`${path}: the signed metadata and the manifest disagree`]);
        const file = join(dir, path);
        await mkdir(dirname(file), { recursive: true });
        try {
          await current.downloadTarget(target, file);
        } catch (error) {
          return err([`${path}: ${describe(error)}`]);
        }
      }
      return ok(undefined);
    },
  };
}

export type TufBundleSource = ReturnType<typeof createTufBundleSource>;

/** tuf-js's error class and message: what failed, never a file's contents. */
function describe(error: unknown): string {
  return error instanceof Error ? `${error.constructor.name}: ${error.message}` : String(error);
}
