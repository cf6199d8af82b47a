// Shown whenever the agent cannot be reached (and, as "connecting", before its first view): a designed
// page instead of a browser error. The connection module keeps retrying behind it.

import { strings } from '../strings';
import { Icon } from './Icon';

export function OutOfService({ connecting }: { connecting: boolean }) {
  // Both languages at full size: no session, so no language choice yet.
  return (
    <section class="screen screen-oos">
      <div class="oos-card">
        <div class={`oos-icon${connecting ? ' oos-icon-spin' : ''}`} aria-hidden="true">
          <Icon name={connecting ? 'repeat' : 'pause'} />
        </div>
        {connecting ? (
          <>
            <h1 lang="zh-CN">{strings.connecting.zh}</h1>
            <p class="oos-en" lang="en">
              {strings.connecting.en}
            </p>
          </>
        ) : (
          <>
            <h1 lang="zh-CN">{strings.outOfService.zh}</h1>
            <p class="oos-en oos-en-title" lang="en">
              {strings.outOfService.en}
            </p>
            <p class="oos-detail" lang="zh-CN">
              {strings.outOfServiceDetail.zh}
            </p>
            <p class="oos-detail oos-en" lang="en">
              {strings.outOfServiceDetail.en}
            </p>
            <p class="oos-retry">
              <span class="dots" aria-hidden="true" />
              {strings.retrying.zh} · {strings.retrying.en}
            </p>
          </>
        )}
      </div>
    </section>
  );
}
