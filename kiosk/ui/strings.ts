// Every fixed text of the touch UI, Chinese and English side by side, so a translator edits one file.
// Texts that come from the agent (errand names, failure details) are already bilingual and are not here.

import type { Bilingual, Language } from '../session/session-view';

export function pick(text: Bilingual, language: Language): string {
  return text[language];
}

/** The other language's line, shown smaller under the chosen one. */
export function secondary(text: Bilingual, language: Language): string {
  return language === 'zh' ? text.en : text.zh;
}

export const strings = {
  serviceName: { zh: '政务服务自助终端', en: 'Self-service kiosk' },
  oneVisit: { zh: '最多跑一次', en: 'One visit is enough' },

  // Connection
  connecting: { zh: '正在连接，请稍候', en: 'Connecting, please wait' },
  staffAtWork: { zh: '工作人员正在维护本机', en: 'Staff are working on this kiosk' },
  outOfService: { zh: '暂停服务', en: 'Temporarily out of service' },
  outOfServiceDetail: {
    zh: '本机正在恢复，请稍候片刻，或前往附近的自助终端或服务窗口办理。',
    en: 'The kiosk is recovering. Please wait a moment, or use a kiosk nearby or a staffed window.',
  },
  retrying: { zh: '正在自动重试…', en: 'Retrying automatically…' },

  // Prefs bar
  switchLanguage: { zh: 'English', en: '中文' },
  elderly: { zh: '长辈模式', en: 'Elderly mode' },
  largeText: { zh: '大字', en: 'Large text' },
  highContrast: { zh: '高对比', en: 'High contrast' },
  mute: { zh: '静音', en: 'Mute' },
  repeat: { zh: '重听', en: 'Repeat' },
  on: { zh: '开', en: 'On' },
  off: { zh: '关', en: 'Off' },

  // Common actions
  cancel: { zh: '取消', en: 'Cancel' },
  backHome: { zh: '返回首页', en: 'Back to home' },

  // Home
  homeTitle: { zh: '请选择要办理的事项', en: 'Choose what you need' },
  homeHint: { zh: '大多数事项只需带上身份证', en: 'Most errands need only your ID card' },
  unavailable: { zh: '暂不可办', en: 'Not available now' },
  attractTitle: { zh: '欢迎使用自助办理', en: 'Welcome to self-service' },
  attractHint: { zh: '轻触屏幕开始', en: 'Touch the screen to begin' },

  // Requirements
  youNeed: { zh: '您只需要准备', en: 'All you need' },
  youWillGet: { zh: '将为您打印', en: 'We will print' },
  fetchedFrom: { zh: '信息来源', en: 'Information from' },
  start: { zh: '开始办理', en: 'Start' },

  // Place card
  placeCardTitle: { zh: '请将身份证放在读卡区', en: 'Place your ID card on the reader' },
  placeCardHint: {
    zh: '请将身份证平放在标有身份证图标的读卡区，放好后请不要移动。',
    en: 'Lay the card flat on the reader marked with an ID-card sign, and keep it still.',
  },
  readingCard: { zh: '正在读取…', en: 'Reading…' },

  // Consent
  consentTitle: { zh: '请确认授权查询', en: 'Please agree to the lookup' },
  consentApplicant: { zh: '办理人', en: 'Applicant' },
  consentWhat: { zh: '将查询', en: 'We will look up' },
  consentFrom: { zh: '向以下部门', en: 'From' },
  consentPurpose: { zh: '用途', en: 'Purpose' },
  consentNote: {
    zh: '查询结果只用于本次办理，办理结束后本机不保存您的任何信息。',
    en: 'The result is used for this errand only; the kiosk keeps none of your data afterwards.',
  },
  agree: { zh: '同意', en: 'I agree' },

  // Fetching
  fetchingTitle: { zh: '正在查询，请稍候', en: 'Looking it up, please wait' },
  fetchingHint: { zh: '通常只需几秒钟', en: 'This usually takes a few seconds' },

  // Preview
  previewTitle: { zh: '请核对证明内容', en: 'Please check your certificate' },
  previewHint: {
    zh: '请核对姓名和身份证号码，无误后点击打印。',
    en: 'Check your name and ID number, then tap Print.',
  },
  holderName: { zh: '姓名', en: 'Name' },
  holderIdNumber: { zh: '身份证号码', en: 'ID number' },
  certId: { zh: '证明编号', en: 'Certificate no.' },
  issuedOn: { zh: '出具日期', en: 'Issued on' },
  validUntil: { zh: '有效期至', en: 'Valid until' },
  print: { zh: '打印', en: 'Print' },

  // Printing
  printingTitle: { zh: '正在打印', en: 'Printing' },
  stagePreparing: { zh: '正在准备', en: 'Preparing' },
  stageSent: { zh: '已发送到打印机', en: 'Sent to the printer' },
  stagePrinting: { zh: '正在打印', en: 'Printing' },
  stageDone: { zh: '打印完成', en: 'Printed' },
  stageWaitingForPaper: {
    zh: '打印机缺纸，已通知工作人员。补纸后会自动继续打印，请在此稍候。',
    en: 'The printer ran out of paper and staff have been called. Printing will finish after a refill; please wait here.',
  },
  stageJammed: {
    zh: '打印机卡纸，已通知工作人员。处理后会自动继续打印，请在此稍候。',
    en: 'The printer has a paper jam and staff have been called. Printing will finish once it is cleared; please wait here.',
  },
  stageStopped: {
    zh: '打印机暂停，已通知工作人员。处理后会自动继续打印，请在此稍候。',
    en: 'The printer has stopped and staff have been called. Printing will finish once it is fixed; please wait here.',
  },
  printingNoPaper: {
    zh: '如果没有出纸，请联系工作人员或前往服务窗口。',
    en: 'If no paper comes out, please ask staff or go to a staffed window.',
  },

  // Take items
  takeItemsTitle: { zh: '请取走您的证明和身份证', en: 'Please take your paper and your ID card' },
  takeItemsHint: {
    zh: '证明在出纸口，身份证在读卡区。',
    en: 'The paper is in the output tray, the ID card on the reader.',
  },
  paperWaiting: { zh: '出纸口还有您的证明，请取走', en: 'Your paper is still in the tray — please take it' },

  // Rating
  ratingTitle: { zh: '请对本次服务进行评价', en: 'How was this service?' },
  ratingTagsHint: { zh: '可选：先选择原因，再点表情', en: 'Optional: choose reasons, then tap a face' },
  rate5: { zh: '非常满意', en: 'Very satisfied' },
  rate4: { zh: '满意', en: 'Satisfied' },
  rate3: { zh: '基本满意', en: 'Fairly satisfied' },
  rate2: { zh: '不满意', en: 'Dissatisfied' },
  rate1: { zh: '非常不满意', en: 'Very dissatisfied' },
  tagQuick: { zh: '办理快捷', en: 'Quick' },
  tagEasy: { zh: '操作简单', en: 'Easy to use' },
  tagSlow: { zh: '等待太久', en: 'Waited too long' },
  tagHard: { zh: '操作复杂', en: 'Hard to use' },
  tagPrint: { zh: '打印问题', en: 'Printing problem' },
  skipRating: { zh: '跳过', en: 'Skip' },

  // Thanks
  thanksTitle: { zh: '办理完成，谢谢！', en: 'All done, thank you!' },
  thanksHint: { zh: '请带好您的证明和身份证。', en: 'Please take your paper and your ID card with you.' },
  home: { zh: '返回首页', en: 'Back to home' },

  // Failed
  faultCitizen: { zh: '需要您处理', en: 'Something you can fix' },
  faultKiosk: { zh: '本机故障，不是您的问题', en: 'A fault of this kiosk, not yours' },
  faultSource: { zh: '主管部门的答复', en: 'The issuing department’s answer' },
  whatNow: { zh: '您可以', en: 'What you can do' },
  otherPlaces: { zh: '附近也可办理', en: 'Nearby, you can also go to' },
  retry: { zh: '重试', en: 'Try again' },

  // Take card
  takeCardTitle: { zh: '请取走您的身份证', en: 'Please take your ID card' },
  takeCardHint: { zh: '身份证在读卡区，请带好。', en: 'Your ID card is on the reader.' },

  // Countdown
  countdownTitle: { zh: '您还在吗？', en: 'Are you still there?' },
  countdownSeconds: { zh: '秒后将结束办理', en: 'seconds until the session ends' },
  countdownEnding: { zh: '办理即将结束，您的信息将被清除', en: 'The session is ending; your data will be cleared' },
  continue: { zh: '继续办理', en: 'Continue' },
} as const satisfies Record<string, Bilingual>;

export type StringKey = keyof typeof strings;
