// Every way an errand can fail, in plain words: what happened, whose doing, what to do now (ux.md).
// The session machine names a failure by code; the view carries these texts to the screen.

import type { PrinterReadiness } from '../../device-drivers/a4-printer/a4-printer';
import type { Bilingual, FailureView } from './session-view';

/** Where "try again" leads: back to the card, back to consent (a fresh request), a new app-code challenge, or the print check. */
export type RetryTarget = 'placeCard' | 'consent' | 'appCode' | 'printing' | null;

export type FailureDefinition = Omit<FailureView, 'code' | 'canRetry' | 'repeated'> &
  (
    | { retry: null }
    | {
        retry: Exclude<RetryTarget, null>;
        /** The title once 重试 met the same fault again: what is still wrong and who can help, not the same screen. */
        stillFailing: Bilingual;
      }
  );

export const WINDOW: Bilingual = {
  zh: '请到大厅人工窗口办理，工作人员会帮助您',
  en: 'Go to a staffed window in the hall; staff will help you',
};
export const OTHER_KIOSK: Bilingual = { zh: '可使用附近的其他自助终端', en: 'You can use another self-service kiosk nearby' };
const APP: Bilingual = {
  zh: '也可在“浙里办”App上申请，证明可邮寄到家',
  en: 'Or apply in the Zheliban app and have the paper posted to you',
};
const TRY_AGAIN: Bilingual = { zh: '请稍后点击“重试”', en: 'Tap "Try again" in a moment' };

export const failureDefinitions = {
  CARD_UNREADABLE: {
    fault: 'citizen',
    title: { zh: '无法读取您的身份证', en: 'Your ID card could not be read' },
    detail: {
      zh: '已多次尝试读取，仍未成功。证件可能损坏或放置不正确。',
      en: 'Several reads failed. The card may be damaged or placed wrongly.',
    },
    nextSteps: [{ zh: '请将身份证平放在读卡区后点击“重试”', en: 'Lay the card flat on the reader and tap "Try again"' }, WINDOW],
    retry: 'placeCard',
    stillFailing: {
      zh: '仍无法读取您的身份证，请到人工窗口办理',
      en: 'Your ID card still cannot be read; please go to a staffed window',
    },
  },
  CARD_EXPIRED: {
    fault: 'citizen',
    title: { zh: '您的证件已过有效期', en: 'Your ID card has expired' },
    detail: { zh: '过期证件不能用于办理本事项。', en: 'An expired card cannot be used for this errand.' },
    nextSteps: [{ zh: '请携带有效证件再来办理，或到人工窗口咨询', en: 'Bring a valid card, or ask at a staffed window' }, APP],
    retry: null,
  },
  APP_CODE_REFUSED: {
    fault: 'citizen',
    title: { zh: '亮证码未被接受', en: 'The app code was not accepted' },
    detail: {
      zh: '这个亮证码已使用过、已超过2分钟，或不是为本机屏幕上的这个二维码生成的。',
      en: 'The code was used before, is over 2 minutes old, or was not made for the QR code on this kiosk’s screen.',
    },
    nextSteps: [
      {
        zh: '点击“重试”，用浙里办扫描屏幕上的新二维码，确认后立即出示亮证码',
        en: 'Tap "Try again", scan the new QR code with Zheliban, confirm, and show the code at once',
      },
      { zh: '也可以返回，改用身份证办理', en: 'Or go back and use your ID card instead' },
      WINDOW,
    ],
    retry: 'appCode',
    stillFailing: {
      zh: '亮证码仍未被接受，请用浙里办扫描屏幕上的新二维码后再出示',
      en: 'The app code was still not accepted; scan the new QR code on the screen with 浙里办, then show the new code',
    },
  },
  READER_UNAVAILABLE: {
    fault: 'kiosk',
    title: { zh: '读卡器暂时无法使用', en: 'The card reader is not working' },
    detail: { zh: '读卡器没有响应，已通知工作人员。', en: 'The card reader does not respond. Staff have been told.' },
    nextSteps: [OTHER_KIOSK, WINDOW],
    retry: 'placeCard',
    stillFailing: { zh: '读卡器仍无法使用，请联系工作人员', en: 'The card reader is still not working; please ask staff' },
  },
  HOLDER_NOT_FOUND: {
    fault: 'source',
    title: { zh: '数据来源部门没有您的信息', en: 'The source departments have no record of you' },
    detail: {
      zh: '按您的姓名和证件号码，数据来源部门的系统里查不到您这个人（例如刚落户、改过姓名或信息尚未录入）。这不表示您名下有或没有房产等登记，只是本机无法据此为您开具证明。',
      en: 'Under your name and ID number, the source departments’ systems hold no record of you as a person (for example after a recent move, a change of name, or records not yet entered). This says nothing about what is registered in your name; the kiosk just cannot issue a paper from it.',
    },
    nextSteps: [
      {
        zh: '请带上身份证到人工窗口，工作人员可以人工核查并为您办理',
        en: 'Take your ID card to a staffed window: staff can check the records by hand and help you',
      },
      APP,
    ],
    retry: null,
  },
  NOT_ELIGIBLE: {
    fault: 'source',
    title: { zh: '不符合开具条件', en: 'Not eligible for this certificate' },
    detail: {
      zh: '数据来源部门的记录显示，您目前不符合开具条件。',
      en: "The source department's records show you do not meet the conditions now.",
    },
    nextSteps: [
      { zh: '如对记录有异议，请到人工窗口申请核查', en: 'If you think the records are wrong, ask a staffed window to check them' },
    ],
    retry: null,
  },
  NOT_ELIGIBLE_NO_PROPERTY: {
    fault: 'source',
    title: { zh: '无法开具无房证明', en: 'No-property proof cannot be issued' },
    detail: {
      zh: '不动产登记记录显示，您在本市名下有登记住房。',
      en: 'The real-estate register shows housing registered in your name in this city.',
    },
    nextSteps: [
      {
        zh: '如对登记信息有异议，请到不动产登记窗口申请核查',
        en: 'If the register is wrong, ask the real-estate registration window to check it',
      },
      WINDOW,
    ],
    retry: null,
  },
  NOT_ELIGIBLE_SOCIAL_SECURITY: {
    fault: 'source',
    title: { zh: '未查询到参保记录', en: 'No social-insurance record found' },
    detail: {
      zh: '社会保险部门没有您的参保缴费记录，无法开具参保证明。',
      en: 'The social-insurance centre has no contributions on record for you.',
    },
    nextSteps: [{ zh: '请到社保窗口咨询', en: 'Ask at the social-insurance window' }, WINDOW],
    retry: null,
  },
  GATEWAY_UNAVAILABLE: {
    fault: 'service',
    title: { zh: '暂时无法查询', en: 'Records cannot be fetched right now' },
    detail: {
      zh: '数据共享平台或来源部门暂时无法访问。',
      en: 'The data-sharing service or a source department cannot be reached right now.',
    },
    nextSteps: [TRY_AGAIN, WINDOW, APP],
    retry: 'consent',
    stillFailing: {
      zh: '仍无法查询，请稍后再来或到人工窗口办理',
      en: 'Records still cannot be fetched; come back later or go to a staffed window',
    },
  },
  CONSENT_EXPIRED: {
    fault: 'service',
    title: { zh: '授权已失效，请重新确认', en: 'Your consent has lapsed; please confirm again' },
    detail: {
      zh: '数据共享平台未接受本次授权，可能是确认后等待时间过长。',
      en: 'The data-sharing service did not accept the consent, perhaps because too much time passed.',
    },
    nextSteps: [{ zh: '点击“重试”，重新确认授权', en: 'Tap "Try again" and confirm once more' }, WINDOW],
    retry: 'consent',
    stillFailing: {
      zh: '授权仍未被接受，请联系工作人员',
      en: 'The consent was still not accepted; please ask staff',
    },
  },
  GATEWAY_REFUSED: {
    fault: 'kiosk',
    title: { zh: '本机暂时无法办理此事项', en: 'This kiosk cannot do this errand now' },
    detail: {
      zh: '数据共享平台拒绝了本机的请求，已通知工作人员。',
      en: "The data-sharing service refused this kiosk's request. Staff have been told.",
    },
    nextSteps: [OTHER_KIOSK, WINDOW],
    retry: null,
  },
  CERTIFICATE_INVALID: {
    fault: 'service',
    title: { zh: '证明未通过校验，未打印', en: 'The certificate failed its checks and was not printed' },
    detail: {
      zh: '收到的证明数据未能通过安全校验。为保证证明真实有效，本机没有打印。',
      en: 'The certificate received did not pass the security checks, so nothing was printed.',
    },
    nextSteps: [WINDOW, APP],
    retry: null,
  },
  DOCUMENT_UNAVAILABLE: {
    fault: 'kiosk',
    title: { zh: '证明生成失败', en: 'The document could not be prepared' },
    detail: { zh: '本机生成打印文件时出错，尚未打印任何内容。', en: 'The kiosk failed to prepare the document; nothing was printed.' },
    nextSteps: [OTHER_KIOSK, WINDOW],
    retry: null,
  },
  PRINTER_UNAVAILABLE: {
    fault: 'kiosk',
    title: { zh: '打印机暂时无法使用', en: 'The printer is not working' },
    detail: {
      zh: '打印机未连接或故障，尚未打印任何内容。已通知工作人员。',
      en: 'The printer is disconnected or faulty; nothing was printed. Staff have been told.',
    },
    nextSteps: [TRY_AGAIN, OTHER_KIOSK, WINDOW],
    retry: 'printing',
    stillFailing: { zh: '打印机仍无法使用，请联系工作人员', en: 'The printer is still not working; please ask staff' },
  },
  PRINTER_OUT_OF_PAPER: {
    fault: 'kiosk',
    title: { zh: '打印机缺纸', en: 'The printer is out of paper' },
    detail: { zh: '尚未打印任何内容。已通知工作人员补纸。', en: 'Nothing was printed. Staff have been told to add paper.' },
    nextSteps: [{ zh: '补纸后点击“重试”', en: 'Tap "Try again" once paper is added' }, OTHER_KIOSK, WINDOW],
    retry: 'printing',
    stillFailing: { zh: '打印机仍缺纸，请联系工作人员', en: 'The printer is still out of paper; please ask staff' },
  },
  PRINTER_JAMMED: {
    fault: 'kiosk',
    title: { zh: '打印机卡纸', en: 'The printer has a paper jam' },
    detail: { zh: '尚未打印任何内容。已通知工作人员处理。', en: 'Nothing was printed. Staff have been told.' },
    nextSteps: [{ zh: '处理后点击“重试”', en: 'Tap "Try again" once it is cleared' }, OTHER_KIOSK, WINDOW],
    retry: 'printing',
    stillFailing: { zh: '打印机仍卡纸，请联系工作人员', en: 'The printer is still jammed; please ask staff' },
  },
  PRINTER_OUT_OF_TONER: {
    fault: 'kiosk',
    title: { zh: '打印机墨粉用尽', en: 'The printer is out of toner' },
    detail: { zh: '尚未打印任何内容。已通知工作人员更换墨粉。', en: 'Nothing was printed. Staff have been told to replace the toner.' },
    nextSteps: [OTHER_KIOSK, WINDOW, APP],
    retry: 'printing',
    stillFailing: { zh: '打印机仍缺墨粉，请联系工作人员', en: 'The printer is still out of toner; please ask staff' },
  },
  PRINT_STALLED: {
    fault: 'kiosk',
    title: { zh: '打印暂停，等待工作人员处理', en: 'Printing is paused until staff fix the printer' },
    detail: {
      zh: '打印任务已交给打印机，打印机缺纸或卡纸。工作人员已收到通知，处理后证明会自动打印出来。',
      en: 'The job is with the printer, which is out of paper or jammed. Staff have been told; the paper will come out once it is fixed.',
    },
    nextSteps: [{ zh: '请联系大厅工作人员取件，无需重新办理', en: 'Ask hall staff for your paper; you need not start again' }],
    retry: null,
  },
  PRINT_FAILED: {
    fault: 'kiosk',
    title: { zh: '打印未完成', en: 'Printing did not finish' },
    detail: {
      zh: '打印机未能完成打印。为避免重复打印，本机不会自动重新打印。已通知工作人员。',
      en: 'The printer did not finish. To avoid a duplicate, the kiosk will not print again by itself. Staff have been told.',
    },
    nextSteps: [WINDOW],
    retry: null,
  },
} satisfies Record<string, FailureDefinition>;

export type FailureCode = keyof typeof failureDefinitions;

/** `repeated`: 重试 was tapped on this same failure and it came back, so the title says it is still so. */
export function failureView(code: FailureCode, repeated = false): FailureView {
  const definition: FailureDefinition = failureDefinitions[code];
  const { fault, title, detail, nextSteps } = definition;
  if (definition.retry === null) return { code, fault, title, detail, nextSteps, canRetry: false, repeated: false };
  return { code, fault, title: repeated ? definition.stillFailing : title, detail, nextSteps, canRetry: true, repeated };
}

export function retryTargetOf(code: FailureCode): RetryTarget {
  return failureDefinitions[code].retry;
}

/** How a session that ended on this failure is counted: a final answer about the citizen, or a failure to serve. */
export function sessionOutcomeOf(code: FailureCode): 'refused' | 'failed' {
  const { fault, retry } = failureDefinitions[code];
  // The sources' answer (no record, not eligible) and an expired card are answers; every other failure is the
  // kiosk's, the data-sharing service's or a retryable read.
  return fault === 'source' || (fault === 'citizen' && retry === null) ? 'refused' : 'failed';
}

/** Why the printer cannot take a job, as the failure the session shows. */
export function printerReadinessFailure(readiness: Exclude<PrinterReadiness, 'ready'>): FailureCode {
  switch (readiness) {
    case 'unavailable':
      return 'PRINTER_UNAVAILABLE';
    case 'paperOut':
      return 'PRINTER_OUT_OF_PAPER';
    case 'jammed':
      return 'PRINTER_JAMMED';
    case 'tonerOut':
      return 'PRINTER_OUT_OF_TONER';
  }
}
