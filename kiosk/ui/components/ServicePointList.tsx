// The kiosk's nearby service points (name, place, hours), nearest first: a next step on failure screens
// and on the out-of-service page.

import type { Bilingual, ServicePointView } from '../../session/session-view';
import { Bi } from './Bi';
import { Icon } from './Icon';

export function ServicePointList({ heading, points }: { heading: Bilingual; points: ServicePointView[] }) {
  return (
    <section class="info-block service-points" data-service-points={points.length}>
      <h2>
        <Icon name="info" />
        <Bi text={heading} />
      </h2>
      <ul class="next-steps">
        {points.map((point) => (
          <li key={point.name.zh} data-service-point={point.kind}>
            <strong>
              <Bi text={point.name} />
            </strong>
            <span class="service-point-place">
              <Bi text={point.place} />
            </span>
            <span class="service-point-hours">
              <Bi text={point.hours} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
