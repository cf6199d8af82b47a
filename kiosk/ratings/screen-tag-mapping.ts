// The rating screen's reason tags (Chinese, the agent's closed list) in the words of the platform's closed list.
// `clear` and `data-wrong` have no tag on the screen yet.

import type { PlatformRatingTag } from '../gateway/platform-ratings';
import type { ratingTags } from '../session/ui-events';

export type ScreenRatingTag = (typeof ratingTags)[number];

export const platformTagOf: Readonly<Record<ScreenRatingTag, PlatformRatingTag>> = {
  办理快捷: 'fast',
  操作简单: 'easy',
  等待太久: 'slow',
  操作复杂: 'confusing',
  打印问题: 'device-fault',
};

/** Each once; a tag outside the screen's list is dropped, never sent as text. */
export function platformTags(screenTags: readonly string[]): PlatformRatingTag[] {
  const chosen = new Set<PlatformRatingTag>();
  for (const tag of screenTags) {
    if (Object.hasOwn(platformTagOf, tag)) chosen.add(platformTagOf[tag as ScreenRatingTag]);
  }
  return [...chosen];
}
