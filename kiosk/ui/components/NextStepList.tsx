// "What you can do": the next steps of a failure or a warning, in order, each in both languages.

import type { Bilingual } from '../../session/session-view';
import { strings } from '../strings';
import { Bi } from './Bi';
import { Icon } from './Icon';

export function NextStepList({ steps }: { steps: Bilingual[] }) {
  if (steps.length === 0) return null;
  return (
    <section class="info-block info-block-emphasis">
      <h2>
        <Icon name="check" />
        <Bi text={strings.whatNow} />
      </h2>
      <ol class="next-steps">
        {steps.map((step) => (
          <li key={step.zh}>
            <Bi text={step} />
          </li>
        ))}
      </ol>
    </section>
  );
}
