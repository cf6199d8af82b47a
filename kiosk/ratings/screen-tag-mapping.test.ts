import { describe, expect, it } from 'vitest';
import { platformRatingTags } from '../gateway/platform-ratings';
import { ratingTags } from '../session/ui-events';
import { platformTagOf, platformTags } from './screen-tag-mapping';

describe('screen rating tags → the platform tag list', () => {
  it('maps every tag of the screen, each onto its own platform tag', () => {
    expect(Object.keys(platformTagOf).sort()).toEqual([...ratingTags].sort());
    const targets = Object.values(platformTagOf);
    for (const target of targets) expect(platformRatingTags).toContain(target);
    expect(new Set(targets).size).toBe(targets.length);
  });

  it('keeps the meaning of each tag', () => {
    expect(platformTagOf).toEqual({
      办理快捷: 'fast',
      操作简单: 'easy',
      等待太久: 'slow',
      操作复杂: 'confusing',
      打印问题: 'device-fault',
    });
  });

  it('sends each tag once and drops anything outside the list', () => {
    expect(platformTags(['等待太久', '打印问题', '等待太久'])).toEqual(['slow', 'device-fault']);
    expect(platformTags(['free text', 'toString', '__proto__'])).toEqual([]);
    expect(platformTags([])).toEqual([]);
  });
});
