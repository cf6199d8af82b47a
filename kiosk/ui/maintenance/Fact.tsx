// One name → value line of a staff page (a <div> inside a <dl class="maint-facts">): the name in both
// languages on one line, since staff pages are dense.

import type { Bilingual } from '../../session/session-view';

export function Fact({ name, value, data }: { name: Bilingual; value: string | number; data?: Record<`data-${string}`, string> }) {
  return (
    <div {...data}>
      <dt>
        <span lang="zh-CN">{name.zh}</span> / <span lang="en">{name.en}</span>
      </dt>
      <dd>{value}</dd>
    </div>
  );
}
