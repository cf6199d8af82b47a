// What each screen says aloud. Built only from fixed texts, errand names and the agent's failure texts:
// never from view.holder or view.preview, because a name or an ID number must never be spoken
// (prompts.test.ts checks this for every screen).

import type { Bilingual, Language, PrintStage, SessionView } from '../session/session-view';
import { assertNever } from './assert-never';
import { faultLabels } from './fault-labels';
import { strings } from './strings';

type PromptView = Pick<SessionView, 'screen' | 'errand' | 'failure' | 'printStage' | 'paperWaiting' | 'cardProblem'> &
  Partial<Pick<SessionView, 'paperCheck' | 'printerWarning' | 'appChallenge' | 'kioskNotice' | 'partial'>>;

export function screenPrompt(view: PromptView, language: Language): string {
  const say = (...parts: Array<Bilingual | string | undefined>): string =>
    parts
      .filter((p): p is Bilingual | string => p !== undefined)
      .map((p) => (typeof p === 'string' ? p : p[language]))
      .join(language === 'zh' ? '' : ' ');
  const sentence = (text: Bilingual): Bilingual => ({ zh: closed(text.zh, '。'), en: closed(text.en, '.') });

  switch (view.screen) {
    case 'home':
      if (!view.kioskNotice) return say(sentence(strings.homeTitle));
      return say(
        sentence(strings.kioskNoticeTitle),
        ...view.kioskNotice.problems.map(sentence),
        sentence(strings.kioskNoticeCheckPaper),
        sentence(strings.oosAppStep),
      );
    case 'requirements': {
      const bring = view.errand?.bring ?? [];
      return say(
        view.errand ? sentence(view.errand.name) : undefined,
        sentence(strings.youNeed),
        ...bring.map(sentence),
        sentence({ zh: '请点击开始办理', en: 'Tap Start' }),
      );
    }
    case 'placeCard':
      return say(view.cardProblem ? sentence(view.cardProblem) : undefined, sentence(strings.placeCardTitle));
    case 'consent':
      return say(sentence(strings.consentTitle), sentence({ zh: '如同意，请点击同意', en: 'If you agree, tap I agree' }));
    case 'appCode':
      if (view.appChallenge?.expired) return say(sentence(strings.appCodeExpired), strings.appCodeExpiredHint);
      return say(
        view.appChallenge?.problem === 'notAppCode' ? strings.appCodeNotAppCode : undefined,
        sentence(strings.appCodeTitle),
        sentence(strings.appCodeStep1),
        sentence(strings.appCodeStep2),
        sentence(strings.appCodeStep3),
        sentence(strings.appCodeScannerWhere),
      );
    case 'confirmIdentity':
      // The name is on the screen for the citizen to read; it is never spoken.
      return say(sentence(strings.confirmIdentityTitle), strings.confirmIdentityHint);
    case 'fetching':
      return say(sentence(strings.fetchingTitle));
    case 'preview': {
      // A printer that cannot print now is said before the hint, with the first thing to do.
      const warning = view.printerWarning;
      return say(
        warning ? sentence(warning.title) : undefined,
        warning ? sentence(warning.nextSteps[0] ?? warning.detail) : undefined,
        sentence(strings.previewHint),
      );
    }
    case 'partial':
      // Certificate names and the departments' reasons only: nothing of the citizen is spoken.
      return say(
        sentence(strings.partialTitle),
        ...(view.partial?.missing ?? []).flatMap(({ certificate, reason }) => [
          sentence({ zh: `未出具：${certificate.zh}`, en: `Not issued: ${certificate.en}` }),
          sentence(reason),
        ]),
        strings.partialHint,
      );
    case 'printing':
      return say(sentence(printStagePrompt(view.printStage)));
    case 'takeItems':
      return say(sentence(strings.takeItemsTitle));
    case 'rating':
      return say(sentence(strings.ratingTitle));
    case 'thanks':
      return say(sentence(strings.thanksTitle), sentence(strings.thanksHint));
    case 'failed': {
      const failure = view.failure;
      if (!failure) return say(sentence(strings.backHome));
      // Whose doing it is, said once: the badge's words (the detail no longer repeats them).
      return say(
        sentence(failure.title),
        sentence(faultLabels[failure.fault]),
        sentence(failure.detail),
        failure.nextSteps.length > 0 ? sentence(strings.whatNow) : undefined,
        ...failure.nextSteps.map(sentence),
      );
    }
    case 'takeCard':
      return say(sentence(strings.takeCardTitle));
    case 'staff':
      return say(sentence(strings.staffAtWork));
    case 'outOfService':
      return say(sentence(strings.oosTitle), strings.oosDetail);
    case 'checkScan':
      return say(sentence(strings.checkScanTitle), strings.checkScanHint);
    case 'checkResult':
      // The verdict only: the claims (a name among them) are never spoken.
      return say(sentence(strings.checkResultTitle), view.paperCheck ? sentence(view.paperCheck.verdictText) : undefined);
    default:
      return assertNever(view.screen);
  }
}

/** A text ends with one full stop: texts that already end a sentence are not given a second one ("。。"). */
function closed(text: string, stop: '。' | '.'): string {
  return /[。！？.!?]$/.test(text) ? text : `${text}${stop}`;
}

function printStagePrompt(stage: PrintStage | null): Bilingual {
  switch (stage) {
    case 'waitingForPaper':
      return strings.stageWaitingForPaper;
    case 'jammed':
      return strings.stageJammed;
    case 'stopped':
      return strings.stageStopped;
    case 'done':
      return strings.stageDone;
    case 'preparing':
    case 'sent':
    case 'printing':
    case null:
      return { zh: '正在打印，请稍候', en: 'Printing, please wait' };
    default:
      return assertNever(stage);
  }
}

export function countdownPrompt(secondsLeft: number, canExtend: boolean, language: Language): string {
  if (!canExtend) return strings.countdownEnding[language];
  return language === 'zh'
    ? `您还在吗？${secondsLeft}秒后将结束办理。如需继续，请点击继续办理。`
    : `Are you still there? The session ends in ${secondsLeft} seconds. Tap Continue to carry on.`;
}

export function paperWaitingPrompt(language: Language): string {
  return strings.paperWaiting[language];
}
