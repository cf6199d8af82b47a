// Tells systemd how the agent is doing (the sd_notify protocol): READY=1 once it serves, WATCHDOG=1 every
// WatchdogSec/2 from a timer on the event loop — so a hung loop stops the pings and systemd restarts the agent —
// STOPPING=1 at a stop, and STATUS= lines for `systemctl status`. Outside systemd (no NOTIFY_SOCKET) it does
// nothing.
//
// How the messages travel: Node's dgram has no Unix datagram sockets, and a native module is one more thing to
// build for every kiosk. So each message is handed to systemd-notify(1), which ships with systemd itself, spawned
// asynchronously (the loop pays for the fork, about 5 ms with a 150 MB heap, never for the wait), one at a time
// so READY=1 never overtakes STOPPING=1.
//  - `--pid=<agent>`: as root systemd-notify sends with the agent's own credentials; as the unprivileged kiosk
//    user the kernel refuses that and it sends as itself, a child in the agent's cgroup: hence NotifyAccess=all
//    in the unit. It also adds MAINPID=<agent>, which is already the main PID (a no-op for systemd).
//  - No `--no-block`: after the message systemd-notify sends BARRIER=1 with a pipe's file descriptor and waits
//    (≤ 5 s) until systemd has closed it. systemd before 254 finds a sender's unit from its PID; a systemd-notify
//    that exited before systemd read its message would be dropped ("Cannot find unit for notify message"). The
//    barrier keeps it alive until the message is taken; the wait happens in the child, never on the loop.

import { spawn } from 'node:child_process';

export interface SystemdNotifier {
  /** The watchdog's ping period in ms, or undefined when systemd asked for no watchdog (or not us). */
  readonly watchdogIntervalMs: number | undefined;
  /** READY=1: the agent serves. Each message's promise settles once systemd-notify is done with it. */
  ready(status: string): Promise<void>;
  status(text: string): Promise<void>;
  /** STOPPING=1. The watchdog keeps pinging until the process exits: a stop that hangs meets TimeoutStopSec. */
  stopping(status: string): Promise<void>;
  /** Stops the watchdog timer (tests; the agent simply exits). */
  close(): void;
}

export interface SystemdNotifierOptions {
  /** Where NOTIFY_SOCKET, WATCHDOG_USEC and WATCHDOG_PID are read, then removed (as sd_notify's unset_environment
   *  does) so no other child of the agent inherits a socket that NotifyAccess=all would listen to. */
  env?: NodeJS.ProcessEnv;
  pid?: number;
  command?: string;
  /** Told when sending starts failing and when it works again, not at every message. */
  onDeliveryChange?: (delivered: boolean, detail: string) => void;
}

const WATCHDOG = 'WATCHDOG=1';

export function startSystemdNotifier(options: SystemdNotifierOptions = {}): SystemdNotifier {
  const env = options.env ?? process.env;
  const socket = env.NOTIFY_SOCKET;
  const pid = options.pid ?? process.pid;
  const watchdogIntervalMs = socket ? watchdogPeriodMs(env.WATCHDOG_USEC, env.WATCHDOG_PID, pid) : undefined;
  delete env.NOTIFY_SOCKET;
  delete env.WATCHDOG_USEC;
  delete env.WATCHDOG_PID;
  if (!socket) {
    const nothing = () => Promise.resolve();
    return { watchdogIntervalMs, ready: nothing, status: nothing, stopping: nothing, close() {} };
  }

  const command = options.command ?? 'systemd-notify';
  const childEnv = { PATH: env.PATH ?? '/usr/bin:/bin', NOTIFY_SOCKET: socket };
  const queue: { lines: string[]; done: () => void }[] = [];
  let sending = false;
  let delivered = true;

  const send = (lines: string[]) =>
    new Promise<void>((done) => {
      // A ping already waiting says the same thing: never let pings pile up behind a slow systemd.
      if (lines[0] === WATCHDOG && queue.some((queued) => queued.lines[0] === WATCHDOG)) return done();
      queue.push({ lines, done });
      sendNext();
    });
  const sendNext = () => {
    if (sending) return;
    const next = queue.shift();
    if (!next) return;
    sending = true;
    let stderr = '';
    let finished = false;
    const finish = (failure: string | undefined) => {
      if (finished) return;
      finished = true;
      sending = false;
      next.done();
      if ((failure === undefined) !== delivered) {
        delivered = failure === undefined;
        options.onDeliveryChange?.(delivered, failure ?? 'systemd-notify works again');
      }
      sendNext();
    };
    const child = spawn(command, [`--pid=${pid}`, ...next.lines], { env: childEnv, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-300)));
    child.once('error', (error) => finish(`${command}: ${error.message}`));
    child.once('close', (code, signal) => finish(code === 0 ? undefined : stderr.trim() || `${command} ended with ${code ?? signal}`));
  };

  let timer: NodeJS.Timeout | undefined;
  if (watchdogIntervalMs !== undefined) {
    void send([WATCHDOG]);
    // unref: the pings never keep a process alive that has nothing else to do.
    timer = setInterval(() => void send([WATCHDOG]), watchdogIntervalMs).unref();
  }
  return {
    watchdogIntervalMs,
    ready: (status) => send(['READY=1', statusLine(status)]),
    status: (text) => send([statusLine(text)]),
    stopping: (status) => send(['STOPPING=1', statusLine(status)]),
    close: () => clearInterval(timer),
  };
}

/** Half of WATCHDOG_USEC, as sd_watchdog_enabled(3) advises; none when WATCHDOG_PID names another process. */
export function watchdogPeriodMs(watchdogUsec: string | undefined, watchdogPid: string | undefined, pid: number): number | undefined {
  if (watchdogPid !== undefined && watchdogPid !== '' && Number(watchdogPid) !== pid) return undefined;
  const usec = Number(watchdogUsec);
  if (!watchdogUsec || !Number.isSafeInteger(usec) || usec <= 0) return undefined;
  return Math.max(1, Math.floor(usec / 2000));
}

/** One STATUS= line: a newline would start another assignment. */
function statusLine(text: string): string {
  return `STATUS=${text.replace(/[\r\n]+/g, ' ')}`;
}
