// The agent over real HTTP and WebSocket on loopback: health, the local API, the UI's socket, and its guards.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { scanChain } from '../../kiosk/audit/audit-chain';
import { auditLogFile } from '../../kiosk/audit/audit-log';
import type { RunningDevelopmentAgent } from '../../kiosk/development/create-development-agent';
import { postJson, startLoopbackDevelopmentAgent, type LoopbackDevelopmentAgent } from '../support/loopback-development-agent';
import { personalDataFoundIn } from '../support/personal-data';
import type { AgentMessage, SessionView } from '../../kiosk/session/session-view';
import { testCitizens } from '../../scripts/synthetic-population';

let running: LoopbackDevelopmentAgent;
let agent: RunningDevelopmentAgent;
let logger: LoopbackDevelopmentAgent['logger'];

const post = (path: string, body: unknown, headers: Record<string, string> = {}) => postJson(agent.url, path, body, headers);

async function sessionView(): Promise<SessionView> {
  return (await (await fetch(new URL('/api/session', agent.url))).json()) as SessionView;
}

async function waitForScreen(screen: string, timeoutMs = 5_000): Promise<SessionView> {
  for (let i = 0; i < timeoutMs / 50; i++) {
    const view = await sessionView();
    if (view.screen === screen) return view;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`screen ${screen} never came; last ${(await sessionView()).screen}`);
}

function openSocket(origin?: string): Promise<{ ws: WebSocket; messages: AgentMessage[] }> {
  const ws = new WebSocket(agent.url.replace('http', 'ws') + 'ws', origin ? { origin } : {});
  const messages: AgentMessage[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data)) as AgentMessage));
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ ws, messages }));
    ws.once('error', reject);
  });
}

beforeAll(async () => {
  running = await startLoopbackDevelopmentAgent('kiosk-agent');
  ({ agent, logger } = running);
});

afterAll(() => running?.stop());

describe('agent server', () => {
  it('listens on 127.0.0.1 only and reports health with device and gateway state', async () => {
    expect(agent.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const health = (await (await fetch(new URL('/api/health', agent.url))).json()) as Record<string, unknown>;
    expect(health).toMatchObject({
      status: 'ok',
      kioskId: 'kiosk-dev-0001',
      session: '"home"',
      gateway: { available: true, trustListEnvironment: 'test' },
    });
    expect(health.devices).toMatchObject({ idReader: { device: 'online' }, a4Printer: { device: 'online', paper: 'full' } });
    // The home screen accepts a maintenance code: the scan router keeps the scanner on there.
    expect(health.scans).toEqual({ scannerOn: true, ignored: { notAccepted: 0, unrecognised: 0, scannerOff: 0 } });
    expect(agent.simulated.scanner?.status().scanner).toBe('on');
  });

  it('pushes the kiosk facts and the view to the UI, and takes its events', async () => {
    const { ws, messages } = await openSocket();
    await new Promise((r) => setTimeout(r, 100));
    expect(messages[0]).toMatchObject({ type: 'kiosk', info: { devPanel: true } });
    expect(messages[1]).toMatchObject({ type: 'view', view: { screen: 'home' } });
    ws.send(JSON.stringify({ type: 'event', event: { type: 'SELECT_ERRAND', errandId: 'residence-proof' } }));
    ws.send(JSON.stringify({ type: 'event', event: { type: 'FORMAT_DISK' } })); // not on the list: dropped
    ws.send('not json');
    await new Promise((r) => setTimeout(r, 100));
    expect(messages.at(-1)).toMatchObject({ type: 'view', view: { screen: 'requirements' } });
    ws.send(JSON.stringify({ type: 'heartbeat' }));
    await new Promise((r) => setTimeout(r, 50));
    const health = (await (await fetch(new URL('/api/health', agent.url))).json()) as { ui: { lastHeartbeatMsAgo: number | null } };
    expect(health.ui.lastHeartbeatMsAgo).not.toBeNull();
    ws.send(JSON.stringify({ type: 'event', event: { type: 'CANCEL' } }));
    await waitForScreen('home');
    ws.close();
  });

  it('refuses a socket or a command from another origin', async () => {
    await expect(openSocket('http://evil.example')).rejects.toThrow();
    const refused = await post('/api/sim/id-reader', { action: 'unplug' }, { origin: 'http://evil.example' });
    expect(refused.status).toBe(403);
    expect(agent.devices.idReader.status().device).toBe('online');
  });

  it('survives an oversized WebSocket frame: that socket is dropped, the agent keeps serving', async () => {
    const { ws } = await openSocket();
    const closed = new Promise((resolve) => ws.once('close', resolve));
    ws.send('x'.repeat(20 * 1024));
    await closed;
    const health = await fetch(new URL('/api/health', agent.url));
    expect(health.status).toBe(200);
    const { ws: again, messages } = await openSocket();
    await new Promise((r) => setTimeout(r, 100));
    expect(messages.some((m) => m.type === 'view')).toBe(true);
    again.close();
  });

  it('answers only to its own host names, so a rebinding page cannot read the session', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(new URL('/api/session', agent.url), { headers: { host: 'evil.example' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('says what is wrong with a bad request', async () => {
    expect(await post('/api/session/events', { type: 'RATE', score: 9, tags: [] })).toMatchObject({
      status: 400,
      body: { error: expect.stringContaining('score') },
    });
    expect(await post('/api/sim/id-reader', { action: 'place', cardKey: 'nobody' })).toMatchObject({ status: 404 });
    expect(await post('/api/sim/toaster', {})).toMatchObject({ status: 404 });
    expect((await fetch(new URL('/../../etc/passwd', agent.url))).status).toBe(404);
  });

  it('answers a malformed path with 400 and logs nothing of it; a wrong method with 405', async () => {
    const before = logger.lines.length;
    const malformed = await fetch(new URL('/%', agent.url));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ error: 'malformed percent-encoding in the path' });
    expect((await fetch(new URL('/%zz%', agent.url))).status).toBe(400);
    expect(logger.lines.slice(before)).toEqual([]);

    const wrong = await fetch(new URL('/api/health', agent.url), { method: 'POST', body: '{}' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD');
    const getEvents = await fetch(new URL('/api/session/events', agent.url));
    expect(getEvents.status).toBe(405);
    expect(getEvents.headers.get('allow')).toBe('POST');
    expect((await fetch(new URL('/', agent.url), { method: 'DELETE' })).status).toBe(405);
    expect((await fetch(new URL('/api/nothing', agent.url))).status).toBe(404);
  });

  it('forbids framing and sniffing on every answer, the UI and the API alike', async () => {
    for (const path of ['/', '/api/health', '/api/no-such-route']) {
      const headers = (await fetch(new URL(path, agent.url))).headers;
      expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(headers.get('x-content-type-options')).toBe('nosniff');
      expect(headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('runs the errand through the local API, prints, and logs no personal data', async () => {
    const citizen = testCitizens.find((c) => c.key === 'ayiguli')!;
    await post('/api/session/events', { type: 'SELECT_ERRAND', errandId: 'renter-provident-fund-withdrawal' });
    await post('/api/session/events', { type: 'START' });
    await post('/api/sim/id-reader', { action: 'place', cardKey: citizen.key });
    const consent = await waitForScreen('consent');
    expect(consent.holder).toEqual({ maskedName: '阿******提', maskedIdNumber: '650102********0041' });
    await post('/api/session/events', { type: 'CONSENT' });
    const preview = await waitForScreen('preview');
    expect(preview.preview?.papers.map((paper) => paper.title)).toEqual(['无房证明', '社会保险参保证明']);
    await post('/api/session/events', { type: 'PRINT' });
    await waitForScreen('takeItems');
    expect((await sessionView()).holder).toBeNull();
    const log = logger.lines.join('\n');
    expect(log).toContain('gateway.fetch');
    expect(log).not.toContain(citizen.card.idNumber);
    expect(log).not.toContain(citizen.card.name);
    expect(log).not.toContain('阿依古丽');
    expect(personalDataFoundIn(log, [citizen])).toEqual([]);

    // The rating goes to the outbox on disk in the platform's words: the errand's code, day only, no citizen.
    await post('/api/sim/a4-printer', { action: 'takePaper' });
    await waitForScreen('rating', 10_000);
    await post('/api/session/events', { type: 'RATE', score: 4, tags: ['打印问题', '办理快捷'] });
    await waitForScreen('thanks');
    const outboxFile = join(running.workDir, '.kiosk-data', 'ratings', 'pending.jsonl');
    let text = '';
    // The append is fsync'd after the screen moved on: wait for it.
    for (let i = 0; i < 100 && text === ''; i++) {
      text = await readFile(outboxFile, 'utf8').catch(() => '');
      if (text === '') await new Promise((r) => setTimeout(r, 20));
    }
    const kept = text.trim().split('\n');
    expect(kept).toHaveLength(1);
    expect(JSON.parse(kept[0]!)).toMatchObject({
      issue: '330100-GJJ-TQ-0002',
      score: 4,
      tags: ['device-fault', 'fast'],
      outcome: 'issued',
      ratedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    expect(kept[0]).not.toContain(citizen.card.idNumber);
  });

  it('audits the errand’s end, chained, with no personal data in the audit file', async () => {
    const citizen = testCitizens.find((c) => c.key === 'ayiguli')!;
    await post('/api/session/events', { type: 'HOME' });
    await waitForScreen('home');
    const file = auditLogFile(join(running.workDir, '.kiosk-data'));
    let content = Buffer.alloc(0);
    for (let i = 0; i < 100 && !content.toString().includes('renter-provident-fund-withdrawal'); i++) {
      await new Promise((r) => setTimeout(r, 50));
      content = await readFile(file);
    }
    const records = content
      .toString('utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { event: string; fields: Record<string, unknown> });
    expect(records[0]).toMatchObject({ event: 'agent.started', fields: { kioskId: 'kiosk-dev-0001' } });
    expect(records).toContainEqual(
      expect.objectContaining({
        event: 'session.ended',
        fields: { errandId: 'renter-provident-fund-withdrawal', outcome: 'issued', failure: null },
      }),
    );
    expect(scanChain(content)).toMatchObject({ torn: null, broken: null });
    const text = content.toString('utf8');
    expect(text).not.toContain(citizen.card.idNumber);
    expect(text).not.toContain(citizen.card.name);
    expect(text).not.toContain('阿依古丽');
  });

  it('says "unavailable" on the home screen at once when the printer is out of paper', async () => {
    await post('/api/session/events', { type: 'HOME' });
    await waitForScreen('home');
    await post('/api/sim/a4-printer', { action: 'paper', level: 'out' });
    const view = await sessionView();
    expect(view.errands.every((e) => !e.available && e.unavailableReason?.zh.includes('暂不可用'))).toBe(true);
    // One notice for them all, naming what is down and every errand that waits for it.
    expect(view.kioskNotice?.problems.map((p) => p.zh)).toEqual([expect.stringContaining('打印机缺纸')]);
    expect(view.kioskNotice?.errands.map((e) => e.id)).toEqual(view.errands.map((e) => e.id));
    expect((await post('/api/session/events', { type: 'SELECT_ERRAND', errandId: 'residence-proof' })).body).toMatchObject({
      screen: 'home',
    });
    await post('/api/sim/a4-printer', { action: 'paper', level: 'full' });
    expect((await sessionView()).errands.every((e) => e.available)).toBe(true);
    expect((await sessionView()).kioskNotice).toBeNull();
  });

  it('hides an errand the gateway says this kiosk may not do, and says why on the home screen', async () => {
    agent.simulator!.faults.add({ kind: 'error', code: 'KIOSK_NOT_AUTHORISED', count: 1 });
    await post('/api/session/events', { type: 'SELECT_ERRAND', errandId: 'residence-proof' });
    await post('/api/session/events', { type: 'START' });
    await post('/api/sim/id-reader', { action: 'place', cardKey: 'zhang-san' });
    await waitForScreen('consent');
    await post('/api/session/events', { type: 'CONSENT' });
    expect((await waitForScreen('failed')).failure?.code).toBe('GATEWAY_REFUSED');
    await post('/api/session/events', { type: 'HOME' });
    await waitForScreen('rating');
    await post('/api/session/events', { type: 'SKIP_RATING' });
    await post('/api/session/events', { type: 'HOME' });
    const home = await waitForScreen('home');
    expect(home.errands.find((e) => e.id === 'residence-proof')).toMatchObject({
      available: false,
      unavailableReason: { zh: expect.stringContaining('人工窗口') },
    });
    expect(home.errands.find((e) => e.id === 'social-security-record')?.available).toBe(true);
    expect(logger.lines.some((line) => line.includes('kioskNotAuthorised'))).toBe(true);
    expect(personalDataFoundIn(logger.lines.join('\n'), testCitizens)).toEqual([]);
  });
});
