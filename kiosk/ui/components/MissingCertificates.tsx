// The certificates a department refused: each by name, the reason in plain words, and where to get it.

import type { PartialErrandView } from '../../session/session-view';
import { Bi } from './Bi';
import { Icon } from './Icon';

export function MissingCertificates({ missing }: { missing: PartialErrandView['missing'] }) {
  return (
    <>
      {missing.map(({ certificate, reason, whereToGo }) => (
        <section key={certificate.zh} class="info-block info-block-emphasis" data-missing={certificate.en}>
          <h2>
            <Icon name="info" />
            <Bi text={{ zh: `未出具：${certificate.zh}`, en: `Not issued: ${certificate.en}` }} />
          </h2>
          <p class="lead">
            <Bi text={reason} />
          </p>
          <ol class="next-steps">
            {whereToGo.map((step) => (
              <li key={step.zh}>
                <Bi text={step} />
              </li>
            ))}
          </ol>
        </section>
      ))}
    </>
  );
}
