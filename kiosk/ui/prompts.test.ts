import { describe, expect, it } from 'vitest';
import type { Language, PrintStage, SessionView } from '../session/session-view';
import { failureDefinitions, failureView, type FailureCode } from '../session/failures';
import { allScreens, viewsByScreen } from './fixtures/session-views';
import { countdownPrompt, screenPrompt } from './prompts';

/** Every personal value a view can carry: none may ever be spoken. */
function personalValues(view: SessionView): string[] {
  const values: string[] = [];
  if (view.holder) values.push(view.holder.maskedName, view.holder.maskedIdNumber);
  if (view.preview) values.push(view.preview.pdfBase64, ...view.preview.papers.map((paper) => paper.certId));
  if (view.namedHolder) values.push(view.namedHolder.name, view.namedHolder.maskedIdNumber);
  return values;
}

/** The preview's PDF, put on every screen's view so no screen's prompt can reach for it unseen. */
const preview = viewsByScreen.preview.preview;
const holder = viewsByScreen.consent.holder;

describe('spoken prompts', () => {
  const languages: Language[] = ['zh', 'en'];
  for (const screen of allScreens) {
    for (const language of languages) {
      it(`${screen} (${language}) has a prompt and no personal value`, () => {
        const view: SessionView = { ...viewsByScreen[screen], holder, preview };
        const prompt = screenPrompt(view, language);
        expect(prompt.length).toBeGreaterThan(3);
        for (const value of personalValues(view)) expect(prompt).not.toContain(value);
        // Not even a fragment of the ID number (e.g. its last four digits) or the surname with a mask.
        expect(prompt).not.toMatch(/\d{4}/);
        expect(prompt).not.toContain('*');
      });
    }
  }

  it('speaks Chinese by default and English when chosen', () => {
    expect(screenPrompt(viewsByScreen.home, 'zh')).toContain('请选择');
    expect(screenPrompt(viewsByScreen.home, 'en')).toMatch(/^[\x20-\x7e’]+$/);
  });

  it('says the failure, and what to do next', () => {
    const prompt = screenPrompt(viewsByScreen.failed, 'zh');
    expect(prompt).toContain('暂时无法查询');
    expect(prompt).toContain('前往一楼综合服务窗口办理');
  });

  describe('every failure is spoken with one full stop per sentence and says whose doing it is once', () => {
    const codes = Object.keys(failureDefinitions) as FailureCode[];
    for (const code of codes) {
      for (const repeated of [false, true]) {
        it(`${code}${repeated ? ' (again after 重试)' : ''}`, () => {
          const failure = failureView(code, repeated);
          const zh = screenPrompt({ ...viewsByScreen.failed, failure }, 'zh');
          const en = screenPrompt({ ...viewsByScreen.failed, failure }, 'en');
          expect(zh).not.toMatch(/[。.][。.]/);
          expect(en).not.toMatch(/\.\s*\./);
          const zhSentences = zh.split('。').filter(Boolean);
          expect(new Set(zhSentences).size).toBe(zhSentences.length);
          // "不是您的问题 / not yours" once at most: the badge says it, the detail does not repeat it.
          expect(zh.match(/不是您的/g)?.length ?? 0).toBeLessThanOrEqual(1);
          expect(en.match(/not yours|not your fault/g)?.length ?? 0).toBeLessThanOrEqual(1);
          expect(zh).toContain(failure.title.zh);
        });
      }
    }
  });

  it('says why printing stalled', () => {
    const stages: PrintStage[] = ['waitingForPaper', 'jammed'];
    for (const printStage of stages) {
      expect(screenPrompt({ ...viewsByScreen.printing, printStage }, 'zh')).toContain('工作人员');
    }
  });

  it('says on the preview that the printer cannot print now, and what to do, before 打印 is tapped', () => {
    const warned: SessionView = {
      ...viewsByScreen.preview,
      printerWarning: {
        problem: 'jammed',
        title: { zh: '打印机卡纸', en: 'The printer has a paper jam' },
        detail: { zh: '现在点“打印”将无法打印。', en: 'Tapping Print will not print now.' },
        nextSteps: [{ zh: '请联系大厅工作人员处理打印机', en: 'Ask hall staff to see to the printer' }],
      },
    };
    expect(screenPrompt(warned, 'zh')).toMatch(/^打印机卡纸。请联系大厅工作人员处理打印机。/);
    expect(screenPrompt(warned, 'en')).toContain('The printer has a paper jam');
    expect(screenPrompt(viewsByScreen.preview, 'zh')).not.toContain('打印机');
  });

  it('speaks the countdown, or that the session is ending', () => {
    expect(countdownPrompt(30, true, 'zh')).toContain('30秒');
    expect(countdownPrompt(30, false, 'en')).toContain('ending');
  });
});
