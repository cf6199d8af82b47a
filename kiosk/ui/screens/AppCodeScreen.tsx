// 浙里办亮证码: the kiosk's challenge QR, large, for the citizen's phone, with the three steps drawn and said,
// and where the scanner is. The challenge lives 120 s: counted down here, then offered anew.

import { useEffect, useState } from 'preact/hooks';
import type { AppChallengeView, Bilingual, SessionView } from '../../session/session-view';
import { ActionButton } from '../components/ActionButton';
import { Bi, T } from '../components/Bi';
import { CancelButton } from '../components/CancelButton';
import { Icon, type IconName } from '../components/Icon';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';
import { useUi } from '../ui-context';

/** Scan the QR, confirm on the phone, hold the phone's code over the scanner (the arrow turned to point down). */
const STEPS: ReadonlyArray<{ icon: IconName; text: Bilingual }> = [
  { icon: 'qr', text: strings.appCodeStep1 },
  { icon: 'check', text: strings.appCodeStep2 },
  { icon: 'back', text: strings.appCodeStep3 },
];

/** The QR standard's quiet zone: four modules of white all round, or phones may not find the code. */
const QUIET = 4;

function ChallengeQr({ challenge }: { challenge: AppChallengeView }) {
  const side = challenge.qr.size + 2 * QUIET;
  return (
    <svg
      class="app-qr"
      viewBox={`${-QUIET} ${-QUIET} ${side} ${side}`}
      shape-rendering="crispEdges"
      role="img"
      aria-label={`${strings.appCodeQrLabel.zh} / ${strings.appCodeQrLabel.en}`}
      data-app-qr="true"
    >
      <rect x={-QUIET} y={-QUIET} width={side} height={side} fill="#ffffff" />
      <path d={challenge.qr.path} fill="#000000" />
    </svg>
  );
}

/** Seconds left of this challenge, counted from when its QR appeared. */
function useSecondsLeft(challenge: AppChallengeView): number {
  const [left, setLeft] = useState(challenge.lifetimeSeconds);
  useEffect(() => {
    setLeft(challenge.lifetimeSeconds);
    const started = Date.now();
    const timer = setInterval(() => setLeft(Math.max(0, challenge.lifetimeSeconds - Math.floor((Date.now() - started) / 1000))), 1000);
    return () => clearInterval(timer);
  }, [challenge.text, challenge.lifetimeSeconds]);
  return left;
}

export function AppCodeScreen({ view }: { view: SessionView }) {
  const { send } = useUi();
  const challenge = view.appChallenge;
  return (
    <ScreenFrame
      title={strings.appCodeTitle}
      class="screen-app-code"
      left={<CancelButton show={view.canCancel} />}
      right={
        challenge?.expired ? (
          <ActionButton
            action="renew-challenge"
            kind="primary"
            label={strings.renewChallenge}
            icon={<Icon name="repeat" />}
            onPress={() => send({ type: 'RENEW_CHALLENGE' })}
          />
        ) : undefined
      }
    >
      {challenge?.problem && (
        <div class="notice notice-warning" role="alert" data-app-code-problem={challenge.problem}>
          <Icon name="alert" />
          <Bi text={challenge.problem === 'notAppCode' ? strings.appCodeNotAppCode : strings.appCodeForExpired} />
        </div>
      )}
      {challenge && (
        <div class="app-code-layout">
          <div class="app-qr-box">
            {challenge.expired ? (
              <div class="app-qr-expired" data-app-qr-expired="true">
                <Icon name="clock" />
                <strong>
                  <Bi text={strings.appCodeExpired} />
                </strong>
                <p>
                  <T text={strings.appCodeExpiredHint} />
                </p>
              </div>
            ) : (
              <>
                <ChallengeQr challenge={challenge} />
                <SecondsLeft challenge={challenge} />
              </>
            )}
          </div>
          <div class="app-code-guide">
            <ol class="app-code-steps">
              {STEPS.map(({ icon, text }) => (
                <li key={icon}>
                  <span class="step-mark" aria-hidden="true">
                    <Icon name={icon} />
                  </span>
                  <Bi text={text} />
                </li>
              ))}
            </ol>
            <div class="app-code-scanner" data-scanner-where="true">
              <div class="scanner-drawing" aria-hidden="true">
                <span class="scanner-phone">
                  <Icon name="qr" />
                </span>
                <span class="scanner-window" />
                <span class="scanner-arrow">↓</span>
              </div>
              <p>
                <Bi text={strings.appCodeScannerWhere} />
              </p>
            </div>
          </div>
        </div>
      )}
    </ScreenFrame>
  );
}

function SecondsLeft({ challenge }: { challenge: AppChallengeView }) {
  const left = useSecondsLeft(challenge);
  const { language } = useUi();
  return (
    <p class="app-qr-time" data-seconds-left={left}>
      {language === 'zh'
        ? `${strings.appCodeSecondsLeft.zh} ${left} ${strings.appCodeSeconds.zh}`
        : `${strings.appCodeSecondsLeft.en} ${left} ${strings.appCodeSeconds.en}`}
    </p>
  );
}
