// Metrics and logs after whole errands through the development agent, over real HTTP: /metrics counts what
// happened, the textfile for node_exporter says the same, and neither they nor the log hold anything of the citizens.

import { mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../kiosk/config/kiosk-config';
import { createDevelopmentAgent, type RunningDevelopmentAgent } from '../../kiosk/development/create-development-agent';
import { TEXTFILE_NAME } from '../../kiosk/metrics/metrics-textfile';
import { testCitizens } from '../../scripts/synthetic-population';
import { localApi } from '../support/local-api';
import { createMemoryLogger } from '../support/memory-logger';
import { personalDataFoundIn } from '../support/personal-data';
import { parsePrometheusText } from '../support/prometheus-text';

let workDir: string;
let textfileDir: string;
let agent: RunningDevelopmentAgent;
const logger = createMemoryLogger();
const ayiguli = testCitizens.find((c) => c.key === 'ayiguli')!;
const zhangSan = testCitizens.find((c) => c.key === 'zhang-san')!;

async function scrape(): Promise<{ text: string; samples: Map<string, number>; contentType: string | null }> {
  const response = await fetch(new URL('/metrics', agent.url));
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, samples: parsePrometheusText(text), contentType: response.headers.get('content-type') };
}

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kiosk-metrics-'));
  textfileDir = join(workDir, 'node-exporter-textfile');
  await mkdir(textfileDir);
  const { config } = await loadConfig(undefined, workDir);
  config.port = 0;
  config.metrics = { textfileDir };
  agent = await createDevelopmentAgent(config, { logger, uiDir: join(workDir, 'no-ui') });

  // An errand to paper and a rating; then one the gateway refuses this kiosk (a failure shown, a staff alert).
  const api = localApi(agent.url);
  await api.consentTo('renter-provident-fund-withdrawal', ayiguli.key);
  await api.waitForScreen('preview');
  await api.event({ type: 'PRINT' });
  await api.waitForScreen('takeItems');
  await api.post('/api/sim/a4-printer', { action: 'takePaper' });
  await api.waitForScreen('rating');
  await api.event({ type: 'RATE', score: 4, tags: [] });
  await api.waitForScreen('thanks');
  await api.event({ type: 'HOME' });
  await api.waitForScreen('home');

  agent.simulator!.faults.add({ kind: 'error', code: 'KIOSK_NOT_AUTHORISED', count: 1 });
  await api.consentTo('residence-proof', zhangSan.key);
  await api.waitForScreen('failed');
  // The way home from a failure passes the rating screen (a rating is offered after every outcome): skipped.
  await api.event({ type: 'HOME' });
  await api.waitForScreen('rating');
  await api.event({ type: 'SKIP_RATING' });
  await api.waitForScreen('thanks');
  await api.event({ type: 'HOME' });
  await api.waitForScreen('home', 10_000);
  await api.post('/api/sim/a4-printer', { action: 'paper', level: 'out' });
}, 60_000);

afterAll(async () => {
  await agent?.stop();
  await rm(workDir, { recursive: true, force: true });
});

describe('metrics after whole errands', () => {
  it('serves /metrics in the exposition format: sessions by errand and outcome, durations, ratings, failures', async () => {
    const { samples, contentType } = await scrape();
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(samples.get('kiosk_sessions_total{errand="renter-provident-fund-withdrawal",outcome="issued"}')).toBe(1);
    expect(samples.get('kiosk_sessions_total{errand="residence-proof",outcome="failed"}')).toBe(1);
    expect(samples.get('kiosk_session_duration_seconds_count{outcome="issued"}')).toBe(1);
    expect(samples.get('kiosk_session_duration_seconds_count{outcome="failed"}')).toBe(1);
    expect(samples.get('kiosk_screen_duration_seconds_count{screen="takeItems"}')).toBe(1);
    expect(samples.get('kiosk_screen_duration_seconds_sum{screen="takeItems"}')).toBeGreaterThan(4); // the 5 s hold
    expect(samples.get('kiosk_screen_duration_seconds_count{screen="consent"}')).toBe(2);
    expect(samples.get('kiosk_ratings_total{errand="renter-provident-fund-withdrawal",score="4"}')).toBe(1);
    expect(samples.get('kiosk_errors_total{code="GATEWAY_REFUSED"}')).toBe(1);
    expect(samples.get('kiosk_staff_alerts_total{reason="kioskNotAuthorised"}')).toBe(1);
  });

  it('counts sheets printed, and shows device states, paper levels and the gateway', async () => {
    const { samples } = await scrape();
    expect(samples.get('kiosk_printed_sheets_total')).toBe(2); // 无房证明 and 社会保险参保证明, a page each
    expect(samples.get('kiosk_device_state{device="idReader",state="online"}')).toBe(1);
    expect(samples.get('kiosk_device_state{device="a4Printer",state="online"}')).toBe(1);
    expect(samples.get('kiosk_printer_paper{printer="a4Printer",level="out"}')).toBe(1);
    expect(samples.get('kiosk_printer_paper{printer="a4Printer",level="full"}')).toBe(0);
    expect(samples.get('kiosk_printer_paper{printer="receiptPrinter",level="full"}')).toBe(1);
    expect(samples.get('kiosk_gateway_request_duration_seconds_count{outcome="issued"}')).toBe(1);
    expect(samples.get('kiosk_gateway_request_duration_seconds_count{outcome="KIOSK_NOT_AUTHORISED"}')).toBe(1);
    expect(samples.get('kiosk_gateway_breaker_state{state="closed"}')).toBe(1);
    expect(samples.get('kiosk_gateway_clock_offset_seconds')).toBe(0);
    expect(samples.get('kiosk_trust_list_next_update_seconds')).toBeGreaterThan(0);
    expect([...samples.keys()].filter((series) => series.startsWith('kiosk_trust_list_info{'))).toHaveLength(1);
    expect([...samples.keys()].filter((series) => series.startsWith('kiosk_template_info{'))).toEqual([
      expect.stringMatching(/^kiosk_template_info\{template="certificate-a4",version="[^"]+",source="bundled"\}$/),
    ]);
    expect(samples.get('kiosk_process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('writes the same metrics to the textfile for node_exporter, and nothing else into its directory', async () => {
    const samples = parsePrometheusText(await readFile(join(textfileDir, TEXTFILE_NAME), 'utf8'));
    const served = (await scrape()).samples;
    const kioskSeries = (all: Map<string, number>) =>
      [...all.keys()].filter((series) => !/^kiosk_(process|nodejs)_/.test(series) && !/_(bucket|sum|count)\{/.test(series)).sort();
    expect(kioskSeries(samples)).toEqual(kioskSeries(served).filter((series) => samples.has(series)));
    expect(kioskSeries(samples).length).toBeGreaterThan(80);
    expect(samples.get('kiosk_device_state{device="idReader",state="online"}')).toBe(1);
    expect(await readdir(textfileDir)).toEqual([TEXTFILE_NAME]);
  });

  it('holds no name, ID number, birth date or address of the citizens served: not in /metrics, the textfile or the log', async () => {
    const { text } = await scrape();
    const textfile = await readFile(join(textfileDir, TEXTFILE_NAME), 'utf8');
    const log = logger.lines.join('\n');
    expect(log).toContain('"event":"session.ended"');
    expect(log).toContain('"event":"gateway.fetch"');
    for (const [where, content] of Object.entries({ metrics: text, textfile, log })) {
      expect(personalDataFoundIn(content, [ayiguli, zhangSan]), where).toEqual([]);
    }
  });

  it('logs one JSON object per line, each with its level, time, event and disposition', () => {
    for (const line of logger.lines) {
      expect(JSON.parse(line)).toMatchObject({
        level: expect.stringMatching(/^(info|warn)$/),
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        event: expect.any(String),
        disposition: expect.stringMatching(/^(success|failure|info)$/),
      });
    }
  });
});
