// Keeps the touch UI's browser alive: starts the browser command, asks the agent's /api/health every few seconds,
// and restarts the browser when the UI's heartbeat has stopped (a hung renderer keeps its window but stops
// talking) or when the browser exits by itself. An agent that does not answer is not the browser's fault: systemd
// restarts the agent, and the browser is left alone. Restarts that keep failing are spaced out by a backoff.

import { spawn, type ChildProcess } from 'node:child_process';
import type { Logger } from '../logger';
import { blamableSilenceMs, uiIsStale, type SilenceRules, type UiHealth } from './heartbeat-silence';

export interface BrowserLauncherOptions extends SilenceRules {
  /** The browser's command line: program and arguments. */
  command: string[];
  /** The agent's /api/health. */
  healthUrl: string;
  pollMs: number;
  /** How long a stopping browser has between SIGTERM and SIGKILL. */
  killAfterMs: number;
  /** The first wait before starting the browser again; it doubles while restarts keep failing, up to maxBackoffMs. */
  backoffMs: number;
  maxBackoffMs: number;
  logger: Logger;
}

export interface RunningBrowserLauncher {
  stop(): Promise<void>;
}

type RestartReason = 'heartbeat_stale' | 'exited';

async function readUiHealth(url: string, timeoutMs: number): Promise<UiHealth | null> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return null;
    const body = (await response.json()) as { uptimeSeconds?: unknown; ui?: { lastHeartbeatMsAgo?: unknown } };
    const ago = body.ui?.lastHeartbeatMsAgo;
    if (typeof body.uptimeSeconds !== 'number' || (ago !== null && typeof ago !== 'number')) return null;
    return { uptimeSeconds: body.uptimeSeconds, lastHeartbeatMsAgo: ago };
  } catch {
    return null;
  }
}

export function startBrowserLauncher(options: BrowserLauncherOptions): RunningBrowserLauncher {
  const { logger } = options;
  let browser: ChildProcess | null = null;
  let browserStartedAt = 0;
  /** Whether this browser has heartbeated since it started: a healthy start resets the backoff. */
  let heartbeatSeen = false;
  let agentBackAt: number | null = null;
  let agentAnswering = true;
  let backoffMs = options.backoffMs;
  let stopping = false;
  let polling = false;
  let restartTimer: NodeJS.Timeout | null = null;

  const start = () => {
    restartTimer = null;
    if (stopping) return;
    // Its own process group, so that stopping it stops whatever it started (the compositor's browser, renderers).
    const child = spawn(options.command[0]!, options.command.slice(1), { stdio: 'inherit', detached: true });
    browser = child;
    browserStartedAt = Date.now();
    heartbeatSeen = false;
    child.on('error', (error) => logger.event('launcher.browser_exited', 'failure', { error: error.name }));
    child.on('exit', (code, signal) => {
      if (browser !== child) return; // a browser this launcher stopped on purpose
      browser = null;
      logger.event('launcher.browser_exited', 'failure', { pid: child.pid ?? null, code, signal });
      scheduleStart('exited');
    });
    logger.event('launcher.browser_started', 'info', { pid: child.pid ?? null });
  };

  const scheduleStart = (reason: RestartReason) => {
    if (stopping) return;
    if (heartbeatSeen) backoffMs = options.backoffMs;
    logger.event('launcher.browser_restarted', 'failure', { reason, delayMs: backoffMs });
    restartTimer = setTimeout(start, backoffMs);
    backoffMs = Math.min(backoffMs * 2, options.maxBackoffMs);
  };

  const kill = async (child: ChildProcess): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // the group is already gone
      }
    };
    signalGroup('SIGTERM');
    const timer = setTimeout(() => signalGroup('SIGKILL'), options.killAfterMs);
    await exited;
    clearTimeout(timer);
  };

  const poll = async () => {
    if (polling || stopping || browser === null) return;
    polling = true;
    try {
      const health = await readUiHealth(options.healthUrl, Math.max(options.pollMs, 1000));
      const now = Date.now();
      if (health === null) {
        if (agentAnswering) logger.event('launcher.agent_unreachable', 'failure', {});
        agentAnswering = false;
        return;
      }
      if (!agentAnswering) agentBackAt = now;
      agentAnswering = true;
      const child = browser;
      if (child === null || stopping) return;
      if (health.lastHeartbeatMsAgo !== null && now - health.lastHeartbeatMsAgo >= browserStartedAt) heartbeatSeen = true;
      const silenceMs = blamableSilenceMs(now, health, { browserStartedAt, agentBackAt }, options);
      if (!uiIsStale(silenceMs, options)) return;
      browser = null;
      logger.event('launcher.browser_stale', 'failure', { pid: child.pid ?? null, silenceMs });
      await kill(child);
      scheduleStart('heartbeat_stale');
    } finally {
      polling = false;
    }
  };

  start();
  const pollTimer = setInterval(() => void poll(), options.pollMs);

  return {
    async stop() {
      stopping = true;
      clearInterval(pollTimer);
      if (restartTimer) clearTimeout(restartTimer);
      const child = browser;
      browser = null;
      if (child) await kill(child);
    },
  };
}
