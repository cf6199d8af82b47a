// The last minute before the idle limit sends the kiosk back to service: seconds left and one "继续 / Stay".

import { ActionButton } from '../components/ActionButton';
import { Icon } from '../components/Icon';
import { strings } from '../strings';
import { useUi } from '../ui-context';

export function IdleWarningBanner({ secondsLeft }: { secondsLeft: number }) {
  const { sendMaintenance } = useUi();
  return (
    <div class="maint-idle notice notice-warning notice-pulse" role="alert" data-idle-warning={secondsLeft}>
      <Icon name="clock" />
      <span class="maint-idle-text">
        <span class="countdown-number maint-idle-number">{secondsLeft}</span>
        <span class="bi">
          <span lang="zh-CN">{strings.idleWarning.zh}</span>
          <span class="bi-sub" lang="en">
            {strings.idleWarning.en}
          </span>
        </span>
      </span>
      <ActionButton action="maintenance:stay" kind="primary" label={strings.stay} onPress={() => sendMaintenance({ type: 'TOUCH' })} />
    </div>
  );
}
