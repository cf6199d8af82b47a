// Language, elderly mode, large text, high contrast, mute and repeat: one tap away on every screen.
// The agent owns the prefs (and resets them per session); a tap asks it to change them.
// Each toggle shows its state in words and a tick, not by colour alone.

import type { Bilingual, DisplayPrefs } from '../../session/session-view';
import { pick, strings } from '../strings';
import { useUi } from '../ui-context';
import { Icon, type IconName } from './Icon';

type Toggle = 'elderly' | 'largeText' | 'highContrast' | 'muted';

const TOGGLES: Array<{ pref: Toggle; action: string; label: Bilingual; icon: IconName }> = [
  { pref: 'elderly', action: 'pref:elderly', label: strings.elderly, icon: 'elderly' },
  { pref: 'largeText', action: 'pref:largeText', label: strings.largeText, icon: 'text' },
  { pref: 'highContrast', action: 'pref:highContrast', label: strings.highContrast, icon: 'contrast' },
  { pref: 'muted', action: 'pref:mute', label: strings.mute, icon: 'muted' },
];

export function PrefsBar({ prefs, onRepeat }: { prefs: DisplayPrefs; onRepeat: () => void }) {
  const { language, send } = useUi();
  return (
    <nav class="prefs" aria-label={pick({ zh: '显示与声音', en: 'Display and sound' }, language)}>
      <button
        type="button"
        class="pref pref-language"
        data-action="pref:language"
        lang={language === 'zh' ? 'en' : 'zh-CN'}
        onClick={() => send({ type: 'SET_PREFS', prefs: { language: language === 'zh' ? 'en' : 'zh' } })}
      >
        <Icon name="globe" />
        <span class="pref-label">{pick(strings.switchLanguage, language)}</span>
      </button>
      {TOGGLES.map(({ pref, action, label, icon }) => {
        const on = prefs[pref];
        const patch: Partial<DisplayPrefs> = {};
        patch[pref] = !on;
        return (
          <button
            key={pref}
            type="button"
            class={`pref${on ? ' pref-on' : ''}`}
            data-action={action}
            aria-pressed={on}
            onClick={() => send({ type: 'SET_PREFS', prefs: patch })}
          >
            <Icon name={on ? 'check' : icon} />
            <span class="pref-label">{pick(label, language)}</span>
            <span class="pref-state">{pick(on ? strings.on : strings.off, language)}</span>
          </button>
        );
      })}
      <button type="button" class="pref" data-action="repeat" onClick={onRepeat}>
        <Icon name="repeat" />
        <span class="pref-label">{pick(strings.repeat, language)}</span>
      </button>
    </nav>
  );
}
