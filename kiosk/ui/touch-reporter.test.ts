import { describe, expect, it } from 'vitest';
import type { UiEvent } from '../session/ui-events';
import { createTouchReporter } from './touch-reporter';

describe('createTouchReporter', () => {
  it('sends at most one TOUCH per 2 s', () => {
    let now = 0;
    const sent: UiEvent[] = [];
    const report = createTouchReporter(
      (e) => sent.push(e),
      2_000,
      () => now,
    );
    report();
    now = 1_999;
    report();
    now = 2_000;
    report();
    now = 2_500;
    report();
    expect(sent).toEqual([{ type: 'TOUCH' }, { type: 'TOUCH' }]);
  });
});
