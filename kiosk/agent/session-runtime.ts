// Runs the session machine inside the agent: joins it to the devices, the gateway and the print service,
// publishes every new view, and turns what the machine emits into PII-free log events.

import { createActor } from 'xstate';
import { a4PaperWaiting, a4Readiness } from '../../device-drivers/a4-printer/a4-printer';
import type { Errand } from '../errands/catalogue';
import { shanghaiIsoDate } from '../../print-templates/shanghai-date';
import type { GatewayClient } from '../gateway/gateway-client';
import type { TrustList } from '../gateway/trust-list';
import type { Logger } from '../logger';
import type { KioskDevices } from '../devices/kiosk-devices';
import type { createPrintService } from '../printing/print-service';
import { createSessionMachine, type SessionEmitted } from '../session/session-machine';
import type { ScanKind } from '../session/scan-acceptance';
import type { SessionSettings } from '../session/session-settings';
import { buildSessionView, type ErrandAvailability } from '../session/session-view-builder';
import type { SessionView } from '../session/session-view';
import type { UiEvent } from '../session/ui-events';
import type { NewRating } from '../ratings/rating-outbox';
import { platformTags } from '../ratings/screen-tag-mapping';
import { showAppChallenge } from './app-challenge';
import { checkPaperSeal } from './paper-check-service';

export interface SessionRuntimeOptions {
  /** The kiosk's id, which the app-code challenge names. */
  kioskId: string;
  catalogue: Errand[];
  settings: SessionSettings;
  devices: KioskDevices;
  gateway: GatewayClient;
  /** The trust list the kiosk holds now, for 核验证明 (checked offline). */
  trustList: () => TrustList;
  printService: ReturnType<typeof createPrintService>;
  availability: (errand: Errand) => ErrandAvailability;
  /** Service codes the gateway refused this kiosk (KIOSK_NOT_AUTHORISED): filled here, read by `availability`. */
  notAuthorised: Set<string>;
  logger: Logger;
  /** Where a rating goes to reach the platform (the outbox); it holds no personal data. */
  recordRating?: (rating: NewRating) => Promise<void>;
  /** Staff left the kiosk out of service before this start. */
  outOfService?: boolean;
  now?: () => Date;
}

export function createSessionRuntime(options: SessionRuntimeOptions) {
  const { devices, gateway, printService, logger, availability } = options;
  const now = options.now ?? (() => new Date());
  const machine = createSessionMachine({
    readCard: (signal) => devices.idReader.readCard(signal),
    fetchCertificates: async (request, signal) => {
      const outcome = await gateway.fetchCertificates(request, signal);
      if (!outcome.ok && outcome.error.kind === 'error' && outcome.error.code === 'KIOSK_NOT_AUTHORISED') {
        options.notAuthorised.add(request.issueCode);
        logger.event('staff.alert', 'failure', { reason: 'kioskNotAuthorised', issueCode: request.issueCode });
      }
      return outcome;
    },
    // The errand the machine is fetching for names a 一件事 packet's cover.
    prepareDocument: (certificates) => {
      const errand = actor.getSnapshot().context.errand;
      return printService.prepareDocument(certificates, errand ? { errandName: errand.name.zh } : undefined);
    },
    checkPrinter: () => printService.checkPrinter(),
    print: (document, onProgress) => printService.print(document, onProgress),
    paperWaiting: () => a4PaperWaiting(devices.a4Printer.status()),
    errandAvailable: (errand) => availability(errand).available,
    checkPaper: (scanned) => checkPaperSeal(scanned, options.trustList(), now()),
    newAppChallenge: () => showAppChallenge(options.kioskId, now()),
    now,
    today: () => shanghaiIsoDate(now()),
  });
  const actor = createActor(machine, {
    input: { catalogue: options.catalogue, settings: options.settings, outOfService: options.outOfService ?? false },
  });

  actor.on('staffAlert', ({ reason }) => logger.event('staff.alert', 'failure', { reason }));
  actor.on('rating', ({ errandId, score, tags }) => logger.event('service.rating', 'info', { errandId, score, tags: tags.join(',') }));
  actor.on('rating', ({ errandId, score, tags, outcome }) => {
    const errand = options.catalogue.find((e) => e.id === errandId);
    if (!errand || !options.recordRating) return;
    options
      .recordRating({ issue: errand.issueCode, score, tags: platformTags(tags), outcome })
      .catch((error: unknown) =>
        logger.event('ratings.outbox', 'failure', { action: 'add', error: error instanceof Error ? error.name : 'unknown' }),
      );
  });
  actor.on('sessionEnded', ({ errandId, outcome, failure }) =>
    logger.event('session.ended', outcome === 'issued' ? 'success' : outcome === 'abandoned' ? 'info' : 'failure', {
      errandId,
      outcome,
      failure,
    }),
  );

  const listeners = new Set<(view: SessionView) => void>();
  let lastView = '';
  const publish = () => {
    const view = currentView();
    const serialized = JSON.stringify(view);
    if (serialized === lastView) return;
    lastView = serialized;
    for (const listener of listeners) listener(view);
  };
  actor.subscribe({ next: publish, error: (error) => logger.event('session.machineError', 'failure', { message: String(error) }) });

  // Device and gateway changes can change what the home screen offers, and the preview's printer warning.
  const unsubscribers = [
    devices.a4Printer.events.on('mediaTaken', () => actor.send({ type: 'PAPER_TAKEN' })),
    devices.a4Printer.events.on('statusChanged', publish),
    devices.idReader.events.on('statusChanged', publish),
  ];

  function currentView(): SessionView {
    return buildSessionView(actor.getSnapshot(), availability, () => a4Readiness(devices.a4Printer.status()));
  }

  return {
    start() {
      actor.start();
    },
    stop() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      // Stopping an actor runs no exit actions: end a session in progress first, so it logs its one session.ended.
      actor.send({ type: 'AGENT.STOPPING' });
      actor.stop();
    },
    send(event: UiEvent) {
      actor.send(event);
    },
    /** A scanned code the current screen accepts, from the scan router. */
    scanned(scan: { kind: ScanKind; data: string }) {
      actor.send({ type: 'SCANNED', ...scan });
    },
    /** A code the current screen does not accept was read: the screen may say so (nothing of it is passed on). */
    scanRefused() {
      actor.send({ type: 'SCAN.REFUSED' });
    },
    /** Maintenance mode: staff take the screen, only from home or out of service. True when they have it. */
    staffEnter(): boolean {
      actor.send({ type: 'STAFF.ENTER' });
      return actor.getSnapshot().matches('staff');
    },
    staffLeave(outOfService: boolean) {
      actor.send({ type: 'STAFF.LEAVE', outOfService });
    },
    view: currentView,
    /** Nobody is at the kiosk: no citizen's session and no staff (home, or out of service). */
    idle(): boolean {
      const { screen } = currentView();
      return screen === 'home' || screen === 'outOfService';
    },
    /** What the machine tells the agent (sessionEnded, rating, staffAlert), for the metrics. Returns the unsubscribe. */
    on<T extends SessionEmitted['type']>(type: T, listener: (emitted: Extract<SessionEmitted, { type: T }>) => void): () => void {
      const subscription = actor.on(type, listener as (emitted: SessionEmitted) => void);
      return () => subscription.unsubscribe();
    },
    /** Re-sends the view if it changed for reasons outside the machine (gateway circuit, device status). */
    refresh: publish,
    onView(listener: (view: SessionView) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Machine state, for health and diagnostics: no context, so no personal data. */
    stateName(): string {
      return JSON.stringify(actor.getSnapshot().value);
    },
  };
}

export type SessionRuntime = ReturnType<typeof createSessionRuntime>;
