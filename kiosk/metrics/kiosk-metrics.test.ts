import { describe, expect, it } from 'vitest';
import { parsePrometheusText } from '../../test/support/prometheus-text';
import { gatewayDiagnostics } from '../../test/support/gateway-diagnostics';
import type { SessionView } from '../session/session-view';
import { createKioskMetrics, type DevicesStatus } from './kiosk-metrics';
import { createSessionTiming } from './session-timing';

const devices: DevicesStatus = {
  idReader: { device: 'online', media: 'notPresent' },
  scanner: { device: 'noDevice', scanner: 'off' },
  a4Printer: { device: 'online', paper: 'out', toner: 'full', media: 'notPresent' },
  receiptPrinter: null,
};

function metricsAt(nowMs = 1_000_000) {
  return createKioskMetrics({
    errandIds: ['residence-proof'],
    devices: () => devices,
    gateway: () => ({
      diagnostics: gatewayDiagnostics({ breaker: 'open', clockOffsetMs: -1500, trustListVersion: 7, trustListStale: true }),
      trustListNextUpdateMs: nowMs - 60_000,
    }),
    now: () => nowMs,
  });
}

describe('kiosk metrics', () => {
  it('shows paper used since each refill and whether staff took the kiosk out of service', async () => {
    let outOfService = false;
    const metrics = createKioskMetrics({
      errandIds: [],
      devices: () => devices,
      gateway: () => ({
        diagnostics: gatewayDiagnostics(),
        trustListNextUpdateMs: 0,
      }),
      maintenance: () => ({
        paper: [
          { printer: 'a4Printer', usedSince: 42 },
          { printer: 'receiptPrinter', usedSince: 3 },
        ],
        outOfService,
      }),
    });
    let samples = parsePrometheusText(await metrics.text());
    expect(samples.get('kiosk_paper_used_since_refill{printer="a4Printer"}')).toBe(42);
    expect(samples.get('kiosk_paper_used_since_refill{printer="receiptPrinter"}')).toBe(3);
    expect(samples.get('kiosk_out_of_service')).toBe(0);
    outOfService = true;
    samples = parsePrometheusText(await metrics.text());
    expect(samples.get('kiosk_out_of_service')).toBe(1);
  });

  it('reads device states, paper, the breaker, the clock offset and the trust list at each scrape', async () => {
    const samples = parsePrometheusText(await metricsAt().text());
    expect(samples.get('kiosk_device_state{device="scanner",state="noDevice"}')).toBe(1);
    expect(samples.get('kiosk_device_state{device="scanner",state="online"}')).toBe(0);
    expect([...samples.keys()].some((series) => series.includes('receiptPrinter'))).toBe(false); // none fitted
    expect(samples.get('kiosk_printer_paper{printer="a4Printer",level="out"}')).toBe(1);
    expect(samples.get('kiosk_printer_paper{printer="a4Printer",level="full"}')).toBe(0);
    expect(samples.get('kiosk_gateway_breaker_state{state="open"}')).toBe(1);
    expect(samples.get('kiosk_gateway_clock_offset_seconds')).toBe(-1.5);
    expect(samples.get('kiosk_trust_list_info{version="7"}')).toBe(1);
    // nextUpdate was a minute ago on the kiosk's clock, 61.5 s ago on the gateway's.
    expect(samples.get('kiosk_trust_list_next_update_seconds')).toBe(-58.5);
  });

  it('takes label values only from closed sets: anything else is `other`', async () => {
    const metrics = metricsAt();
    metrics.sessionEnded('residence-proof', 'issued', 42_000);
    metrics.sessionEnded('张三 330106199001011234', 'failed', null);
    metrics.rated('residence-proof', 5);
    metrics.rated('residence-proof', 9); // not a score
    metrics.staffAlerted('a4Printer:jammed');
    metrics.staffAlerted('card of 张三');
    metrics.failureShown('PRINTER_JAMMED');
    metrics.gatewayFetched('GATEWAY_TIMEOUT', 2500);
    metrics.sheetsPrinted(2);
    metrics.setTemplates([{ id: 'certificate-a4', version: '2027.1.0', source: 'installed' }]);
    const text = await metrics.text();
    const samples = parsePrometheusText(text);
    expect(samples.get('kiosk_sessions_total{errand="residence-proof",outcome="issued"}')).toBe(1);
    expect(samples.get('kiosk_sessions_total{errand="other",outcome="failed"}')).toBe(1);
    expect(samples.get('kiosk_session_duration_seconds_sum{outcome="issued"}')).toBe(42);
    expect(samples.get('kiosk_ratings_total{errand="residence-proof",score="5"}')).toBe(1);
    expect([...samples.keys()].filter((series) => series.includes('score="9"'))).toEqual([]);
    expect(samples.get('kiosk_staff_alerts_total{reason="a4Printer:jammed"}')).toBe(1);
    expect(samples.get('kiosk_staff_alerts_total{reason="other"}')).toBe(1);
    expect(samples.get('kiosk_errors_total{code="PRINTER_JAMMED"}')).toBe(1);
    expect(samples.get('kiosk_gateway_request_duration_seconds_count{outcome="GATEWAY_TIMEOUT"}')).toBe(1);
    expect(samples.get('kiosk_printed_sheets_total')).toBe(2);
    expect(samples.get('kiosk_template_info{template="certificate-a4",version="2027.1.0",source="installed"}')).toBe(1);
    expect(text).not.toContain('张三');
    expect(text).not.toContain('330106');
  });

  it('times a session from leaving the home screen, each screen but home, and counts each failure shown once', async () => {
    const metrics = metricsAt();
    let clock = 0;
    const timing = createSessionTiming(metrics, () => clock);
    const show = (screen: SessionView['screen'], failure: string | null = null) =>
      timing.viewShown({ screen, failure: failure === null ? null : { code: failure } } as SessionView);
    show('home');
    clock = 10_000; // ten seconds idle at home: not measured
    show('requirements');
    clock = 13_000;
    show('placeCard');
    clock = 20_000;
    show('failed', 'CARD_UNREADABLE');
    show('failed', 'CARD_UNREADABLE'); // the same screen again (a countdown tick): not a second failure
    clock = 25_000;
    timing.sessionEnded({ errandId: 'residence-proof', outcome: 'failed' });
    show('home');
    const samples = parsePrometheusText(await metrics.text());
    expect(samples.get('kiosk_session_duration_seconds_sum{outcome="failed"}')).toBe(15);
    expect(samples.get('kiosk_screen_duration_seconds_sum{screen="requirements"}')).toBe(3);
    expect(samples.get('kiosk_screen_duration_seconds_sum{screen="placeCard"}')).toBe(7);
    expect(samples.get('kiosk_screen_duration_seconds_sum{screen="failed"}')).toBe(5);
    expect([...samples.keys()].some((series) => series.includes('screen="home"'))).toBe(false);
    expect(samples.get('kiosk_errors_total{code="CARD_UNREADABLE"}')).toBe(1);
  });
});
