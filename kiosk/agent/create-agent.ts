// Builds the agent from parts its caller made: the devices, the gateway client and, in development only, the
// dev panel. Two composition roots call it: kiosk/main.ts (production: configuration → real drivers, a remote
// gateway) and kiosk/dev-main.ts (development: simulated devices and the bundled gateway simulator).
// Nothing here knows whether a part is real or simulated.

import { bundleReceiptTemplate, type TemplateBundle } from '../../print-templates/template-bundle';
import { loadBundledReceiptTemplate } from '../../print-templates/receipt-template-store';
import { testPageTemplates } from '../../print-templates/test-page-templates';
import { loadBundledTemplate } from '../../print-templates/template-store';
import type { KioskConfig } from '../config/kiosk-config';
import { sessionSettingsFrom } from '../config/session-settings-from-config';
import { closeDevices, devicesStatus, openDevices, type KioskDevices } from '../devices/kiosk-devices';
import { loadCatalogue } from '../errands/catalogue';
import type { HttpsGatewayClient } from '../gateway/https-gateway-client';
import type { Logger } from '../logger';
import type { MaintenanceKey } from '../maintenance/maintenance-code';
import { jobTemplates } from '../printing/job-templates';
import { createPrintService } from '../printing/print-service';
import { openPrintJobLedger } from '../printing/print-job-ledger';
import { createSealVerifierUrl } from '../printing/seal-verifier-url';
import type { KioskInfo } from '../session/session-view';
import { openAgentAudit } from './agent-audit';
import { startAgentServer, type DevicePanelHandler } from './agent-server';
import { createKioskDiagnostics } from './kiosk-diagnostics';
import { createErrandAvailability } from './errand-availability';
import { scanKindsAccepted } from '../session/scan-acceptance';
import { createScanRouter } from './scan-router';
import { createSessionRuntime } from './session-runtime';
import { join } from 'node:path';
import { openRatingOutbox, type RatingOutboxTimings } from '../ratings/rating-outbox';
import { startRatingDelivery } from './rating-delivery';
import { builtUiDir } from './ui-location';
import { startAgentMetrics } from './agent-metrics';
import { startGatewayOutageWatch } from './gateway-outage-watch';
import { startNightlyRestart } from './nightly-restart';
import { lockDataDir } from './data-dir-lock';
import { auditLogFile } from '../audit/audit-log';
import type { MaintenanceSettings } from '../maintenance/maintenance-machine';
import { startAgentMaintenance } from './agent-maintenance';
import { openMaintenanceState } from './maintenance-mode';
import { openRecentErrors } from './recent-errors';
import { startSessionReceipts } from './session-receipts';
import type { BundleTestRender } from '../templates/template-updater';
import { startTemplateUpdates } from './template-updates';

/** Development only: the dev panel's knobs and test cards, and whether the gateway is the bundled simulator. */
export interface DevelopmentParts {
  /** Null where no device is simulated: then there is no dev panel. */
  devicePanel: { handle: DevicePanelHandler; testCards: KioskInfo['testCards'] } | null;
  gatewaySimulator: boolean;
  /** The development staff member and PIN, shown by the dev panel; absent or null where no development key is used. */
  devMaintenance?: KioskInfo['devMaintenance'];
}

export interface AgentParts {
  config: KioskConfig;
  devices: KioskDevices;
  gateway: HttpsGatewayClient;
  logger: Logger;
  /** The built touch UI; by default kiosk/ui/dist of this package. */
  uiDir?: string;
  development?: DevelopmentParts;
  /** The ratings outbox's batching and retry timings; tests shorten them. */
  ratings?: { timings?: Partial<RatingOutboxTimings> };
  /** Stops the agent and exits 0 for systemd to restart it; without it there is no nightly restart. */
  restart?: () => void;
  maintenanceKey?: MaintenanceKey | null;
  /** Maintenance mode's limits (idle, warning, refusal shown); tests shorten them. */
  maintenanceSettings?: Partial<MaintenanceSettings>;
  /** Template updates' test render and poll interval; tests replace them. */
  templateUpdates?: { testRender?: BundleTestRender; pollMs?: number };
}

export async function createAgent(parts: AgentParts) {
  const { config, devices, gateway, development } = parts;
  const startedAt = Date.now();
  const dataDirLock = await lockDataDir(config.dataDir);
  if (!dataDirLock.ok) throw new Error(dataDirLock.error);
  // Read before this start's own records: staff see the errors from before the restart too.
  const recentErrors = await openRecentErrors(auditLogFile(config.dataDir));
  const maintenanceState = await openMaintenanceState(config.dataDir);
  // Each wraps the logger: audit events also go to the hash-chained audit log, staff alerts are also counted.
  const audit = await openAgentAudit(config.dataDir, parts.logger);
  await openDevices(devices);

  const template = loadBundledTemplate();
  const shippedReceipt = loadBundledReceiptTemplate();
  const catalogue = loadCatalogue();
  const metrics = startAgentMetrics({ config, catalogue, devices, gateway, template, maintenanceState, logger: audit.logger });
  const logger = recentErrors.watching(metrics.logger);
  const notAuthorised = new Set<string>();
  const availability = createErrandAvailability(devices, gateway, notAuthorised);
  // Jobs a crash cut off may have printed: each is told to staff once, then closed; none is printed again.
  const printJobLedger = await openPrintJobLedger({ dir: join(config.dataDir, 'print-jobs') });
  for (const job of printJobLedger.unfinished()) {
    logger.event('staff.alert', 'failure', {
      reason: 'printJobOutcomeUnknown',
      jobName: job.jobName,
      ...(job.jobId ? { jobId: job.jobId } : {}),
    });
    await printJobLedger.finished(job.jobName, 'unknownAfterRestart');
  }
  const paperUsed = (printer: 'a4Printer' | 'receiptPrinter', count: number) =>
    void maintenanceState.paper.used(printer, count).catch(() => logger.event('maintenance.store', 'failure', { file: 'paper' }));
  // The installed bundle once template updates have started; the templates the kiosk ships with until then.
  let installedBundle: () => TemplateBundle | null = () => null;
  const printService = createPrintService({
    kioskId: config.kioskId,
    printer: devices.a4Printer,
    templates: () => jobTemplates(installedBundle(), template),
    sheetsPrinted: (sheets) => {
      metrics.kiosk.sheetsPrinted(sheets);
      paperUsed('a4Printer', sheets);
    },
    ledger: printJobLedger,
    ledgerFailed: () => logger.event('staff.alert', 'failure', { reason: 'printJobLedgerUnwritable' }),
    sealVerifierUrl: createSealVerifierUrl(
      config.verifier?.url ?? null,
      () => gateway.trustList.verifierUrls,
      () => logger.event('staff.alert', 'failure', { reason: 'verifierUrlNotInTrustList' }),
    ),
    monochrome: config.devices.a4Printer.driver === 'ipp' && config.devices.a4Printer.monochrome,
    stampMissing: (certType) => logger.event('staff.alert', 'failure', { reason: 'issuerStampMissing', certType }),
  });
  // 好差评: the outbox on disk, and the loop that hands its due batches to the gateway.
  const ratingOutbox = await openRatingOutbox({ dir: join(config.dataDir, 'ratings'), logger, ...parts.ratings });
  const ratingDelivery = startRatingDelivery({ outbox: ratingOutbox, gateway, logger });
  const runtime = createSessionRuntime({
    kioskId: config.kioskId,
    catalogue,
    settings: sessionSettingsFrom(config),
    devices,
    gateway,
    trustList: () => gateway.trustList,
    printService,
    availability,
    notAuthorised,
    logger,
    recordRating: (rating) => ratingOutbox.add(rating),
    outOfService: maintenanceState.serviceFlag.outOfService(),
  });
  const stopObservingSession = metrics.observeSession(runtime);
  const receipts = startSessionReceipts({
    runtime,
    printer: devices.receiptPrinter,
    catalogue,
    kioskId: config.kioskId,
    verifierUrl: config.verifier?.url ?? null,
    logger,
    printed: () => paperUsed('receiptPrinter', 1),
    // The installed bundle's receipt template once one is in use, else the shipped one.
    template: () => {
      const bundle = installedBundle();
      return (bundle && bundleReceiptTemplate(bundle, 'receipt')) ?? shippedReceipt;
    },
  });
  runtime.start();
  const templateUpdates = await startTemplateUpdates({
    config,
    idle: () => runtime.idle(),
    logger,
    trustList: gateway,
    switched: (version) =>
      metrics.kiosk.setTemplates([
        { id: template.id, version: template.version, source: 'bundled' },
        { id: 'bundle', version, source: 'installed' },
      ]),
    ...parts.templateUpdates,
  });
  if (templateUpdates) installedBundle = templateUpdates.bundle;

  // Maintenance mode needs the router (for the scan self-test); the router hands it codes once it runs.
  let deliverMaintenanceCode = (code: string): void => void code;
  const scanRouter = createScanRouter({
    scanner: devices.scanner,
    accepted: () => scanKindsAccepted[runtime.view().screen],
    deliver: (scan) => (scan.kind === 'maintenance' ? deliverMaintenanceCode(scan.data) : runtime.scanned(scan)),
    refused: () => runtime.scanRefused(),
  });
  const stopSyncingScanner = runtime.onView(() => void scanRouter.sync());
  const diagnostics = createKioskDiagnostics({
    config,
    devices,
    gateway,
    runtime,
    template,
    testPages: () => testPageTemplates(installedBundle()),
    logger,
  });
  const maintenance = await startAgentMaintenance({
    key: parts.maintenanceKey ?? null,
    kioskId: config.kioskId,
    state: maintenanceState,
    runtime,
    devices,
    gateway,
    templateVersion: () => templateUpdates?.status().installed ?? (template.version || 'bundled'),
    diagnostics,
    scanRouter,
    recentErrors,
    catalogue,
    logger,
    ...(parts.restart ? { restart: parts.restart } : {}),
    ...(parts.maintenanceSettings ? { settings: parts.maintenanceSettings } : {}),
  });
  deliverMaintenanceCode = maintenance.scanned;
  await scanRouter.sync();

  const server = await startAgentServer({
    port: config.port,
    uiDir: parts.uiDir ?? builtUiDir(),
    runtime,
    devices,
    devicePanel: development?.devicePanel?.handle ?? null,
    kioskInfo: {
      kioskId: config.kioskId,
      servicePoints: config.servicePoints,
      devPanel: Boolean(development?.devicePanel),
      testCards: development?.devicePanel?.testCards ?? [],
      devMaintenance: development?.devMaintenance ?? null,
    },
    health: () => ({
      status: gateway.available() ? 'ok' : 'degraded',
      kioskId: config.kioskId,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      session: runtime.stateName(),
      devices: devicesStatus(devices),
      // breaker state, clock offset, trust-list version and staleness, the last failure's staff diagnostic.
      gateway: { available: gateway.available(), simulator: development?.gatewaySimulator ?? false, ...gateway.diagnostics() },
      scans: { scannerOn: scanRouter.enabled(), ignored: scanRouter.ignored() },
      maintenance: maintenance.view()?.stage ?? null,
      // The template bundle in use (null: the one shipped with the kiosk) and the last poll of the repository.
      templates: templateUpdates?.status() ?? null,
    }),
    metrics: async () => ({ contentType: metrics.kiosk.contentType, text: await metrics.kiosk.text() }),
    diagnostics,
    maintenance,
    logger,
  });
  // The gateway's circuit can open or close between sessions: keep the home screen honest.
  const refreshTimer = setInterval(() => runtime.refresh(), 1000);
  const outageWatch = startGatewayOutageWatch({
    gateway,
    logger,
    alertAfterMs: config.gateway.mode === 'remote' ? config.gateway.timings?.outageAlertMs : undefined,
  });
  const nightlyRestart =
    config.restart && parts.restart
      ? startNightlyRestart({ window: config.restart.window, idle: () => runtime.idle(), restart: parts.restart, logger })
      : null;
  logger.event('agent.started', 'success', { kioskId: config.kioskId, port: server.port, startupMs: Date.now() - startedAt });
  // Serving already; the renderer loads behind it, long before a citizen reaches the preview.
  // A renderer that fails to load is for staff; the next citizen's preview then fails with DOCUMENT_UNAVAILABLE.
  const warming = printService.warmUp().catch(() => logger.event('staff.alert', 'failure', { reason: 'documentRendererUnavailable' }));

  return {
    url: server.url,
    port: server.port,
    runtime,
    metrics: metrics.kiosk,
    async stop() {
      await warming;
      clearInterval(refreshTimer);
      outageWatch.stop();
      nightlyRestart?.stop();
      await server.close();
      stopSyncingScanner();
      await scanRouter.stop();
      maintenance.stop();
      await templateUpdates?.stop();
      runtime.stop();
      await receipts?.stop();
      await ratingDelivery.stop();
      stopObservingSession();
      await metrics.stop();
      await gateway.close();
      await closeDevices(devices);
      await printJobLedger.close();
      await audit.stop();
      await dataDirLock.value.release();
    },
  };
}
