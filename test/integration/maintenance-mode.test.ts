// Maintenance mode over the agent's real WebSocket with simulated devices: a code scanned on the home screen,
// each refusal, the PIN and its lock across a restart, the idle limit, and each action staff can take.

import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { auditLogFile } from '../../kiosk/audit/audit-log';
import { signMaintenanceCode } from '../../kiosk/maintenance/maintenance-code';
import type { MaintenanceSettings } from '../../kiosk/maintenance/maintenance-machine';
import type { MaintenanceView } from '../../kiosk/maintenance/maintenance-view';
import { hashPin } from '../../kiosk/maintenance/pin-hash';
import type { AgentMessage, SessionView } from '../../kiosk/session/session-view';
import { postJson, startLoopbackDevelopmentAgent, type LoopbackDevelopmentAgent } from '../support/loopback-development-agent';

// Long enough that no hash in a log line holds it by chance.
const PIN = '24681357';
const KIOSK = 'kiosk-dev-0001';
const operator = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const staff = { 's-1': hashPin(PIN, { ln: 10, r: 8, p: 1 }) };
const maintenance = {
  maintenanceKey: { publicKey: operator.publicKey, staff },
  maintenanceSettings: { refusalMs: 60_000 },
};

/** The same data directory, a new agent (a restart). */
async function restartAgent(settings: Partial<MaintenanceSettings> = {}) {
  await running.agent.stop();
  running = await startLoopbackDevelopmentAgent('kiosk-maintenance', {
    maintenance: { ...maintenance, maintenanceSettings: { ...maintenance.maintenanceSettings, ...settings } },
    workDir: running.workDir,
  });
}

const nowS = () => Math.floor(Date.now() / 1000);
function code(claims: Partial<{ sub: string; aud: string | string[]; exp: number }> = {}, key: KeyObject = operator.privateKey): string {
  return signMaintenanceCode({ sub: 's-1', aud: KIOSK, exp: nowS() + 3600, ...claims }, key);
}

let running: LoopbackDevelopmentAgent;

interface Socket {
  ws: WebSocket;
  messages: AgentMessage[];
  send(event: unknown): void;
  maintenance(): MaintenanceView | null;
  screen(): string | undefined;
  until<T>(what: string, probe: () => T | null | undefined | false, timeoutMs?: number): Promise<T>;
}

async function openSocket(): Promise<Socket> {
  const ws = new WebSocket(running.agent.url.replace('http', 'ws') + 'ws');
  const messages: AgentMessage[] = [];
  ws.on('message', (data) => messages.push(JSON.parse(String(data)) as AgentMessage));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const last = <T extends AgentMessage['type']>(type: T) =>
    messages.filter((m): m is Extract<AgentMessage, { type: T }> => m.type === type).at(-1);
  const socket: Socket = {
    ws,
    messages,
    send: (event) => ws.send(JSON.stringify({ type: 'maintenance', event })),
    maintenance: () => last('maintenance')?.view ?? null,
    screen: () => (last('view')?.view as SessionView | undefined)?.screen,
    async until(what, probe, timeoutMs = 8_000) {
      for (let i = 0; i < timeoutMs / 25; i++) {
        const value = probe();
        if (value) return value as never;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error(`never: ${what}; last maintenance view ${JSON.stringify(socket.maintenance())}, screen ${socket.screen()}`);
    },
  };
  await socket.until('first messages', () => messages.some((m) => m.type === 'maintenance'));
  return socket;
}

function scan(data: string): void {
  expect(running.agent.simulated.scanner?.scan(data)).toBe(true);
}

const stage = (s: Socket, wanted: MaintenanceView['stage']) =>
  s.until(`stage ${wanted}`, () => {
    const view = s.maintenance();
    return view?.stage === wanted ? view : null;
  });

async function enter(s: Socket): Promise<Extract<MaintenanceView, { stage: 'open' }>> {
  scan(code());
  await stage(s, 'pin');
  s.send({ type: 'PIN', pin: PIN });
  return (await stage(s, 'open')) as Extract<MaintenanceView, { stage: 'open' }>;
}

/** Sends an action and waits for its outcome: the views after it show it running, then done. */
async function act(s: Socket, event: { type: string } & Record<string, unknown>) {
  const from = s.messages.length;
  s.send(event);
  const views = () => s.messages.slice(from).flatMap((m) => (m.type === 'maintenance' && m.view?.stage === 'open' ? [m.view] : []));
  const done = await s.until(`${event.type} done`, () => {
    const list = views();
    const started = list.findIndex((v) => v.running !== null);
    return started < 0 ? null : list.slice(started).find((v) => v.running === null);
  });
  return done.last;
}

beforeAll(async () => {
  running = await startLoopbackDevelopmentAgent('kiosk-maintenance', { maintenance });
});

afterAll(async () => {
  await running?.stop();
});

describe('maintenance mode over the agent socket', () => {
  it('sends a null maintenance view on connect, and refuses each bad code with its reason', async () => {
    const s = await openSocket();
    expect(s.maintenance()).toBeNull();
    expect(s.screen()).toBe('home');
    const refusals: Array<[string, string]> = [
      [code({ exp: nowS() - 3600 }), 'expired'],
      [code({ aud: 'kiosk-elsewhere' }), 'otherKiosk'],
      [code({ aud: ['kiosk-a', KIOSK] }), 'pin'],
      [code({}, stranger.privateKey), 'badSignature'],
      [code({ exp: nowS() + 13 * 3600 }), 'tooLongLived'],
      [code({ sub: 'nobody' }), 'unknownStaff'],
    ];
    for (const [scanned, reason] of refusals) {
      scan(scanned);
      if (reason === 'pin') {
        await stage(s, 'pin');
        expect(s.screen()).toBe('staff');
        s.send({ type: 'LEAVE' });
        await s.until('back home', () => s.maintenance() === null && s.screen() === 'home');
        continue;
      }
      await s.until(reason, () => {
        const view = s.maintenance();
        return view?.stage === 'codeRefused' && view.reason === reason;
      });
      expect(s.screen()).toBe('home');
    }
    s.ws.close();
  });

  it('never takes a code during a citizen session: the scanner is off there', async () => {
    const s = await openSocket();
    s.ws.send(JSON.stringify({ type: 'event', event: { type: 'SELECT_ERRAND', errandId: 'residence-proof' } }));
    await s.until('requirements', () => s.screen() === 'requirements');
    await s.until('scanner off', () => running.agent.simulated.scanner?.status().scanner === 'off');
    expect(running.agent.simulated.scanner?.scan(code())).toBe(false);
    s.ws.send(JSON.stringify({ type: 'event', event: { type: 'CANCEL' } }));
    await s.until('home', () => s.screen() === 'home');
    expect(s.maintenance()?.stage).not.toBe('pin');
    s.ws.close();
  });

  it('enters with a good code and PIN, runs each action, and leaves the kiosk out of service and back', async () => {
    const s = await openSocket();
    scan(code());
    const pin = await stage(s, 'pin');
    expect(pin).toEqual({ stage: 'pin', staffId: 's-1', attemptsLeft: 5, wrongPin: false, checking: false });
    s.send({ type: 'PIN', pin: '13572468' });
    await s.until('wrong PIN', () => {
      const v = s.maintenance();
      return v?.stage === 'pin' && v.wrongPin && v.attemptsLeft === 4;
    });
    s.send({ type: 'PIN', pin: PIN });
    const open = (await stage(s, 'open')) as Extract<MaintenanceView, { stage: 'open' }>;
    expect(open.data.devices.map((d) => [d.device, d.usable])).toEqual([
      ['idReader', true],
      ['scanner', true],
      ['a4Printer', true],
      ['receiptPrinter', true],
    ]);
    expect(open.data.canRestart).toBe(false);
    expect(open.data.gateway.available).toBe(true);

    const all = await act(s, { type: 'RUN_TEST', test: 'all' });
    expect(all).toMatchObject({ kind: 'records', test: 'all' });
    expect(all?.kind === 'records' && all.records.map((r) => [r.test, r.outcome, r.by])).toEqual([
      ['idReader', 'passed', 's-1'],
      ['scanner', 'passed', 's-1'],
      ['a4Printer', 'passed', 's-1'],
      ['receiptPrinter', 'passed', 's-1'],
      ['gateway', 'passed', 's-1'],
    ]);

    const reading = act(s, { type: 'RUN_TEST', test: 'cardRead' });
    await s.until('reading', () => s.maintenance()?.stage === 'open' && (s.maintenance() as { running: string }).running === 'cardRead');
    expect((await postJson(running.agent.url, '/api/sim/id-reader', { action: 'place', cardKey: 'zhang-san' })).status).toBe(200);
    const card = await reading;
    expect(card).toMatchObject({ kind: 'cardRead', outcome: 'passed', maskedName: '张*', maskedIdNumber: '330106********123X' });
    await postJson(running.agent.url, '/api/sim/id-reader', { action: 'remove' });

    const scanning = act(s, { type: 'RUN_TEST', test: 'scanCode' });
    await s.until('scanner on', () => running.agent.simulated.scanner?.status().scanner === 'on');
    scan('6901234567892');
    expect(await scanning).toMatchObject({ kind: 'scanCode', outcome: 'passed', length: 13, symbology: ']Q1', revealed: null });
    s.send({ type: 'REVEAL_SCAN' });
    await s.until('revealed', () => {
      const v = s.maintenance();
      return v?.stage === 'open' && v.last?.kind === 'scanCode' && v.last.revealed === '6901234567892';
    });

    for (const test of ['a4TestPage', 'testReceipt', 'gateway'] as const) {
      s.send({ type: 'RUN_TEST', test });
      await s.until(test, () => {
        const v = s.maintenance();
        return v?.stage === 'open' && v.running === null && v.last?.kind === 'records' && v.last.test === test;
      });
      const v = s.maintenance() as Extract<MaintenanceView, { stage: 'open' }>;
      expect(v.last?.kind === 'records' && v.last.records.map((r) => [r.test, r.outcome])).toEqual([[test, 'passed']]);
    }
    let v = s.maintenance() as Extract<MaintenanceView, { stage: 'open' }>;
    expect(v.data.paper).toMatchObject([
      { printer: 'a4Printer', usedSince: 1 },
      { printer: 'receiptPrinter', usedSince: 1 },
    ]);
    s.send({ type: 'PAPER_REFILLED', printer: 'a4Printer' });
    await s.until('refilled', () => {
      const view = s.maintenance();
      return view?.stage === 'open' && view.running === null && view.last?.kind === 'paperRefilled' && view.data.paper[0]?.usedSince === 0;
    });
    v = s.maintenance() as Extract<MaintenanceView, { stage: 'open' }>;
    expect(v.data.paper[0]?.refilledAt).not.toBeNull();
    expect(v.data.records.some((r) => r.test === 'cardRead' && r.details.every((d) => d.name === 'read'))).toBe(true);
    expect(v.data.records.some((r) => r.test === 'scanCode')).toBe(true);

    expect(await act(s, { type: 'RESTART' })).toMatchObject({ kind: 'refused', action: 'restart' });
    expect(await act(s, { type: 'SET_SERVICE', outOfService: true })).toEqual({ kind: 'service', outOfService: true });
    s.send({ type: 'LEAVE' });
    await s.until('out of service', () => s.maintenance() === null && s.screen() === 'outOfService');
    const metrics = await (await fetch(new URL('/metrics', running.agent.url))).text();
    expect(metrics).toMatch(/^kiosk_out_of_service 1$/m);
    expect(metrics).toMatch(/^kiosk_paper_used_since_refill\{printer="receiptPrinter"\} 1$/m);

    // Back in service: staff enter from the out-of-service page.
    await enter(s);
    expect(await act(s, { type: 'SET_SERVICE', outOfService: false })).toEqual({ kind: 'service', outOfService: false });
    s.send({ type: 'LEAVE' });
    await s.until('home', () => s.maintenance() === null && s.screen() === 'home');

    // Every step is in the audit log with the staff id, and no PIN, code or scanned text is anywhere.
    const audit = await readFile(auditLogFile(join(running.workDir, '.kiosk-data')), 'utf8');
    const events = audit
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { event: string; fields: Record<string, unknown> });
    const maintenanceEvents = events.filter((e) => e.event.startsWith('maintenance.'));
    expect(new Set(maintenanceEvents.map((e) => e.event))).toEqual(
      new Set([
        'maintenance.code_refused',
        'maintenance.code_accepted',
        'maintenance.pin_wrong',
        'maintenance.entered',
        'maintenance.action',
        'maintenance.left',
      ]),
    );
    expect(maintenanceEvents.filter((e) => e.event === 'maintenance.left').map((e) => e.fields.why)).toContain('left');
    const everything = audit + running.logger.lines.join('\n');
    // A code's first part is its header, the same in every code: no part of a code is written anywhere.
    for (const secret of [PIN, '13572468', '6901234567892', '张三', '33010619900101123X', code().split('.')[0] ?? '']) {
      expect(everything).not.toContain(secret);
    }
    s.ws.close();
  });

  it('gives the kiosk back to service after the idle limit, with a warning first', async () => {
    await restartAgent({ idleMs: 3_000, idleWarningMs: 2_000 });
    const s = await openSocket();
    await enter(s);
    await s.until('idle warning', () => {
      const v = s.maintenance();
      return v?.stage === 'open' && v.idleWarning !== null;
    });
    await s.until('left', () => s.maintenance() === null && s.screen() === 'home');
    s.ws.close();
  });

  it('locks entry after five wrong PINs, and the lock survives an agent restart', async () => {
    let s = await openSocket();
    scan(code());
    await stage(s, 'pin');
    for (let i = 1; i <= 4; i++) {
      s.send({ type: 'PIN', pin: '0000' });
      await s.until(`wrong ${i}`, () => {
        const v = s.maintenance();
        return v?.stage === 'pin' && v.attemptsLeft === 5 - i && !v.checking;
      });
    }
    s.send({ type: 'PIN', pin: '0000' });
    const locked = await stage(s, 'codeRefused');
    expect(locked).toMatchObject({ reason: 'locked' });
    expect(s.screen()).toBe('home');
    s.ws.close();

    const { workDir } = running;
    await restartAgent();
    s = await openSocket();
    scan(code());
    const refused = await stage(s, 'codeRefused');
    expect(refused).toMatchObject({ reason: 'locked' });
    expect(refused.stage === 'codeRefused' && Date.parse(refused.lockedUntil ?? '') - Date.now()).toBeGreaterThan(14 * 60_000);
    s.ws.close();
    const audit = await readFile(auditLogFile(join(workDir, '.kiosk-data')), 'utf8');
    expect(audit).toContain('"maintenance.locked"');
  });

  it('restarts the agent when staff ask, where the agent can restart (under systemd)', async () => {
    await running.stop(); // a fresh data directory: the lock of the test before still holds in the old one
    let restarts = 0;
    running = await startLoopbackDevelopmentAgent('kiosk-maintenance', { maintenance: { ...maintenance, restart: () => (restarts += 1) } });
    const s = await openSocket();
    const open = await enter(s);
    expect(open.data.canRestart).toBe(true);
    s.send({ type: 'RESTART' });
    await s.until('restart asked', () => restarts === 1);
    expect(s.maintenance()).toMatchObject({ stage: 'open', running: 'restart' });
    s.ws.close();
    const audit = await readFile(auditLogFile(join(running.workDir, '.kiosk-data')), 'utf8');
    expect(audit).toMatch(/"maintenance\.action","fields":\{"action":"restart","phase":"started"/);
  });
});
