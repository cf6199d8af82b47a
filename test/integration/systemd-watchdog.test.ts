// The systemd watchdog against a fake NOTIFY_SOCKET (test/support/fake-notify-socket.ts), not a real systemd:
// READY=1 and the pings arrive through systemd-notify as systemd would get them, a hung event loop stops the
// pings, the compiled agent reports READY=1 and STOPPING=1, and a deliberate restart stops cleanly and exits 0.
// Prints how soon systemd would act on a hang.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSystemdNotifier } from '../../kiosk/agent/systemd-notify';
import { startFakeNotifySocket, type FakeNotifySocket, type NotifyMessage } from '../support/fake-notify-socket';
import { IN_FLIGHT_MS, runHungLoop } from '../support/hung-event-loop';
import { repoRoot, startKioskProcess } from '../support/kiosk-process';

const pings = (messages: NotifyMessage[]) => messages.filter((message) => message.lines.includes('WATCHDOG=1'));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let socket: FakeNotifySocket;
beforeEach(async () => {
  socket = await startFakeNotifySocket();
});
afterEach(async () => {
  await socket.close();
});

describe('the systemd notifier', () => {
  it('sends READY=1 with a status, then WATCHDOG=1 every WatchdogSec/2, each followed by a released barrier', async () => {
    const systemd = startSystemdNotifier({ env: { PATH: process.env.PATH, NOTIFY_SOCKET: socket.path, WATCHDOG_USEC: '400000' } });
    expect(systemd.watchdogIntervalMs).toBe(200);
    await systemd.ready('serving');
    await sleep(1_300);
    await systemd.stopping('stopping');
    systemd.close();
    await sleep(300); // the last barrier's line on its way from the listener

    const ready = await socket.waitFor('READY=1');
    expect(ready.lines).toEqual(expect.arrayContaining(['READY=1', 'STATUS=serving', `MAINPID=${process.pid}`]));
    const stopping = await socket.waitFor('STOPPING=1');
    expect(stopping.lines).toContain('STATUS=stopping');

    const arrivals = pings(socket.messages).map((message) => message.at);
    expect(arrivals.length).toBeGreaterThanOrEqual(5);
    const gaps = arrivals.slice(1).map((at, i) => at - arrivals[i]!);
    const medianGap = [...gaps].sort((a, b) => a - b)[Math.floor(gaps.length / 2)]!;
    expect(medianGap).toBeGreaterThan(150);
    expect(medianGap).toBeLessThan(300);
    // systemd-notify waited on each message's barrier (one file descriptor), which the listener released.
    const barriers = socket.messages.filter((message) => message.lines.includes('BARRIER=1'));
    expect(barriers.length).toBe(socket.messages.length - barriers.length);
    expect(barriers.every((barrier) => barrier.fds === 1)).toBe(true);
  });

  it('leaves the watchdog alone when WATCHDOG_PID names another process', async () => {
    const env = { PATH: process.env.PATH, NOTIFY_SOCKET: socket.path, WATCHDOG_USEC: '200000', WATCHDOG_PID: String(process.pid + 1) };
    const systemd = startSystemdNotifier({ env });
    expect(systemd.watchdogIntervalMs).toBeUndefined();
    await systemd.ready('serving');
    await sleep(400);
    systemd.close();
    expect(pings(socket.messages)).toEqual([]);
    expect((await socket.waitFor('READY=1')).lines).toContain('STATUS=serving');
    // Removed, so no other child of the agent inherits the socket.
    expect(env).toEqual({ PATH: process.env.PATH });
  });

  it('says once that systemd-notify fails, not at every ping', async () => {
    const changes: [boolean, string][] = [];
    const systemd = startSystemdNotifier({
      env: { PATH: process.env.PATH, NOTIFY_SOCKET: join(socket.path, 'missing'), WATCHDOG_USEC: '100000' },
      onDeliveryChange: (delivered, detail) => changes.push([delivered, detail]),
    });
    await systemd.ready('serving');
    await sleep(400);
    systemd.close();
    expect(changes).toHaveLength(1);
    expect(changes[0]![0]).toBe(false);
    expect(changes[0]![1]).toMatch(/Failed to notify init system/);
  });
});

describe('a hung event loop', () => {
  it('stops the pings, so systemd would restart the agent within WatchdogSec', async () => {
    const watchdogSec = 1;
    const run = await runHungLoop(socket, { watchdogSec, beforeMs: 1_600, hangMs: 3_000, afterMs: 1_200 });
    await socket.waitFor('READY=1');
    expect(run.pingsBefore.length).toBeGreaterThanOrEqual(3);
    expect(run.pingsDuring).toEqual([]);
    expect(run.pingsAfter.length).toBeGreaterThanOrEqual(1);
    // The hang began between two pings: systemd acts between WatchdogSec/2 and WatchdogSec after it.
    expect(run.detectedAfterMs).toBeGreaterThan(watchdogSec * 500 - IN_FLIGHT_MS);
    expect(run.detectedAfterMs).toBeLessThanOrEqual(watchdogSec * 1_000 + IN_FLIGHT_MS);
    console.log(
      `watchdog: with WatchdogSec=${watchdogSec} s systemd acts ${Math.round(run.detectedAfterMs)} ms after the loop hung ` +
        `(test/bench/watchdog-recovery.bench.ts gives the figure for the unit's own settings)`,
    );
  });
});

describe('the compiled agent under a fake systemd', () => {
  it('feeds the watchdog from the start, says READY=1 once it serves and STOPPING=1 on SIGTERM', async () => {
    const kiosk = await startKioskProcess({ env: { NOTIFY_SOCKET: socket.path, WATCHDOG_USEC: '1000000' } });
    try {
      const ready = await socket.waitFor('READY=1');
      expect(ready.lines).toContain('STATUS=serving');
      const readyIndex = socket.messages.indexOf(ready);
      await socket.waitFor('WATCHDOG=1', 2_000, readyIndex + 1);
    } finally {
      await kiosk.stop();
    }
    expect((await socket.waitFor('STOPPING=1')).lines).toContain('STATUS=stopping');
    expect(kiosk.output()).not.toContain('agent.systemd_notify');
  });
});

describe('a deliberate restart (the nightly one)', () => {
  it('stops the agent, sends STOPPING=1 and exits 0, which Restart=always restarts', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'test', 'support', 'restarting-agent-process.ts')], {
      cwd: repoRoot,
      env: { ...process.env, NOTIFY_SOCKET: socket.path },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    const exitCode = await new Promise((resolve) => child.once('exit', resolve));
    expect(exitCode).toBe(0);
    expect(output).toContain('stopped');
    expect((await socket.waitFor('READY=1')).lines).toContain('STATUS=serving');
    expect((await socket.waitFor('STOPPING=1')).lines).toContain('STATUS=restarting');
  });
});
