// Every button that acts carries data-action, the selector the end-to-end tests (and staff) rely on.

import type { ComponentChildren } from 'preact';
import type { Bilingual } from '../../session/session-view';
import { Bi } from './Bi';

export type ButtonKind = 'primary' | 'secondary' | 'quiet';

export function ActionButton(props: {
  action: string;
  label: Bilingual;
  onPress: () => void;
  kind?: ButtonKind;
  icon?: ComponentChildren;
  class?: string;
  disabled?: boolean;
}) {
  const kind = props.kind ?? 'secondary';
  return (
    <button
      type="button"
      class={`btn btn-${kind}${props.class ? ` ${props.class}` : ''}`}
      data-action={props.action}
      disabled={props.disabled}
      onClick={props.onPress}
    >
      {props.icon && (
        <span class="btn-icon" aria-hidden="true">
          {props.icon}
        </span>
      )}
      <Bi text={props.label} />
    </button>
  );
}
