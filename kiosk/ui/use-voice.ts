// Speaks each screen's prompt when it appears (and the countdown when it starts), unless muted.
// Prompts come from prompts.ts, which never reads a name or an ID number.

import { useCallback, useEffect, useRef } from 'preact/hooks';
import type { SessionView } from '../session/session-view';
import { countdownPrompt, paperWaitingPrompt, screenPrompt } from './prompts';
import type { Speaker } from './speech';

const PAPER_REMINDER_MS = 5_000;

export function useVoice(speaker: Speaker, view: SessionView | null): () => void {
  const language = view?.prefs.language ?? 'zh';
  const muted = view?.prefs.muted ?? false;
  const slow = view?.prefs.elderly ?? false;
  const prompt = view ? screenPrompt(view, language) : '';
  const countdownOn = view?.countdown != null;
  const paperWaiting = view?.paperWaiting ?? false;
  const latest = useRef({ view, language, slow });
  latest.current = { view, language, slow };

  // A new screen, a new language, a new failure or print stage: say it.
  useEffect(() => {
    if (!view || muted) {
      speaker.stop();
      return;
    }
    speaker.speak(prompt, language, { slow });
  }, [prompt, language, muted, view === null]);

  useEffect(() => {
    const countdown = latest.current.view?.countdown;
    if (!countdown || muted) return;
    speaker.speak(countdownPrompt(countdown.secondsLeft, countdown.canExtend, language), language, { slow });
  }, [countdownOn, muted]);

  // Paper left in the tray: remind every 5 s until it is taken.
  useEffect(() => {
    if (!paperWaiting || muted) return;
    const timer = setInterval(() => speaker.speak(paperWaitingPrompt(language), language, { slow }), PAPER_REMINDER_MS);
    return () => clearInterval(timer);
  }, [paperWaiting, muted, language]);

  // Nothing may be left speaking when the UI goes away.
  useEffect(() => () => speaker.stop(), []);

  /** The 重听 button: an explicit request, so it speaks even when muted. */
  return useCallback(() => {
    const { view: v, language: lang, slow: s } = latest.current;
    if (!v) return;
    const text = v.countdown ? countdownPrompt(v.countdown.secondsLeft, v.countdown.canExtend, lang) : screenPrompt(v, lang);
    speaker.speak(text, lang, { slow: s });
  }, [speaker]);
}
