import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { err, ok } from '../../device-drivers/result';
import {
  createMaintenanceMachine,
  type ActionResult,
  type MaintenanceAction,
  type MaintenanceEmitted,
  type MaintenanceServices,
  type PinCheck,
} from './maintenance-machine';
import { buildMaintenanceView } from './maintenance-view-builder';
import type { MaintenanceData } from './maintenance-view';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-30T08:00:00Z');

const data: MaintenanceData = {
  devices: [],
  gateway: {
    available: true,
    breaker: 'closed',
    clockOffsetMs: 0,
    trustListVersion: '1',
    trustListNextUpdate: '2026-12-01T00:00:00.000Z',
    trustListStale: false,
    trustListTest: false,
    templateVersion: 'bundled',
  },
  paper: [],
  records: [],
  errors: [],
  ratings: { since: '2026-11-01T00:00:00.000Z', byScore: [0, 0, 0, 0, 0], byErrand: [] },
  outOfService: false,
  canRestart: false,
};

function harness(overrides: Partial<MaintenanceServices> = {}) {
  const clock = new SimulatedClock();
  clock.set(T0);
  const calls: string[] = [];
  let wrongLeft = 5;
  let sessionIdle = true;
  const actions: MaintenanceAction[] = [];
  let actResult: ActionResult = { outcome: { kind: 'service', outOfService: true } };
  const services: MaintenanceServices = {
    checkCode: async (code) =>
      code === 'good' ? ok({ staffId: 's-1', expiresAt: new Date(T0 + 2 * 60 * MINUTE) }) : err(code === 'locked' ? 'locked' : 'expired'),
    attemptsLeft: () => wrongLeft,
    lockedUntil: () => (wrongLeft === 0 ? new Date(T0 + 15 * MINUTE) : null),
    checkPin: async (_staffId, pin): Promise<PinCheck> => {
      if (pin === '2468') return { right: true };
      wrongLeft -= 1;
      return { right: false, attemptsLeft: wrongLeft, lockedUntil: wrongLeft === 0 ? new Date(T0 + 15 * MINUTE) : null };
    },
    enter: () => {
      calls.push('enter');
      return sessionIdle;
    },
    leave: (outOfService) => calls.push(`leave:${outOfService}`),
    outOfService: () => false,
    data: async () => data,
    act: async (action) => {
      actions.push(action);
      return actResult;
    },
    now: () => new Date(clock.now()),
    ...overrides,
  };
  const actor = createActor(createMaintenanceMachine(services), { clock, input: {} });
  const audits: MaintenanceEmitted[] = [];
  actor.on('audit', (e) => audits.push(e));
  actor.start();
  const flush = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  return {
    actor,
    calls,
    audits,
    actions,
    setActResult: (result: ActionResult) => (actResult = result),
    setSessionIdle: (idle: boolean) => (sessionIdle = idle),
    view: () => buildMaintenanceView(actor.getSnapshot()),
    send: actor.send.bind(actor),
    flush,
    /** Steps a second at a time by default, so that chained timers (the countdown) each fire. */
    async advance(ms: number, step = 1000) {
      for (let left = ms; left > 0; left -= step) {
        clock.increment(Math.min(step, left));
        await flush();
      }
    },
    async enter() {
      actor.send({ type: 'CODE', code: 'good' });
      await flush();
      actor.send({ type: 'PIN', pin: '2468' });
      await flush();
      await flush();
    },
  };
}

describe('maintenance machine', () => {
  it('enters with a good code and the right PIN, audited without the PIN or the code', async () => {
    const h = harness();
    expect(h.view()).toBeNull();
    h.send({ type: 'CODE', code: 'good' });
    await h.flush();
    expect(h.view()).toEqual({ stage: 'pin', staffId: 's-1', attemptsLeft: 5, wrongPin: false, checking: false });
    expect(h.calls).toEqual(['enter']);
    h.send({ type: 'PIN', pin: '2468' });
    await h.flush();
    await h.flush();
    const view = h.view();
    expect(view).toMatchObject({ stage: 'open', staffId: 's-1', idleWarning: null, running: null, last: null });
    // The code's expiry (2 h) comes before the 12 h limit.
    expect(view?.stage === 'open' && view.endsAt).toBe(new Date(T0 + 2 * 60 * MINUTE).toISOString());
    expect(h.audits.map((a) => a.event)).toEqual(['maintenance.code_accepted', 'maintenance.entered']);
    expect(JSON.stringify(h.audits)).not.toMatch(/2468|good/);
  });

  it('shows the lock and its end when a code is scanned while entry is locked', async () => {
    const h = harness({ lockedUntil: () => new Date(T0 + 15 * MINUTE) });
    h.send({ type: 'CODE', code: 'locked' });
    await h.flush();
    expect(h.view()).toEqual({ stage: 'codeRefused', reason: 'locked', lockedUntil: new Date(T0 + 15 * MINUTE).toISOString() });
  });

  it('shows why a code was refused for a while, then nothing', async () => {
    const h = harness();
    h.send({ type: 'CODE', code: 'old' });
    await h.flush();
    expect(h.view()).toEqual({ stage: 'codeRefused', reason: 'expired', lockedUntil: null });
    expect(h.audits).toEqual([{ type: 'audit', event: 'maintenance.code_refused', fields: { reason: 'expired' } }]);
    expect(h.calls).toEqual([]);
    await h.advance(8_000);
    expect(h.view()).toBeNull();
  });

  it('counts wrong PINs, then locks: back to service and the lock shown', async () => {
    const h = harness();
    h.send({ type: 'CODE', code: 'good' });
    await h.flush();
    for (let i = 1; i <= 4; i++) {
      h.send({ type: 'PIN', pin: '0000' });
      await h.flush();
      expect(h.view()).toEqual({ stage: 'pin', staffId: 's-1', attemptsLeft: 5 - i, wrongPin: true, checking: false });
    }
    h.send({ type: 'PIN', pin: '0000' });
    await h.flush();
    expect(h.view()).toEqual({ stage: 'codeRefused', reason: 'locked', lockedUntil: new Date(T0 + 15 * MINUTE).toISOString() });
    expect(h.calls).toEqual(['enter', 'leave:false']);
    expect(h.audits.map((a) => a.event)).toEqual([
      'maintenance.code_accepted',
      ...Array(4).fill('maintenance.pin_wrong'),
      'maintenance.locked',
      'maintenance.left',
      'maintenance.code_refused',
    ]);
    expect(JSON.stringify(h.audits)).not.toContain('0000');
  });

  it('leaves from the keypad, and gives the screen back when the keypad is left alone', async () => {
    const h = harness();
    h.send({ type: 'CODE', code: 'good' });
    await h.flush();
    h.send({ type: 'LEAVE' });
    expect(h.view()).toBeNull();
    expect(h.calls).toEqual(['enter', 'leave:false']);
    h.send({ type: 'CODE', code: 'good' });
    await h.flush();
    await h.advance(2 * MINUTE);
    expect(h.view()).toBeNull();
    expect(h.audits.filter((a) => a.event === 'maintenance.left').map((a) => a.fields)).toEqual([
      { staffId: 's-1', why: 'left' },
      { staffId: 's-1', why: 'pinIdle' },
    ]);
  });

  it('does not take the screen from a citizen who began meanwhile', async () => {
    const h = harness();
    h.setSessionIdle(false);
    h.send({ type: 'CODE', code: 'good' });
    await h.flush();
    expect(h.view()).toBeNull();
  });

  it('warns in the last idle minute, a touch restarts the time, and 30 minutes untouched leave', async () => {
    const h = harness();
    await h.enter();
    await h.advance(29 * MINUTE, 5000);
    expect(h.view()).toMatchObject({ stage: 'open', idleWarning: 60 });
    await h.advance(10_000);
    expect(h.view()).toMatchObject({ idleWarning: 50 });
    h.send({ type: 'TOUCH' });
    expect(h.view()).toMatchObject({ idleWarning: null });
    await h.advance(29 * MINUTE, 5000);
    expect(h.view()).toMatchObject({ idleWarning: 60 });
    await h.advance(MINUTE);
    expect(h.view()).toBeNull();
    expect(h.calls.at(-1)).toBe('leave:false');
    expect(h.audits.at(-1)).toMatchObject({ event: 'maintenance.left', fields: { why: 'idle' } });
  });

  it('ends at the code expiry even while touched', async () => {
    const h = harness();
    await h.enter();
    for (let i = 0; i < 5; i++) {
      await h.advance(25 * MINUTE, 5000);
      h.send({ type: 'TOUCH' });
    }
    expect(h.view()).toBeNull();
    expect(h.audits.at(-1)).toMatchObject({ event: 'maintenance.left', fields: { why: 'timeLimit' } });
  });

  it('runs an action, shows its outcome, audits start and result, and leaves out of service when set', async () => {
    const h = harness();
    await h.enter();
    h.send({ type: 'SET_SERVICE', outOfService: true });
    expect(h.view()).toMatchObject({ running: 'service' });
    h.send({ type: 'RUN_TEST', test: 'all' }); // one at a time: ignored
    await h.flush();
    await h.flush();
    expect(h.actions).toEqual([{ type: 'SET_SERVICE', outOfService: true }]);
    expect(h.view()).toMatchObject({ running: null, last: { kind: 'service', outOfService: true }, data: { outOfService: true } });
    expect(h.audits.filter((a) => a.event === 'maintenance.action').map((a) => a.fields)).toEqual([
      { staffId: 's-1', action: 'service', phase: 'started', result: null },
      { staffId: 's-1', action: 'service', phase: 'finished', result: 'outOfService' },
    ]);
    h.send({ type: 'LEAVE' });
    expect(h.calls.at(-1)).toBe('leave:true');
  });

  it('shows a scanned code as length and symbology, reveals it on request, and forgets it on leave', async () => {
    const h = harness();
    await h.enter();
    h.setActResult({
      outcome: { kind: 'scanCode', outcome: 'passed', length: 6, symbology: ']Q1', revealed: null, problem: null },
      scanText: 'ABC123',
    });
    h.send({ type: 'RUN_TEST', test: 'scanCode' });
    await h.flush();
    await h.flush();
    expect(h.view()).toMatchObject({ last: { kind: 'scanCode', length: 6, revealed: null } });
    expect(JSON.stringify(h.view())).not.toContain('ABC123');
    h.send({ type: 'REVEAL_SCAN' });
    expect(h.view()).toMatchObject({ last: { kind: 'scanCode', revealed: 'ABC123' } });
    expect(JSON.stringify(h.audits)).not.toContain('ABC123');
    h.send({ type: 'LEAVE' });
    expect(h.actor.getSnapshot().context.scanText).toBeNull();
    expect(h.actor.getSnapshot().context.last).toBeNull();
  });

  it('stops waiting for a card or a code when staff leave', async () => {
    let aborted = false;
    const h = harness({
      act: (_action, _by, signal) =>
        new Promise<ActionResult>(() => {
          signal.addEventListener('abort', () => (aborted = true));
        }),
    });
    await h.enter();
    h.send({ type: 'RUN_TEST', test: 'cardRead' });
    expect(h.view()).toMatchObject({ running: 'cardRead' });
    h.send({ type: 'LEAVE' });
    expect(aborted).toBe(true);
  });

  it('a failed action shows as refused and the mode goes on', async () => {
    const h = harness({
      act: async () => {
        throw new Error('boom');
      },
    });
    await h.enter();
    h.send({ type: 'RUN_TEST', test: 'gateway' });
    await h.flush();
    await h.flush();
    expect(h.view()).toMatchObject({ stage: 'open', running: null, last: { kind: 'refused', action: 'gateway' } });
  });
});
