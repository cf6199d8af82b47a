// Developer drawer for SIMULATED devices (only when the agent says info.devPanel). It drives the devices
// through the agent's HTTP API, never through the session, and is closed by default so it hides nothing.

import { useEffect, useMemo, useState } from 'preact/hooks';
import type { KioskInfo, SessionView } from '../../session/session-view';
import { appCodeVariants, createDevApi, maintenanceCodeVariants, type DevApi, type SimAction, type SimDevice } from '../dev-api';

const POLL_MS = 2_000;

export function DevPanel(props: { info: KioskInfo; api?: DevApi; view?: SessionView | null }) {
  const { info } = props;
  const api = useMemo(() => props.api ?? createDevApi(), [props.api]);
  const [open, setOpen] = useState(false);
  const [devices, setDevices] = useState<unknown>(null);
  const [error, setError] = useState<string | null>(null);
  const [scanText, setScanText] = useState('');
  // The app-code screen's challenge, read off the screen as a phone would; each citizen's code for it.
  const challenge = props.view?.appChallenge && !props.view.appChallenge.expired ? props.view.appChallenge.text : null;
  const [appCodes, setAppCodes] = useState<Array<{ key: string; code: string }>>([]);

  useEffect(() => {
    setAppCodes([]);
    if (!open || !challenge) return;
    let alive = true;
    void api.appCodes(challenge).then((result) => {
      if (!alive) return;
      if (result.ok) setAppCodes(result.value);
      else setError(`app codes: ${result.error}`);
    });
    return () => {
      alive = false;
    };
  }, [open, challenge, api]);

  useEffect(() => {
    if (!open) return;
    let alive = true;
    const poll = async () => {
      const result = await api.devices();
      if (!alive) return;
      if (result.ok) setDevices(result.value);
      else setError(`devices: ${result.error}`);
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      alive = false;
      clearInterval(timer);
    };
  }, [open, api]);

  const sim = (device: SimDevice, body: SimAction) => async () => {
    setError(null);
    const result = await api.sim(device, body);
    if (!result.ok) setError(`${device} ${body.action}: ${result.error}`);
  };

  const button = (dev: string, label: string, onClick: () => void) => (
    <button key={dev} type="button" class="dev-btn" data-dev={dev} onClick={onClick}>
      {label}
    </button>
  );

  return (
    <>
      <button type="button" class="dev-toggle" data-dev="toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        DEV
      </button>
      {open && (
        <aside class="dev-panel" data-dev="panel">
          <h2>Simulated devices · {info.kioskId}</h2>
          {error && (
            <p class="dev-error" role="alert" data-dev="error">
              {error}
            </p>
          )}
          <h3>ID card reader</h3>
          <div class="dev-row">
            {info.testCards.map((card) =>
              button(`card:${card.key}`, `${card.label.zh} / ${card.label.en}`, sim('id-reader', { action: 'place', cardKey: card.key })),
            )}
          </div>
          <div class="dev-row">
            {button('card-misread', 'Misread', sim('id-reader', { action: 'placeMisread' }))}
            {button('card-unreadable', 'Unreadable', sim('id-reader', { action: 'placeUnreadable' }))}
            {button('card-remove', 'Remove card', sim('id-reader', { action: 'remove' }))}
            {button('reader-unplug', 'Unplug', sim('id-reader', { action: 'unplug' }))}
            {button('reader-plug', 'Plug', sim('id-reader', { action: 'plug' }))}
          </div>
          <h3>A4 printer</h3>
          <div class="dev-row">
            {(['full', 'low', 'out'] as const).map((level) =>
              button(`paper:${level}`, `Paper ${level}`, sim('a4-printer', { action: 'paper', level })),
            )}
          </div>
          <div class="dev-row">
            {button('printer-jam', 'Jam', sim('a4-printer', { action: 'jam' }))}
            {button('printer-clear-jam', 'Clear jam', sim('a4-printer', { action: 'clearJam' }))}
            {button('printer-take-paper', 'Take paper', sim('a4-printer', { action: 'takePaper' }))}
            {button('printer-unplug', 'Unplug', sim('a4-printer', { action: 'unplug' }))}
            {button('printer-plug', 'Plug', sim('a4-printer', { action: 'plug' }))}
          </div>
          <h3>Scanner</h3>
          <div class="dev-row">
            <input
              class="dev-input"
              data-dev="scan-text"
              value={scanText}
              placeholder="code text"
              onInput={(e) => setScanText(e.currentTarget.value)}
            />
            {button('scan', 'Scan', sim('scanner', { action: 'scan', data: scanText }))}
          </div>
          <h3>浙里办亮证码 / App codes</h3>
          {!challenge && <p class="dev-note">Shown while the app-code screen shows a challenge.</p>}
          {challenge &&
            info.testCards.map((card) => {
              const code = appCodes.find((c) => c.key === card.key)?.code;
              return (
                <div class="dev-row" key={`app:${card.key}`} data-dev-app-citizen={card.key}>
                  <button
                    type="button"
                    class="dev-btn dev-app-code"
                    data-dev={`app-code:${card.key}`}
                    disabled={!code}
                    onClick={code ? sim('scanner', { action: 'scan', data: code }) : undefined}
                  >
                    {card.label.zh} · <code>{code ? `${code.slice(0, 24)}… (${code.length})` : '…'}</code>
                  </button>
                  {appCodeVariants
                    .filter((variant) => variant !== 'valid')
                    .map((variant) =>
                      button(`app-code:${card.key}:${variant}`, variant, async () => {
                        setError(null);
                        const result = await api.scanAppCode(card.key, variant, challenge);
                        if (!result.ok) setError(`app code ${variant}: ${result.error}`);
                      }),
                    )}
                </div>
              );
            })}
          <h3>维护码 / Maintenance code</h3>
          <div class="dev-row">
            {maintenanceCodeVariants.map((variant) =>
              button(`maintenance-code:${variant}`, variant, sim('scanner', { action: 'maintenanceCode', variant })),
            )}
          </div>
          {info.devMaintenance && (
            <p class="dev-note" data-dev="maintenance-staff">
              staff <code>{info.devMaintenance.staffId}</code> · PIN <code>{info.devMaintenance.pin}</code>
            </p>
          )}
          <h3>Status</h3>
          <pre class="dev-status" data-dev="status">
            {devices === null ? '…' : JSON.stringify(devices, null, 1)}
          </pre>
        </aside>
      )}
    </>
  );
}
