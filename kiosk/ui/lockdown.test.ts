// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { installLockdown } from './lockdown';

let uninstall: (() => void) | null = null;
afterEach(() => {
  uninstall?.();
  uninstall = null;
});

function fire(event: Event, target: EventTarget = document): boolean {
  target.dispatchEvent(event);
  return event.defaultPrevented;
}

describe('installLockdown', () => {
  it('blocks the context menu, selection, drag and shortcuts', () => {
    uninstall = installLockdown();
    expect(fire(new Event('contextmenu', { cancelable: true, bubbles: true }))).toBe(true);
    expect(fire(new Event('selectstart', { cancelable: true, bubbles: true }))).toBe(true);
    expect(fire(new Event('dragstart', { cancelable: true, bubbles: true }))).toBe(true);
    expect(fire(new KeyboardEvent('keydown', { key: 'r', ctrlKey: true, cancelable: true, bubbles: true }))).toBe(true);
    expect(fire(new KeyboardEvent('keydown', { key: 'F5', cancelable: true, bubbles: true }))).toBe(true);
    expect(fire(new KeyboardEvent('keydown', { key: 'ArrowLeft', altKey: true, cancelable: true, bubbles: true }))).toBe(true);
    expect(fire(new KeyboardEvent('keydown', { key: 'Backspace', cancelable: true, bubbles: true }))).toBe(true);
  });

  it('lets plain typing through in an input (the dev panel scan field)', () => {
    uninstall = installLockdown();
    const input = document.createElement('input');
    document.body.appendChild(input);
    expect(fire(new KeyboardEvent('keydown', { key: 'a', cancelable: true, bubbles: true }), input)).toBe(false);
    expect(fire(new KeyboardEvent('keydown', { key: 'Backspace', cancelable: true, bubbles: true }), input)).toBe(false);
    input.remove();
  });

  it('pushes a history entry so Back stays on this page', () => {
    const before = history.length;
    uninstall = installLockdown();
    expect(history.length).toBe(before + 1);
  });
});
