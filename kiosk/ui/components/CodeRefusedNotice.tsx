// Why a scanned maintenance code was refused, for the few seconds the agent shows it on the home (or
// out-of-service) screen. Both languages at full size: staff read it, whatever a citizen chose before.
// It sits above the attract animation and takes no touch, so the screen under it keeps working.

import type { Bilingual } from '../../session/session-view';
import type { CodeRefusal } from '../../maintenance/maintenance-view';
import { clockTime } from '../shanghai-time';
import { strings } from '../strings';
import { Icon } from './Icon';

const REASON: Record<CodeRefusal, Bilingual> = {
  malformed: strings.refusalMalformed,
  badSignature: strings.refusalBadSignature,
  expired: strings.refusalExpired,
  tooLongLived: strings.refusalTooLongLived,
  otherKiosk: strings.refusalOtherKiosk,
  unknownStaff: strings.refusalUnknownStaff,
  notConfigured: strings.refusalNotConfigured,
  locked: strings.refusalLocked,
};

export function CodeRefusedNotice({ reason, lockedUntil }: { reason: CodeRefusal; lockedUntil: string | null }) {
  const text = REASON[reason];
  const until = reason === 'locked' && lockedUntil ? clockTime(lockedUntil) : null;
  return (
    <div class="code-refused" role="alert" data-code-refused={reason}>
      <p class="notice notice-warning">
        <Icon name="alert" />
        <span class="code-refused-text">
          <strong lang="zh-CN">{strings.codeRefusedTitle.zh}</strong>
          <span lang="en">{strings.codeRefusedTitle.en}</span>
          <span lang="zh-CN">{text.zh}</span>
          <span lang="en">{text.en}</span>
          {until && (
            <span data-locked-until={until}>
              <span lang="zh-CN">
                {strings.lockedUntil.zh} {until}
              </span>
              {' · '}
              <span lang="en">
                {strings.lockedUntil.en} {until}
              </span>
            </span>
          )}
        </span>
      </p>
    </div>
  );
}
