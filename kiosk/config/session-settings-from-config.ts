// The configuration speaks in seconds; the session machine in milliseconds.

import { defaultSessionSettings, type SessionSettings } from '../session/session-settings';
import type { KioskConfig } from './kiosk-config';

export function sessionSettingsFrom(config: KioskConfig): SessionSettings {
  const s = config.session;
  const ms = (seconds: number | undefined, fallback: number) => (seconds === undefined ? fallback : seconds * 1000);
  return {
    ...defaultSessionSettings,
    idleMs: ms(s.idleSeconds, defaultSessionSettings.idleMs),
    longIdleMs: ms(s.longIdleSeconds, defaultSessionSettings.longIdleMs),
    countdownSeconds: s.countdownSeconds ?? defaultSessionSettings.countdownSeconds,
    maxExtensions: s.maxExtensions ?? defaultSessionSettings.maxExtensions,
    doneMs: ms(s.doneSeconds, defaultSessionSettings.doneMs),
    fetchDeadlineMs: ms(s.fetchDeadlineSeconds, defaultSessionSettings.fetchDeadlineMs),
    printStallMs: ms(s.printStallSeconds, defaultSessionSettings.printStallMs),
  };
}
