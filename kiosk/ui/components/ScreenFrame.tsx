// The shape of every screen: a heading, the content, and an action bar at the bottom.
// Cancel sits on the left and the primary action on the right, on every screen: a double tap on a primary
// button then lands on empty space of the next screen instead of on its Cancel.

import type { ComponentChildren } from 'preact';
import type { Bilingual } from '../../session/session-view';
import { Bi } from './Bi';

export function ScreenFrame(props: {
  title: Bilingual;
  subtitle?: Bilingual;
  children?: ComponentChildren;
  left?: ComponentChildren;
  right?: ComponentChildren;
  class?: string;
  /** Extra data-* attributes for tests and staff, e.g. data-failure. */
  data?: Record<`data-${string}`, string>;
}) {
  const hasActions = props.left !== undefined || props.right !== undefined;
  return (
    <section class={`screen${props.class ? ` ${props.class}` : ''}`} {...props.data}>
      <header class="screen-head">
        <h1>
          <Bi text={props.title} />
        </h1>
        {props.subtitle && (
          <p class="screen-subtitle">
            <Bi text={props.subtitle} both={false} />
          </p>
        )}
      </header>
      {/* Focusable: a body taller than the screen scrolls by touch, and by keys for assistive technology. */}
      <div class="screen-body" tabIndex={0}>
        {props.children}
      </div>
      {hasActions && (
        <footer class="actions">
          <div class="actions-left">{props.left}</div>
          <div class="actions-right">{props.right}</div>
        </footer>
      )}
    </section>
  );
}
