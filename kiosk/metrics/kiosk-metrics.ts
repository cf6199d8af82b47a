// The kiosk's Prometheus metrics, in one registry per agent (no global registry: two agents in one process, as
// in tests, count apart). Every label value comes from a closed set — errand ids of the catalogue, outcomes,
// device kinds and states, failure codes, scores 1–5 — and anything else becomes `other`: no label can ever
// carry personal data or anything derived from it.

import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { DeviceState, PaperState } from '../../device-drivers/device-status';
import type { devicesStatus } from '../devices/kiosk-devices';
import type { BreakerState } from '../gateway/circuit-breaker';
import type { GatewayDiagnostics } from '../gateway/https-gateway-client';
import type { ScreenName } from '../session/session-view';

export type SessionOutcomeLabel = 'issued' | 'refused' | 'failed' | 'abandoned';
export type DevicesStatus = ReturnType<typeof devicesStatus>;

/** A template the kiosk prints with: the bundled one, and those issue 9's updates install. */
export interface TemplateVersion {
  id: string;
  version: string;
  source: 'bundled' | 'installed';
}

export interface KioskMetricsSources {
  /** The catalogue's errand ids: the only errand labels. */
  errandIds: readonly string[];
  devices: () => DevicesStatus;
  gateway: () => { diagnostics: GatewayDiagnostics; trustListNextUpdateMs: number };
  /** What staff set in maintenance mode: paper used since each refill, and whether the kiosk is out of service. */
  maintenance?: () => { paper: ReadonlyArray<{ printer: string; usedSince: number }>; outOfService: boolean };
  /** Wall clock in ms, for the trust list's staleness. */
  now?: () => number;
  /** The process and Node.js metrics prom-client collects (CPU, memory, event-loop lag, GC), prefixed `kiosk_`. */
  processMetrics?: boolean;
}

const outcomes: readonly SessionOutcomeLabel[] = ['issued', 'refused', 'failed', 'abandoned'];
const scores = ['1', '2', '3', '4', '5'] as const;
const deviceStates: readonly DeviceState[] = [
  'online',
  'offline',
  'powerOff',
  'noDevice',
  'hardwareError',
  'userError',
  'busy',
  'starting',
];
const paperStates: readonly PaperState[] = ['full', 'low', 'out', 'jammed', 'unknown'];
const breakerStates: readonly BreakerState[] = ['closed', 'open', 'halfOpen'];
/** A code written in the source (`PRINTER_JAMMED`, `a4Printer:paperOut`, `GATEWAY_TIMEOUT`): never free text. */
const codeShape = /^[A-Za-z0-9_.:+-]{1,64}$/;

export function createKioskMetrics(sources: KioskMetricsSources) {
  const now = sources.now ?? Date.now;
  const errands = new Set(sources.errandIds);
  const errandLabel = (errandId: string | null): string => (errandId === null ? 'none' : errands.has(errandId) ? errandId : 'other');
  const codeLabel = (code: string): string => (codeShape.test(code) ? code : 'other');

  const registry = new Registry();
  const registers = [registry];
  if (sources.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'kiosk_' });

  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
    new Counter<L>({ name, help, labelNames, registers });
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]) =>
    new Histogram<L>({ name, help, labelNames, buckets, registers });

  const sessions = counter('kiosk_sessions_total', 'Sessions ended, by errand and outcome (issued, refused, failed, abandoned).', [
    'errand',
    'outcome',
  ]);
  const sessionDuration = histogram(
    'kiosk_session_duration_seconds',
    'From choosing an errand to the end of the session, by outcome.',
    ['outcome'],
    [15, 30, 60, 90, 120, 180, 300, 600, 900],
  );
  const screenDuration = histogram(
    'kiosk_screen_duration_seconds',
    'Time a session spent on each screen (the home screen is waiting, not a step: not measured).',
    ['screen'],
    [1, 2, 5, 10, 20, 30, 60, 120, 300],
  );
  const errors = counter('kiosk_errors_total', 'Failures shown to a citizen, by failure code (also those a retry then overcame).', [
    'code',
  ]);
  const ratings = counter('kiosk_ratings_total', 'Ratings (好差评) given, by errand and score 1-5.', ['errand', 'score']);
  const staffAlerts = counter('kiosk_staff_alerts_total', 'Staff alerts raised, by reason.', ['reason']);
  const sheets = counter('kiosk_printed_sheets_total', 'A4 sheets printed: the pages of jobs the printer completed.', []);
  const gatewayLatency = histogram(
    'kiosk_gateway_request_duration_seconds',
    'Certificate fetches from the gateway, retries included, by outcome (issued, refused or the error code).',
    ['outcome'],
    [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20],
  );
  const templates = new Gauge({
    name: 'kiosk_template_info',
    help: 'The A4 templates the kiosk prints with (1 per template and version).',
    labelNames: ['template', 'version', 'source'],
    registers,
  });

  // Read at each scrape, so they are never out of date.
  new Gauge({
    name: 'kiosk_device_state',
    help: 'Each device kind in its current state (1) and the others (0).',
    labelNames: ['device', 'state'],
    registers,
    collect() {
      this.reset();
      for (const [device, status] of Object.entries(sources.devices())) {
        if (status === null) continue; // not fitted
        for (const state of deviceStates) this.set({ device, state }, status.device === state ? 1 : 0);
      }
    },
  });
  new Gauge({
    name: 'kiosk_printer_paper',
    help: 'Each printer’s paper level: 1 for the current one of full, low, out, jammed, unknown.',
    labelNames: ['printer', 'level'],
    registers,
    collect() {
      this.reset();
      const { a4Printer, receiptPrinter } = sources.devices();
      const printers: Array<[string, PaperState]> = [['a4Printer', a4Printer.paper]];
      if (receiptPrinter) printers.push(['receiptPrinter', receiptPrinter.paper]);
      for (const [printer, paper] of printers) for (const level of paperStates) this.set({ printer, level }, paper === level ? 1 : 0);
    },
  });
  new Gauge({
    name: 'kiosk_gateway_breaker_state',
    help: 'The gateway circuit breaker: 1 for the current state of closed, open, halfOpen.',
    labelNames: ['state'],
    registers,
    collect() {
      const current = sources.gateway().diagnostics.breaker;
      for (const state of breakerStates) this.set({ state }, current === state ? 1 : 0);
    },
  });
  new Gauge({
    name: 'kiosk_gateway_clock_offset_seconds',
    help: 'What the gateway client adds to the kiosk clock, learnt from a CLOCK_SKEW answer (0 until then).',
    registers,
    collect() {
      this.set(sources.gateway().diagnostics.clockOffsetMs / 1000);
    },
  });
  new Gauge({
    name: 'kiosk_trust_list_info',
    help: 'The trust list of certificate issuers in use (1 for its version).',
    labelNames: ['version'],
    registers,
    collect() {
      this.reset();
      this.set({ version: String(sources.gateway().diagnostics.trustListVersion) }, 1);
    },
  });
  new Gauge({
    name: 'kiosk_trust_list_next_update_seconds',
    help: 'Seconds until the trust list’s nextUpdate on the gateway’s clock; negative: stale for that long.',
    registers,
    collect() {
      const { diagnostics, trustListNextUpdateMs } = sources.gateway();
      this.set((trustListNextUpdateMs - (now() + diagnostics.clockOffsetMs)) / 1000);
    },
  });

  const { maintenance } = sources;
  if (maintenance) {
    new Gauge({
      name: 'kiosk_paper_used_since_refill',
      help: 'Sheets (A4) or receipts printed since staff last marked the printer refilled.',
      labelNames: ['printer'],
      registers,
      collect() {
        this.reset();
        for (const { printer, usedSince } of maintenance().paper) this.set({ printer: codeLabel(printer) }, usedSince);
      },
    });
    new Gauge({
      name: 'kiosk_out_of_service',
      help: 'Staff took the kiosk out of service (1) or it serves citizens (0).',
      registers,
      collect() {
        this.set(maintenance().outOfService ? 1 : 0);
      },
    });
  }

  // Zero for every known pair from the start: a rate or an alert rule needs the series before the first event.
  for (const errand of errands) {
    for (const outcome of outcomes) sessions.inc({ errand, outcome }, 0);
    for (const score of scores) ratings.inc({ errand, score }, 0);
  }
  sheets.inc(0);

  return {
    registry,
    /** The exposition format's content type, for /metrics. */
    contentType: registry.contentType,
    /** The metrics in Prometheus text format. */
    text: (): Promise<string> => registry.metrics(),

    sessionEnded(errandId: string | null, outcome: SessionOutcomeLabel, durationMs: number | null): void {
      sessions.inc({ errand: errandLabel(errandId), outcome });
      if (durationMs !== null) sessionDuration.observe({ outcome }, durationMs / 1000);
    },
    screenLeft(screen: ScreenName, durationMs: number): void {
      screenDuration.observe({ screen }, durationMs / 1000);
    },
    failureShown(code: string): void {
      errors.inc({ code: codeLabel(code) });
    },
    rated(errandId: string, score: number): void {
      if (!Number.isInteger(score) || score < 1 || score > 5) return;
      ratings.inc({ errand: errandLabel(errandId), score: String(score) });
    },
    staffAlerted(reason: string): void {
      staffAlerts.inc({ reason: codeLabel(reason) });
    },
    sheetsPrinted(pages: number): void {
      if (Number.isInteger(pages) && pages > 0) sheets.inc(pages);
    },
    gatewayFetched(outcome: string, latencyMs: number): void {
      gatewayLatency.observe({ outcome: codeLabel(outcome) }, latencyMs / 1000);
    },
    /** Replaces the template versions shown (the bundled one at start; issue 9 feeds what it installs). */
    setTemplates(list: readonly TemplateVersion[]): void {
      templates.reset();
      for (const { id, version, source } of list) templates.set({ template: codeLabel(id), version: codeLabel(version), source }, 1);
    },
  };
}

export type KioskMetrics = ReturnType<typeof createKioskMetrics>;
