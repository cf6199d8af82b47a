// Runs hung-event-loop-process.ts against a fake notification socket and reads what systemd would have seen: the
// pings before, during and after the hang, and how long after the hang began systemd's watchdog would act — one
// WatchdogSec after the last ping it got.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { FakeNotifySocket } from './fake-notify-socket';
import { repoRoot } from './kiosk-process';

/** A systemd-notify spawned just before the hang may still deliver while the loop is stuck. */
export const IN_FLIGHT_MS = 150;

export interface HungLoopRun {
  hangStart: number;
  hangEnd: number;
  pingsBefore: number[];
  pingsDuring: number[];
  pingsAfter: number[];
  /** From the hang's start to when systemd acts: the last ping before it plus WatchdogSec. */
  detectedAfterMs: number;
}

export async function runHungLoop(
  socket: FakeNotifySocket,
  options: { watchdogSec: number; beforeMs: number; hangMs: number; afterMs: number },
): Promise<HungLoopRun> {
  const from = socket.messages.length;
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(repoRoot, 'test', 'support', 'hung-event-loop-process.ts'),
      ...[options.beforeMs, options.hangMs, options.afterMs].map(String),
    ],
    {
      cwd: repoRoot,
      env: { ...process.env, NOTIFY_SOCKET: socket.path, WATCHDOG_USEC: String(options.watchdogSec * 1_000_000) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += String(chunk)));
  const exitCode = await new Promise((resolve) => child.once('exit', resolve));
  if (exitCode !== 0) throw new Error(`the hung-loop process exited with ${String(exitCode)}: ${output}`);
  const { hangStart, hangEnd } = JSON.parse(output) as { hangStart: number; hangEnd: number };
  // The last ping's listener line may still be on its way.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const pings = socket.messages
    .slice(from)
    .filter((message) => message.lines.includes('WATCHDOG=1'))
    .map((message) => message.at);
  const pingsBefore = pings.filter((at) => at <= hangStart + IN_FLIGHT_MS);
  const lastPing = pingsBefore.at(-1) ?? Number.NaN;
  return {
    hangStart,
    hangEnd,
    pingsBefore,
    pingsDuring: pings.filter((at) => at > hangStart + IN_FLIGHT_MS && at < hangEnd),
    pingsAfter: pings.filter((at) => at >= hangEnd),
    detectedAfterMs: lastPing + options.watchdogSec * 1_000 - hangStart,
  };
}
