// The kiosk's side of template distribution: every `pollMinutes` it asks the TUF repository for the newest bundle
// meant for its ring and its software, downloads and checks every file, test-renders every sample, and only
// then — when no citizen's session runs — makes it current. A bundle that fails any step is refused (a staff
// alert, once per version); one whose content is wrong is not tried again until the process restarts, one that
// could not be downloaded is tried at the next poll. The bundle in use keeps printing throughout.

import valid from 'semver/functions/valid.js';
import type { Result } from '../../device-drivers/result';
import { checkBundleFiles, compareVersions, type BundleManifest } from '../../print-templates/bundle-manifest';
import type { Logger } from '../logger';
import type { InstalledBundle, InstalledBundles } from './installed-bundles';
import type { TrustListUpdate } from './trust-list-update';
import type { BundleOffer, TufBundleSource } from './tuf-bundle-source';

/** Renders every template of a staged bundle with each of its samples; the problems name the template and sample. */
export type BundleTestRender = (dir: string, manifest: BundleManifest) => Promise<Result<void, string[]>>;

export interface TemplateUpdaterOptions {
  source: TufBundleSource;
  installed: InstalledBundles;
  /** The kiosk's rollout ring: it takes bundles sent to this ring or a higher one. */
  ring: number;
  /** This kiosk software's version (package.json): bundles needing a newer one wait. */
  appVersion: string;
  testRender: BundleTestRender;
  /** True while no citizen's session runs: the only time the bundle in use may change. */
  idle: () => boolean;
  pollMs: number;
  /** How often to look again for an idle moment once a bundle is ready. */
  idleCheckMs?: number;
  logger: Logger;
  /** The trust list riding the same repository: looked at after each metadata refresh, before the bundles. */
  trustList?: TrustListUpdate;
  /** Told of each bundle made current. */
  switched?: (bundle: InstalledBundle) => void | Promise<void>;
}

export type UpdateOutcome =
  | { kind: 'upToDate' }
  | { kind: 'installed'; version: string }
  | { kind: 'refused'; version: string; step: 'download' | 'check' | 'testRender' | 'appVersion'; problems: string[] }
  | { kind: 'checkFailed'; problem: string }
  | { kind: 'stopped' };

export function startTemplateUpdater(options: TemplateUpdaterOptions) {
  const { source, installed, logger } = options;
  const refused = new Set<string>();
  const alerted = new Set<string>();
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<UpdateOutcome> | null = null;
  let last: { at: string; outcome: UpdateOutcome['kind'] } | null = null;

  const newer = (offer: BundleOffer): boolean => {
    const current = installed.current()?.version;
    return current === undefined || compareVersions(offer.version, current) > 0;
  };

  async function whenIdle(): Promise<boolean> {
    while (!stopped && !options.idle()) await new Promise((resolve) => setTimeout(resolve, options.idleCheckMs ?? 1000));
    return !stopped;
  }

  async function refuse(
    version: string,
    step: Extract<UpdateOutcome, { kind: 'refused' }>['step'],
    problems: string[],
  ): Promise<UpdateOutcome> {
    if (step !== 'download') refused.add(version);
    logger.event('templates.refused', 'failure', { version, step, problem: problems[0] ?? '', problems: problems.length });
    if (!alerted.has(version)) logger.event('staff.alert', 'failure', { reason: 'templateBundleRefused', version });
    alerted.add(version);
    return { kind: 'refused', version, step, problems };
  }

  async function check(): Promise<UpdateOutcome> {
    const offers = await source.offers();
    if (!offers.ok) {
      logger.event('templates.check', 'failure', { problem: offers.error });
      return { kind: 'checkFailed', problem: offers.error };
    }
    await options.trustList?.(source);
    const candidates = offers.value
      .filter(
        (offer) => valid(offer.version) === offer.version && offer.ring >= options.ring && !refused.has(offer.version) && newer(offer),
      )
      .sort((a, b) => compareVersions(b.version, a.version));
    const offer = candidates[0];
    if (!offer) {
      logger.event('templates.check', 'success', { installed: installed.current()?.version ?? 'bundled', offers: offers.value.length });
      return { kind: 'upToDate' };
    }
    const staging = await installed.stage();
    try {
      const manifest = await source.manifest(offer, staging);
      if (!manifest.ok) return await refuse(offer.version, 'download', manifest.error);
      if (compareVersions(manifest.value.minAppVersion, options.appVersion) > 0)
        return await refuse(offer.version, 'appVersion', [
          `needs kiosk software ${manifest.value.minAppVersion}, this is ${options.appVersion}`,
        ]);
      const files = await source.files(manifest.value, staging);
      if (!files.ok) return await refuse(offer.version, 'download', files.error);
      const checked = await checkBundleFiles(staging, manifest.value);
      if (!checked.ok) return await refuse(offer.version, 'check', checked.error);
      const rendered = await options.testRender(staging, manifest.value);
      if (!rendered.ok) return await refuse(offer.version, 'testRender', rendered.error);
      if (!(await whenIdle())) return { kind: 'stopped' };
      const previous = installed.current()?.version ?? 'bundled';
      const bundle = await installed.install(staging, manifest.value);
      logger.event('templates.installed', 'success', { version: bundle.version, previous });
      await options.switched?.(bundle);
      return { kind: 'installed', version: bundle.version };
    } finally {
      // Gone by now if installed (renamed); else the half-checked download goes.
      await installed.discard(staging);
    }
  }

  /** One poll now (or the one already running). */
  function checkNow(): Promise<UpdateOutcome> {
    running ??= check()
      .catch((error: unknown): UpdateOutcome => {
        logger.event('templates.check', 'failure', { problem: error instanceof Error ? error.message : String(error) });
        return { kind: 'checkFailed', problem: String(error) };
      })
      .then((outcome) => {
        last = { at: new Date().toISOString(), outcome: outcome.kind };
        running = null;
        return outcome;
      });
    return running;
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => void checkNow().then(schedule), options.pollMs);
    timer.unref();
  }
  void checkNow().then(schedule);

  return {
    checkNow,
    /** For /api/health: the bundle in use and the last poll. */
    status: () => ({ installed: installed.current()?.version ?? null, lastCheck: last?.at ?? null, lastOutcome: last?.outcome ?? null }),
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export type TemplateUpdater = ReturnType<typeof startTemplateUpdater>;
