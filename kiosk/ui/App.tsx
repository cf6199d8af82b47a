// The root: renders whatever the connection says. Out of service when the agent is unreachable,
// "connecting" before its first view, otherwise the view's screen with the prefs bar and any countdown.
// On the staff and out-of-service screens the session takes no citizen event, so there is no prefs bar;
// there, touches go to maintenance mode, and a refused maintenance code is explained over home.

import { useEffect, useMemo, useState } from 'preact/hooks';
import type { MaintenanceEvent } from '../maintenance/maintenance-events';
import type { DisplayPrefs } from '../session/session-view';
import type { UiEvent } from '../session/ui-events';
import { CodeRefusedNotice } from './components/CodeRefusedNotice';
import { CountdownOverlay } from './components/CountdownOverlay';
import { DevPanel } from './components/DevPanel';
import { HeaderHomeButton } from './components/HeaderHomeButton';
import { OutOfService } from './components/OutOfService';
import { PrefsBar } from './components/PrefsBar';
import type { AgentConnection, ConnectionState } from './connection';
import type { DevApi } from './dev-api';
import { ScreenSwitch } from './screens/ScreenSwitch';
import type { Speaker } from './speech';
import { pick, strings } from './strings';
import { createTouchReporter } from './touch-reporter';
import { UiContext, type UiContextValue } from './ui-context';
import { useVoice } from './use-voice';

export interface AppProps {
  connection: Pick<AgentConnection, 'subscribe' | 'sendEvent' | 'sendMaintenance'>;
  speaker: Speaker;
  devApi?: DevApi;
  doc?: Document;
}

export function App({ connection, speaker, devApi, doc = document }: AppProps) {
  const [state, setState] = useState<ConnectionState>({ status: 'connecting', view: null, info: null, maintenance: null });
  useEffect(() => connection.subscribe(setState), [connection]);

  const view = state.status === 'open' ? state.view : null;
  const maintenance = view ? state.maintenance : null;
  const repeat = useVoice(speaker, view);
  const staff = view?.screen === 'staff';
  // Staff pages are Chinese first with English beside, at the staff sizes, whatever a citizen chose last;
  // high contrast stays.
  const prefs = view && staff ? { ...view.prefs, language: 'zh' as const, elderly: false, largeText: false } : view?.prefs;

  // Any touch anywhere tells the agent the citizen (or, in maintenance mode, staff) is still there
  // (throttled to one per 2 s).
  useEffect(() => {
    const report = createTouchReporter((event) => (staff ? connection.sendMaintenance(event) : connection.sendEvent(event)));
    const onPointerDown = () => {
      if (view) report();
    };
    doc.addEventListener('pointerdown', onPointerDown, { capture: true });
    return () => doc.removeEventListener('pointerdown', onPointerDown, { capture: true });
  }, [connection, doc, view !== null, staff]);

  const context = useMemo<UiContextValue>(
    () => ({
      language: prefs?.language ?? 'zh',
      elderly: prefs?.elderly ?? false,
      send: (event: UiEvent) => connection.sendEvent(event),
      sendMaintenance: (event: MaintenanceEvent) => connection.sendMaintenance(event),
      servicePoints: state.info?.servicePoints ?? [],
    }),
    [connection, prefs?.language, prefs?.elderly, state.info],
  );

  const devPanel = state.info?.devPanel ? <DevPanel info={state.info} api={devApi} view={view} /> : null;

  if (!view || !prefs) {
    const screen = state.status === 'down' ? 'out-of-service' : 'connecting';
    return (
      <div class="kiosk" data-screen={screen} lang="zh-CN">
        <OutOfService connecting={screen === 'connecting'} />
        {devPanel}
      </div>
    );
  }

  return (
    <UiContext.Provider value={context}>
      <div class={rootClass(prefs)} data-screen={view.screen} lang={prefs.language === 'zh' ? 'zh-CN' : 'en'}>
        <header class="topbar">
          <div class="brand">
            {!staff && <HeaderHomeButton key={view.screen} view={view} />}
            <span class="brand-name">{pick(strings.serviceName, prefs.language)}</span>
            <span class="brand-slogan">{pick(strings.oneVisit, prefs.language)}</span>
          </div>
          {staff ? (
            <span class="staff-badge" data-staff-badge="true">
              {pick(strings.maintenanceMode, prefs.language)}
            </span>
          ) : (
            view.screen !== 'outOfService' && <PrefsBar prefs={view.prefs} onRepeat={repeat} />
          )}
        </header>
        <main class="stage">
          {/* Keyed by screen so nothing (scroll position, a rating's tags) carries over from one screen to the next. */}
          <ScreenSwitch key={view.screen} view={view} maintenance={maintenance} />
        </main>
        {(view.screen === 'home' || view.screen === 'outOfService') && maintenance?.stage === 'codeRefused' && (
          <CodeRefusedNotice reason={maintenance.reason} lockedUntil={maintenance.lockedUntil} />
        )}
        {view.countdown && <CountdownOverlay countdown={view.countdown} />}
        {devPanel}
      </div>
    </UiContext.Provider>
  );
}

function rootClass(prefs: DisplayPrefs): string {
  const { elderly, largeText, highContrast } = prefs;
  return ['kiosk', elderly && 'elderly', largeText && 'large-text', highContrast && 'high-contrast'].filter(Boolean).join(' ');
}
