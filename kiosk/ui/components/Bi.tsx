// A bilingual text: the chosen language first, the other one as a smaller second line.

import type { Bilingual, Language } from '../../session/session-view';
import { pick, secondary } from '../strings';
import { useUi } from '../ui-context';

const LANG_ATTR: Record<Language, string> = { zh: 'zh-CN', en: 'en' };

export function Bi({ text, both = true }: { text: Bilingual; both?: boolean }) {
  const { language } = useUi();
  const other: Language = language === 'zh' ? 'en' : 'zh';
  return (
    <span class="bi">
      <span class="bi-main" lang={LANG_ATTR[language]}>
        {pick(text, language)}
      </span>
      {both && (
        <span class="bi-sub" lang={LANG_ATTR[other]}>
          {secondary(text, language)}
        </span>
      )}
    </span>
  );
}

/** Plain text in the chosen language, for body copy where a second line would be noise. */
export function T({ text }: { text: Bilingual }) {
  const { language } = useUi();
  return <>{pick(text, language)}</>;
}
