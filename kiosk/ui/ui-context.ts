// What every screen needs besides its view: the chosen language and a way to send an event to the agent.

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { MaintenanceEvent } from '../maintenance/maintenance-events';
import type { Language, ServicePointView } from '../session/session-view';
import type { UiEvent } from '../session/ui-events';

export interface UiContextValue {
  language: Language;
  /** Elderly mode hides secondary-language lines and slows speech. */
  elderly: boolean;
  send: (event: UiEvent) => void;
  /** Staff's keypad, tests and service actions: maintenance events, never session events. */
  sendMaintenance: (event: MaintenanceEvent) => void;
  /** Where else the citizen can go (the kiosk's facts, not the session's). */
  servicePoints: ServicePointView[];
}

export const UiContext = createContext<UiContextValue>({
  language: 'zh',
  elderly: false,
  send: () => undefined,
  sendMaintenance: () => undefined,
  servicePoints: [],
});

export function useUi(): UiContextValue {
  return useContext(UiContext);
}
