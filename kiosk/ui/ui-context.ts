// What every screen needs besides its view: the chosen language and a way to send an event to the agent.

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Language } from '../session/session-view';
import type { UiEvent } from '../session/ui-events';

export interface UiContextValue {
  language: Language;
  /** Elderly mode hides secondary-language lines and slows speech. */
  elderly: boolean;
  send: (event: UiEvent) => void;
}

export const UiContext = createContext<UiContextValue>({ language: 'zh', elderly: false, send: () => undefined });

export function useUi(): UiContextValue {
  return useContext(UiContext);
}
