// The PIN keypad. Digits stay in this component only until OK (then they go to the agent once and are
// cleared); the screen shows one dot per digit, never a digit. Staff carry no keyboard: big keys only.

import { useEffect, useState } from 'preact/hooks';
import type { MaintenanceView } from '../../maintenance/maintenance-view';
import { Bi } from '../components/Bi';
import { Icon } from '../components/Icon';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';
import { useUi } from '../ui-context';
import { LeaveButton } from './LeaveButton';

type PinView = Extract<MaintenanceView, { stage: 'pin' }>;

// The event schema's bounds (maintenance-events.ts: /^\d{4,12}$/).
const MIN_DIGITS = 4;
const MAX_DIGITS = 12;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export function PinScreen({ view }: { view: PinView }) {
  const { sendMaintenance } = useUi();
  const [digits, setDigits] = useState('');

  // A new verdict (wrong PIN, or checking begun): start from an empty keypad.
  useEffect(() => setDigits(''), [view.wrongPin, view.checking, view.attemptsLeft]);

  const busy = view.checking;
  const press = (digit: string) => {
    if (!busy && digits.length < MAX_DIGITS) setDigits(digits + digit);
  };
  const submit = () => {
    if (busy || digits.length < MIN_DIGITS) return;
    sendMaintenance({ type: 'PIN', pin: digits });
    setDigits('');
  };

  const digitKey = (digit: string) => (
    <button key={digit} type="button" class="pin-key" data-action={`pin:${digit}`} disabled={busy} onClick={() => press(digit)}>
      {digit}
    </button>
  );

  return (
    <ScreenFrame
      title={strings.pinTitle}
      class="screen-pin"
      data={{ 'data-maintenance': 'pin' }}
      left={<LeaveButton label={strings.leave} />}
    >
      <div class="pin-layout">
        <div class="pin-side">
          <p class="pin-staff">
            <Bi text={strings.staffId} /> <strong data-staff-id={view.staffId}>{view.staffId}</strong>
          </p>
          <div class="pin-dots" data-pin-length={digits.length} role="img" aria-label={`${digits.length}`}>
            {Array.from({ length: Math.max(digits.length, MIN_DIGITS) }, (_, i) => (
              <span key={i} class={`pin-dot${i < digits.length ? ' pin-dot-on' : ''}`} />
            ))}
          </div>
          {busy && (
            <p class="notice pin-checking" data-pin-checking="true" aria-live="polite">
              <span class="spinner" aria-hidden="true" />
              <Bi text={strings.pinChecking} />
            </p>
          )}
          {!busy && view.wrongPin && (
            <p class="notice notice-warning" role="alert" data-pin-wrong="true">
              <Icon name="alert" />
              <span class="bi">
                <Bi text={strings.pinWrong} />
                <span>
                  {strings.attemptsLeft.zh} / {strings.attemptsLeft.en}:{' '}
                  <strong data-attempts-left={view.attemptsLeft}>{view.attemptsLeft}</strong>
                </span>
              </span>
            </p>
          )}
        </div>
        <div class="pin-pad">
          {KEYS.map(digitKey)}
          <button
            type="button"
            class="pin-key pin-key-word"
            data-action="pin:delete"
            disabled={busy}
            onClick={() => setDigits(digits.slice(0, -1))}
          >
            <Bi text={strings.pinDelete} />
          </button>
          {digitKey('0')}
          <button
            type="button"
            class="pin-key pin-key-word pin-key-ok"
            data-action="pin:ok"
            disabled={busy || digits.length < MIN_DIGITS}
            onClick={submit}
          >
            <Bi text={strings.pinOk} />
          </button>
        </div>
      </div>
    </ScreenFrame>
  );
}
