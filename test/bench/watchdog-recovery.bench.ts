// Time to recover a hung agent under systemd, measured without systemd: (1) how long after the event loop hangs
// the watchdog acts — the last ping before the hang plus WatchdogSec, from a process that feeds the watchdog as
// the agent does and then busy-waits, at a random moment between pings, with WatchdogSec scaled down to 1 s; (2)
// RestartSec, from the unit; (3) from the new agent's start to its READY=1 (the compiled development kiosk,
// keys already made, as on every restart). The sum, for the unit's own WatchdogSec, is the figure.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildKiosk } from '../support/build-kiosk';
import { startFakeNotifySocket } from '../support/fake-notify-socket';
import { runHungLoop } from '../support/hung-event-loop';
import { repoRoot, startKioskProcess } from '../support/kiosk-process';
import { percentile, summarize } from './bench-stats';

const RUNS = 8;
const unit = await readFile(join(repoRoot, 'scripts', 'systemd', 'kiosk-agent.service'), 'utf8');
const seconds = (key: string) => Number(new RegExp(`^${key}=(\\d+)s$`, 'm').exec(unit)?.[1] ?? Number.NaN);
const watchdogSec = seconds('WatchdogSec');
const restartSec = seconds('RestartSec');

buildKiosk();
const socket = await startFakeNotifySocket();
const workDir = await mkdtemp(join(tmpdir(), 'kiosk-bench-watchdog-'));
try {
  // (1) as a fraction of WatchdogSec: it depends only on where between two pings the hang falls.
  const fractions: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const run = await runHungLoop(socket, { watchdogSec: 1, beforeMs: 1_000 + Math.random() * 500, hangMs: 1_500, afterMs: 0 });
    if (run.pingsDuring.length > 0) throw new Error('the watchdog was pinged while the loop hung');
    fractions.push(run.detectedAfterMs / 1_000);
  }
  // (3) restart to READY=1
  const toReady: number[] = [];
  for (let i = 0; i <= RUNS; i++) {
    const from = socket.messages.length;
    const started = Date.now();
    const kiosk = await startKioskProcess({ cwd: workDir, env: { NOTIFY_SOCKET: socket.path, WATCHDOG_USEC: String(watchdogSec * 1e6) } });
    const ready = await socket.waitFor('READY=1', 10_000, from);
    if (i > 0) toReady.push(ready.at - started); // the first start makes the keys
    await kiosk.stop();
  }
  const detection = fractions.map((fraction) => fraction * watchdogSec * 1_000);
  console.log(summarize(`hang → watchdog acts, WatchdogSec=${watchdogSec} s (scaled from 1 s runs)`, detection));
  console.log(summarize('agent start → READY=1 (compiled, keys already made)', toReady));
  const total = (p: number) => ((percentile(detection, p) + restartSec * 1_000 + percentile(toReady, p)) / 1_000).toFixed(1);
  console.log(
    `time to recover a hung agent (hang → watchdog + RestartSec=${restartSec} s + start → READY=1): median ${total(50)} s, ` +
      `p95 ${total(95)} s; bounds ${(watchdogSec / 2 + restartSec).toFixed(1)}–${(watchdogSec + restartSec).toFixed(1)} s plus the start`,
  );
} finally {
  await socket.close();
  await rm(workDir, { recursive: true, force: true });
}
