// Template bundles joined to the agent: where a configuration names a TUF repository, the installed bundles under
// `<dataDir>/templates/`, the repository client and the updater polling it, switching only while no session runs.
// The current bundle, read whole and checked, is held in memory and swapped whole at a switch: a job prints with
// the old templates or the new ones, never some of each. The gateway client's trust list rides the same repository.

import { join } from 'node:path';
import type { KioskConfig } from '../config/kiosk-config';
import type { Logger } from '../logger';
import { kioskSoftwareVersion } from './kiosk-software-version';
import { loadTemplateBundle, type TemplateBundle } from '../../print-templates/template-bundle';
import { renderEverySample } from '../templates/bundle-test-render';
import { openInstalledBundles, type InstalledBundle } from '../templates/installed-bundles';
import { startTemplateUpdater, type BundleTestRender } from '../templates/template-updater';
import { createTrustListUpdate, type TrustListHolder } from '../templates/trust-list-update';
import { createTufBundleSource } from '../templates/tuf-bundle-source';

export async function startTemplateUpdates(parts: {
  config: KioskConfig;
  idle: () => boolean;
  logger: Logger;
  /** The gateway client: a newer trust list in the repository replaces its list once its pinned root verifies it. */
  trustList: TrustListHolder;
  /** Told the version of each bundle made current (the metrics). */
  switched: (version: string) => void;
  testRender?: BundleTestRender;
  /** Tests poll faster than the configuration's whole minutes. */
  pollMs?: number;
}) {
  const { config, logger } = parts;
  if (!config.templates) return null;
  const installed = await openInstalledBundles(join(config.dataDir, 'templates'));
  const rolledBackFrom = installed.rolledBackFrom();
  if (rolledBackFrom) {
    logger.event('templates.rolled_back', 'failure', { from: rolledBackFrom, to: installed.current()?.version ?? 'bundled' });
    logger.event('staff.alert', 'failure', { reason: 'templateBundleRolledBack', version: rolledBackFrom });
  }
  let inUse: TemplateBundle | null = null;
  async function use(bundle: InstalledBundle): Promise<void> {
    const loaded = await loadTemplateBundle(bundle.dir);
    if (!loaded.ok) {
      logger.event('staff.alert', 'failure', { reason: 'templateBundleUnreadable', version: bundle.version });
      return;
    }
    inUse = loaded.value;
    parts.switched(bundle.version);
  }
  const current = installed.current();
  if (current) await use(current);
  const updater = startTemplateUpdater({
    source: createTufBundleSource({
      repositoryUrl: config.templates.repositoryUrl,
      trustedRootFile: config.templates.trustedRootFile,
      metadataDir: join(config.dataDir, 'templates-metadata'),
    }),
    installed,
    ring: config.templates.ring,
    appVersion: kioskSoftwareVersion(),
    testRender: parts.testRender ?? renderEverySample,
    idle: parts.idle,
    pollMs: parts.pollMs ?? config.templates.pollMinutes * 60_000,
    logger,
    trustList: createTrustListUpdate(parts.trustList, logger),
    switched: use,
  });
  return {
    ...updater,
    /** The installed bundle in use, read whole: its templates and images; null until one is. */
    bundle: (): TemplateBundle | null => inUse,
  };
}
