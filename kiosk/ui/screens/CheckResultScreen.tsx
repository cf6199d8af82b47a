// 核验证明's result: the verdict in plain words (green only when valid), and the claims as the paper states
// them. The name is the one the seal carries: it is on the paper the citizen holds, and shown here only.

import type { Bilingual, PaperCheckView, PaperClaimsView, SessionView } from '../../session/session-view';
import { ActionButton } from '../components/ActionButton';
import { Bi } from '../components/Bi';
import { Icon } from '../components/Icon';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';
import { useUi } from '../ui-context';

export function CheckResultScreen({ view }: { view: SessionView }) {
  const { send } = useUi();
  const check = view.paperCheck;
  return (
    <ScreenFrame
      title={strings.checkResultTitle}
      class="screen-check-result"
      left={
        <ActionButton
          action="home"
          kind="secondary"
          label={strings.home}
          icon={<Icon name="home" />}
          onPress={() => send({ type: 'HOME' })}
        />
      }
      right={
        <ActionButton
          action="check-another"
          kind="primary"
          label={strings.checkAnother}
          icon={<Icon name="qr" />}
          onPress={() => send({ type: 'CHECK_PAPER' })}
        />
      }
    >
      {check && <Verdict check={check} />}
      {check?.claims && <Claims claims={check.claims} />}
    </ScreenFrame>
  );
}

function Verdict({ check }: { check: PaperCheckView }) {
  const valid = check.verdict === 'valid';
  return (
    <div class={`check-verdict check-verdict-${valid ? 'good' : 'bad'}`} role="status" data-verdict={check.verdict}>
      <Icon name={valid ? 'check' : 'alert'} />
      <div>
        <Bi text={check.verdictText} />
        {check.verdict === 'invalid' && (
          <p class="check-verdict-hint">
            <Bi text={strings.checkInvalidHint} both={false} />
          </p>
        )}
      </div>
    </div>
  );
}

function Claims({ claims }: { claims: PaperClaimsView }) {
  const rows: Array<{ key: string; label: Bilingual; value: string | Bilingual }> = [
    { key: 'type', label: strings.checkCertType, value: claims.certType },
    { key: 'id', label: strings.checkCertId, value: claims.certId },
    { key: 'holder', label: strings.checkHolder, value: claims.holderName },
    { key: 'idNumber', label: strings.checkIdNumber, value: claims.maskedIdNumber },
    ...claims.facts.map((fact) => ({ key: `fact:${fact.label.en}`, label: fact.label, value: fact.value })),
    { key: 'issuer', label: strings.checkIssuer, value: claims.issuerName },
    { key: 'issuedOn', label: strings.checkIssuedOn, value: claims.issuedOn },
    { key: 'validUntil', label: strings.checkValidUntil, value: claims.validUntil },
  ];
  return (
    <section class="check-claims" aria-label={strings.checkClaims.zh}>
      <h2>
        <Bi text={strings.checkClaims} />
      </h2>
      <dl>
        {rows.map((row) => (
          <div key={row.key} class="check-claim" data-claim={row.key}>
            <dt>
              <Bi text={row.label} both={false} />
            </dt>
            <dd>{typeof row.value === 'string' ? row.value : <Bi text={row.value} both={false} />}</dd>
          </div>
        ))}
      </dl>
      <p class="check-claims-note">
        <Bi text={strings.checkClaimsNote} both={false} />
      </p>
    </section>
  );
}
