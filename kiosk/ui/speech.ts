// Spoken prompts through the browser's speechSynthesis. Headless or stripped-down browsers have none,
// so every call is a no-op there rather than an error.

import type { Language } from '../session/session-view';

export interface Speaker {
  speak(text: string, language: Language, options?: { slow?: boolean }): void;
  stop(): void;
}

/** The parts of SpeechSynthesis this module uses. */
export interface SynthLike {
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
  getVoices(): SpeechSynthesisVoice[];
}

const LOCALE: Record<Language, string> = { zh: 'zh-CN', en: 'en-US' };

export function createSpeaker(
  synth: SynthLike | undefined = globalThis.speechSynthesis,
  Utterance: typeof SpeechSynthesisUtterance | undefined = globalThis.SpeechSynthesisUtterance,
): Speaker {
  if (!synth || !Utterance) return { speak: () => undefined, stop: () => undefined };
  return {
    speak(text, language, options) {
      // A new prompt replaces the old one: the citizen hears the screen in front of them, not a queue.
      synth.cancel();
      if (!text) return;
      const utterance = new Utterance(text);
      utterance.lang = LOCALE[language];
      utterance.rate = options?.slow ? 0.8 : 1;
      const voice = synth.getVoices().find((v) => v.lang.replace('_', '-').startsWith(LOCALE[language]));
      if (voice) utterance.voice = voice;
      synth.speak(utterance);
    },
    stop() {
      synth.cancel();
    },
  };
}
