// Template bundles joined to the agent: where a configuration names a TUF repository, the installed bundles under
// `<dataDir>/templates/`, the repository client and the updater polling it, switching only while no session runs.

import { join } from 'node:path';
import type { KioskConfig } from '../config/kiosk-config';
import type { Logger } from '../logger';
import { kioskSoftwareVersion } from './kiosk-software-version';
import { renderCertificateSamples } from '../templates/certificate-sample-render';
import { openInstalledBundles, type InstalledBundle } from '../templates/installed-bundles';
import { startTemplateUpdater, type BundleTestRender } from '../templates/template-updater';
import { createTufBundleSource } from '../templates/tuf-bundle-source';

export async function startTemplateUpdates(parts: {
  config: KioskConfig;
  idle: () => boolean;
  logger: Logger;
  switched: (bundle: InstalledBundle) => void;
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
  const current = installed.current();
  if (current) parts.switched(current);
  return startTemplateUpdater({
    source: createTufBundleSource({
      repositoryUrl: config.templates.repositoryUrl,
      trustedRootFile: config.templates.trustedRootFile,
      metadataDir: join(config.dataDir, 'templates-metadata'),
    }),
    installed,
    ring: config.templates.ring,
    appVersion: kioskSoftwareVersion(),
    testRender: parts.testRender ?? renderCertificateSamples,
    idle: parts.idle,
    pollMs: parts.pollMs ?? config.templates.pollMinutes * 60_000,
    logger,
    switched: parts.switched,
  });
}
