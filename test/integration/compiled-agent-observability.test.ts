// The compiled development kiosk, as `npm start` runs it: its log goes to stdout as JSON lines beside the start
// banner (for the journal), and it answers /metrics.

import { describe, expect, it } from 'vitest';
import { startKioskProcess } from '../support/kiosk-process';
import { parsePrometheusText } from '../support/prometheus-text';

describe('the compiled agent', () => {
  it('logs JSON lines on stdout beside its banner, nothing on stderr, and serves /metrics', async () => {
    const kiosk = await startKioskProcess();
    try {
      const response = await fetch(new URL('/metrics', kiosk.url));
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const samples = parsePrometheusText(await response.text());
      expect(samples.get('kiosk_device_state{device="idReader",state="online"}')).toBe(1);
    } finally {
      await kiosk.stop();
    }
    const lines = kiosk.stdout().trimEnd().split('\n');
    const logLines = lines.filter((line) => line.startsWith('{'));
    expect(logLines.map((line) => (JSON.parse(line) as { event: string }).event)).toContain('agent.started');
    expect(lines.filter((line) => !line.startsWith('{')).join('\n')).toMatch(/Open the touch UI:\s+http:\/\/127\.0\.0\.1:\d+\//);
    expect(kiosk.output()).toBe(kiosk.stdout()); // stderr stayed empty
  });
});
