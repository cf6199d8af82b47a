// The nightly restart (configuration `restart.window`, Asia/Shanghai): once a night, inside the window, the agent
// restarts when no session is running — it stops cleanly and exits 0, and systemd's Restart=always starts it
// again. While a session runs it looks again later; a window that closes without an idle moment is skipped until
// the next night. An agent that started inside tonight's window has had its restart (or a fresh start) already,
// which keeps it to once a night with nothing on disk.

import { addDays, shanghaiClockTime, shanghaiIsoDate } from '../../print-templates/shanghai-date';
import type { RestartWindow } from '../config/restart-window';
import type { Logger } from '../logger';

/** The Shanghai date on which the window containing `at` opened; null when `at` is outside the window. */
export function restartNight(window: RestartWindow, at: Date): string | null {
  const [hours, minutes] = shanghaiClockTime(at).split(':').map(Number);
  const minute = (hours ?? 0) * 60 + (minutes ?? 0);
  const { startMinute, endMinute } = window;
  if (startMinute < endMinute) return minute >= startMinute && minute < endMinute ? shanghaiIsoDate(at) : null;
  // Crossing midnight: after midnight the window belongs to the night before.
  if (minute >= startMinute) return shanghaiIsoDate(at);
  return minute < endMinute ? addDays(shanghaiIsoDate(at), -1) : null;
}

export interface NightlyRestartOptions {
  window: RestartWindow;
  /** True while no session is running (the home screen). */
  idle: () => boolean;
  /** Stops the agent cleanly and exits 0. */
  restart: () => void;
  logger: Logger;
  now?: () => Date;
  /** When the agent started; default: now. */
  startedAt?: Date;
  checkEveryMs?: number;
}

export function startNightlyRestart(options: NightlyRestartOptions) {
  const { window, idle, logger } = options;
  const now = options.now ?? (() => new Date());
  const startedNight = restartNight(window, options.startedAt ?? now());
  /** The night in which a running session made the restart wait. */
  let waitingNight: string | null = null;
  let restarting = false;
  const scheduled = (action: 'restarting' | 'waiting' | 'skipped', reason: string) =>
    logger.event('agent.restart_scheduled', 'info', { action, reason, window: window.text });

  function check(): void {
    if (restarting) return;
    const night = restartNight(window, now());
    if (waitingNight !== null && night !== waitingNight) {
      scheduled('skipped', 'noIdleMoment');
      waitingNight = null;
    }
    if (night === null || night === startedNight) return;
    if (!idle()) {
      if (waitingNight === null) scheduled('waiting', 'sessionRunning');
      waitingNight = night;
      return;
    }
    restarting = true;
    scheduled('restarting', 'nightlyWindow');
    options.restart();
  }

  const timer = setInterval(check, options.checkEveryMs ?? 10_000);
  timer.unref();
  return {
    check,
    stop(): void {
      clearInterval(timer);
    },
  };
}
