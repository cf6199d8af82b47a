// A titled list of bilingual items: what to bring, what will be printed, who is asked, what to do next.

import type { Bilingual } from '../../session/session-view';
import { Bi } from './Bi';
import { Icon, type IconName } from './Icon';

export function InfoList(props: { icon: IconName; heading: Bilingual; items: Bilingual[]; emphasis?: boolean }) {
  return (
    <section class={`info-block${props.emphasis ? ' info-block-emphasis' : ''}`}>
      <h2>
        <Icon name={props.icon} />
        <Bi text={props.heading} />
      </h2>
      <ul>
        {props.items.map((item) => (
          <li key={item.zh}>
            <Bi text={item} both={false} />
          </li>
        ))}
      </ul>
    </section>
  );
}
