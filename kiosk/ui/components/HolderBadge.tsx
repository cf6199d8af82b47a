// The applicant as the screen may show them: masked name and ID number, exactly as the agent sent them.

import type { SessionView } from '../../session/session-view';
import { strings } from '../strings';
import { Bi } from './Bi';

export function HolderBadge({ holder }: { holder: SessionView['holder'] }) {
  if (!holder) return null;
  return (
    <div class="holder" data-holder="masked">
      <span class="holder-label">
        <Bi text={strings.consentApplicant} />
      </span>
      <span class="holder-name">{holder.maskedName}</span>
      <span class="holder-id">{holder.maskedIdNumber}</span>
    </div>
  );
}
