// The indeterminate bar of a screen that waits for a machine, named for screen readers by what it waits for.

import type { Bilingual } from '../../session/session-view';
import { pick } from '../strings';
import { useUi } from '../ui-context';

export function ProgressBar({ label }: { label: Bilingual }) {
  const { language } = useUi();
  return (
    <div class="progress" role="progressbar" aria-busy="true" aria-label={pick(label, language)}>
      <div class="progress-bar" />
    </div>
  );
}
