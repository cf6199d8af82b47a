import type { DisplayPrefs } from './session-view';

/** What every session starts with, and returns to when it ends. */
export const defaultPrefs: DisplayPrefs = {
  language: 'zh',
  elderly: false,
  largeText: false,
  highContrast: false,
  muted: false,
};
