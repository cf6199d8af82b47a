// 好差评: five faces, one tap sends the rating. Reason tags are optional and chosen before the face,
// so rating never costs more than one tap.

import { useState } from 'preact/hooks';
import type { Bilingual } from '../../session/session-view';
import type { ratingTags } from '../../session/ui-events';
import { ActionButton } from '../components/ActionButton';
import { Bi } from '../components/Bi';
import { Face } from '../components/Face';
import { Icon } from '../components/Icon';
import { ScreenFrame } from '../components/ScreenFrame';
import { strings } from '../strings';
import { useUi } from '../ui-context';

const FACES: Array<{ score: 1 | 2 | 3 | 4 | 5; label: Bilingual }> = [
  { score: 5, label: strings.rate5 },
  { score: 4, label: strings.rate4 },
  { score: 3, label: strings.rate3 },
  { score: 2, label: strings.rate2 },
  { score: 1, label: strings.rate1 },
];

type RatingTag = (typeof ratingTags)[number];

/** Tags are sent as their Chinese text (the agent's closed list): the national 好差评 system's reasons are Chinese. */
const TAGS: Array<Bilingual & { zh: RatingTag }> = [
  { zh: '办理快捷', en: strings.tagQuick.en },
  { zh: '操作简单', en: strings.tagEasy.en },
  { zh: '等待太久', en: strings.tagSlow.en },
  { zh: '操作复杂', en: strings.tagHard.en },
  { zh: '打印问题', en: strings.tagPrint.en },
];

export function RatingScreen() {
  const { send } = useUi();
  const [tags, setTags] = useState<RatingTag[]>([]);
  const toggle = (tag: RatingTag) => setTags((t) => (t.includes(tag) ? t.filter((x) => x !== tag) : [...t, tag]));
  return (
    <ScreenFrame
      title={strings.ratingTitle}
      right={
        <ActionButton action="skip-rating" kind="secondary" label={strings.skipRating} onPress={() => send({ type: 'SKIP_RATING' })} />
      }
    >
      <p class="tags-hint">
        <Bi text={strings.ratingTagsHint} both={false} />
      </p>
      <div class="tags">
        {TAGS.map((tag) => {
          const on = tags.includes(tag.zh);
          return (
            <button
              key={tag.zh}
              type="button"
              class={`tag${on ? ' tag-on' : ''}`}
              data-tag={tag.zh}
              aria-pressed={on}
              onClick={() => toggle(tag.zh)}
            >
              <span class="tag-box" aria-hidden="true">
                {on && <Icon name="check" />}
              </span>
              <Bi text={tag} both={false} />
            </button>
          );
        })}
      </div>
      <div class="faces">
        {FACES.map(({ score, label }) => (
          <button
            key={score}
            type="button"
            class={`face-button face-${score}`}
            data-action={`rate:${score}`}
            onClick={() => send({ type: 'RATE', score, tags })}
          >
            <Face score={score} />
            <Bi text={label} />
          </button>
        ))}
      </div>
    </ScreenFrame>
  );
}
