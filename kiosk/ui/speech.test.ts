import { describe, expect, it } from 'vitest';
import { createSpeaker, type SynthLike } from './speech';

class FakeUtterance {
  lang = '';
  rate = 1;
  voice: unknown = null;
  constructor(readonly text: string) {}
}

describe('createSpeaker', () => {
  it('does nothing, without throwing, where the browser has no speechSynthesis', () => {
    const speaker = createSpeaker(undefined, undefined);
    expect(() => speaker.speak('你好', 'zh')).not.toThrow();
    expect(() => speaker.stop()).not.toThrow();
  });

  it('replaces what is being said, in the chosen language, slower for elderly mode', () => {
    const spoken: FakeUtterance[] = [];
    let cancels = 0;
    const synth: SynthLike = {
      speak: (u) => void spoken.push(u as unknown as FakeUtterance),
      cancel: () => void cancels++,
      getVoices: () => [],
    };
    const speaker = createSpeaker(synth, FakeUtterance as unknown as typeof SpeechSynthesisUtterance);
    speaker.speak('请选择要办理的事项', 'zh', { slow: true });
    speaker.speak('Choose', 'en');
    expect(cancels).toBe(2);
    expect(spoken.map((u) => [u.text, u.lang, u.rate])).toEqual([
      ['请选择要办理的事项', 'zh-CN', 0.8],
      ['Choose', 'en-US', 1],
    ]);
  });
});
