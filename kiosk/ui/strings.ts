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

/** "共 2 份 / 2 papers": how many papers an errand prints. */
export function paperCount(count: number): Bilingual {
  return { zh: `共 ${count} 份`, en: count === 1 ? '1 paper' : `${count} papers` };
}

/** A page's name for a screen reader: the canvas itself is a picture. */
export function pageLabel(page: number, pages: number): Bilingual {
  return { zh: `第 ${page} 页，共 ${pages} 页`, en: `Page ${page} of ${pages}` };
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
  headerHome: { zh: '回首页', en: 'Home' },
  confirmLeaveErrand: {
    zh: '结束本次办理并回到首页吗？已读取的信息将被清除。',
    en: 'End this errand and go home? What was read will be cleared.',
  },
  backHome: { zh: '返回首页', en: 'Back to home' },

  // Home
  homeTitle: { zh: '请选择要办理的事项', en: 'Choose what you need' },
  homeHint: { zh: '大多数事项只需带上身份证', en: 'Most errands need only your ID card' },
  unavailable: { zh: '暂不可办', en: 'Not available now' },
  kioskNoticeTitle: { zh: '本机暂时不能办理证明', en: 'This kiosk cannot issue papers right now' },
  kioskNoticeErrands: { zh: '暂时不能办理：', en: 'Not possible now:' },
  kioskNoticeCheckPaper: {
    zh: '核验证明仍可在本机办理（见下方），无需打印',
    en: 'You can still check a paper here (below): it needs no printing',
  },
  homeStillHere: { zh: '本机仍可办理', en: 'Still available at this kiosk' },
  attractTitle: { zh: '欢迎使用自助办理', en: 'Welcome to self-service' },
  attractHint: { zh: '轻触屏幕开始', en: 'Touch the screen to begin' },

  // 核验证明 / Check a paper
  checkPaperTile: { zh: '核验证明', en: 'Check a paper' },
  checkPaperSummary: {
    zh: '扫描证明上的二维码，查看是否真实有效，无需身份证',
    en: "Scan a certificate's QR code to see whether it is genuine; no ID card needed",
  },
  checkScanTitle: { zh: '请将证明上的二维码对准扫码窗口', en: "Hold the paper's QR code under the scanner" },
  checkScanHint: {
    zh: '扫码窗口在屏幕下方，标有二维码图标。将二维码朝下，距窗口约10厘米。',
    en: 'The scanner is below the screen, marked with a QR-code sign. Hold the code face down, about 10 cm from it.',
  },
  checkResultTitle: { zh: '核验结果', en: 'Result of the check' },
  checkClaims: { zh: '证明所载内容', en: 'What the paper states' },
  checkClaimsNote: {
    zh: '请核对以上内容与纸质证明一致，并与持证人的身份证核对姓名和证件号。',
    en: "Compare these with the paper, and the name and ID number with the presenter's ID card.",
  },
  checkCertType: { zh: '证明类型', en: 'Certificate' },
  checkCertId: { zh: '证明编号', en: 'Certificate number' },
  checkHolder: { zh: '持证人', en: 'Holder' },
  checkIdNumber: { zh: '证件号', en: 'ID number' },
  checkIssuer: { zh: '出具机构', en: 'Issued by' },
  checkIssuedOn: { zh: '出具日期', en: 'Issued on' },
  checkValidUntil: { zh: '有效期至', en: 'Valid until' },
  checkInvalidHint: {
    zh: '此证明的二维码未通过核验，请勿采信，可到服务窗口咨询。',
    en: 'This code did not pass the check. Do not rely on the paper; ask at a staffed window.',
  },
  checkAnother: { zh: '核验另一份', en: 'Check another' },

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
  noCardWithYou: { zh: '没带身份证？', en: 'No ID card with you?' },
  useAppCode: { zh: '用浙里办亮证码', en: 'Use the app code' },

  // 浙里办亮证码 / The app code (sharing-gateway-v1.1)
  appCodeTitle: { zh: '请用浙里办扫描下方二维码', en: 'Scan this QR code with the Zheliban app' },
  appCodeQrLabel: { zh: '供浙里办扫描的二维码', en: 'QR code for the Zheliban app to scan' },
  appCodeStep1: { zh: '打开浙里办，点“扫一扫”，扫描屏幕上的二维码', en: 'Open Zheliban, tap Scan, and scan the QR code on this screen' },
  appCodeStep2: { zh: '在手机上确认授权，手机会显示亮证码', en: 'Confirm on your phone; it then shows your app code' },
  appCodeStep3: {
    zh: '把手机上的亮证码朝下，放在屏幕下方的扫码窗口上方约10厘米处',
    en: 'Hold the code on your phone face down, about 10 cm above the scanner below the screen',
  },
  appCodeScannerWhere: {
    zh: '扫码窗口在屏幕正下方，标有二维码图标',
    en: 'The scanner is just below the screen, marked with a QR-code sign',
  },
  appCodeSecondsLeft: { zh: '二维码有效时间还剩', en: 'This QR code is valid for another' },
  appCodeSeconds: { zh: '秒', en: 's' },
  appCodeExpired: { zh: '二维码已过期', en: 'This QR code has expired' },
  appCodeExpiredHint: {
    zh: '为保护您的信息，二维码只在2分钟内有效。请点击“换一个二维码”后重新扫描。',
    en: 'To protect you, a QR code is good for 2 minutes only. Tap "New QR code" and scan again.',
  },
  renewChallenge: { zh: '换一个二维码', en: 'New QR code' },
  appCodeNotAppCode: {
    zh: '扫到的不是浙里办亮证码，本机没有使用它。请在浙里办中扫描屏幕上的二维码并确认后，出示手机上的亮证码。',
    en: 'What was scanned is not a Zheliban app code; the kiosk did not use it. Scan the QR code on this screen in Zheliban, confirm, then show the code on your phone.',
  },
  appCodeForExpired: {
    zh: '二维码已过期，本机没有使用这个亮证码。请点击“换一个二维码”，重新扫描。',
    en: 'The QR code has expired, so the kiosk did not use this app code. Tap "New QR code" and scan again.',
  },

  // 是您本人吗？ / Is this you?
  confirmIdentityTitle: { zh: '是您本人吗？', en: 'Is this you?' },
  confirmIdentityHint: {
    zh: '浙里办亮证码对应以下人员。只有是您本人时才能继续办理。',
    en: 'The app code belongs to the person below. Go on only if this is you.',
  },
  confirmIdentityName: { zh: '姓名', en: 'Name' },
  confirmIdentityIdNumber: { zh: '证件号码', en: 'ID number' },
  isMe: { zh: '是，是我本人', en: 'Yes, this is me' },
  notMe: { zh: '不是', en: 'No' },

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

  // Partial 一件事: a part refused by its department
  partialTitle: { zh: '部分证明未能出具', en: 'Not every certificate could be issued' },
  partialHint: {
    zh: '请选择：打印已出具的证明，或不打印并结束。',
    en: 'Choose: print the certificates issued, or stop without printing.',
  },
  partialIssued: { zh: '已出具', en: 'Issued' },
  partialStop: { zh: '不打印，结束', en: 'Stop' },
  partialBack: { zh: '返回上一步', en: 'Back' },

  // Preview
  previewTitle: { zh: '请核对证明内容', en: 'Please check your certificate' },
  previewHint: {
    zh: '请核对姓名和身份证号码，无误后点击打印。',
    en: 'Check your name and ID number, then tap Print.',
  },
  previewLoading: { zh: '正在显示证明，请稍候…', en: 'Showing your papers, please wait…' },
  previewFailed: {
    zh: '证明预览暂时无法显示。您仍可点击“打印”，打印内容不受影响；也可点击“取消”返回。',
    en: 'The preview cannot be shown just now. You can still tap Print (the paper is not affected), or Cancel to go back.',
  },
  previewScroll: { zh: '上下滑动查看每一页', en: 'Swipe up and down to see every page' },
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
  faultKiosk: { zh: '本机设备故障，不是您的问题', en: "A fault of this kiosk's devices, not yours" },
  faultService: {
    zh: '数据共享平台或部门的故障，不是您的问题',
    en: 'A fault of the data-sharing service or a department, not yours',
  },
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

  // Out of service (staff took the kiosk out of service)
  oosTitle: { zh: '本机暂停服务', en: 'This kiosk is out of service' },
  oosDetail: {
    zh: '工作人员已暂停本机的服务。您可以前往以下地点办理，或在手机上使用“浙里办”。',
    en: 'Staff have paused this kiosk. You can go to one of the places below, or use the Zhelibang app on your phone.',
  },
  oosNearby: { zh: '附近可以办理的地方', en: 'Places nearby' },
  oosApp: { zh: '在手机上办理', en: 'On your phone' },
  oosAppStep: {
    zh: '打开“浙里办”App，搜索要办理的事项，在线申请并下载证明。',
    en: 'Open the Zhelibang (浙里办) app, search for the errand, apply online and download the certificate.',
  },
  oosNoPoints: { zh: '请向现场工作人员咨询', en: 'Please ask the staff on site' },

  // Maintenance code refused (on home or out of service)
  codeRefusedTitle: { zh: '维护码未被接受', en: 'Maintenance code refused' },
  refusalMalformed: { zh: '这不是本机可识别的维护码。', en: 'This is not a maintenance code this kiosk can read.' },
  refusalBadSignature: {
    zh: '维护码的签名无效，不是由运维维护密钥签发的。',
    en: 'The code’s signature is not valid: it was not signed by the operator’s maintenance key.',
  },
  refusalExpired: { zh: '维护码已过期，请重新申领。', en: 'The code has expired. Please get a new one.' },
  refusalTooLongLived: {
    zh: '维护码有效期超过 12 小时，本机不予接受。',
    en: 'The code is valid for more than 12 hours, which this kiosk does not accept.',
  },
  refusalOtherKiosk: { zh: '维护码不是为本机签发的。', en: 'The code was issued for another kiosk.' },
  refusalUnknownStaff: {
    zh: '维护码上的工作人员未在本机登记。',
    en: 'The staff member named on the code is not registered on this kiosk.',
  },
  refusalNotConfigured: {
    zh: '本机未配置维护密钥，无法进入维护模式。',
    en: 'This kiosk has no maintenance key configured, so maintenance mode cannot be entered.',
  },
  refusalLocked: {
    zh: 'PIN 错误次数过多，维护入口已锁定。',
    en: 'Too many wrong PINs: maintenance entry is locked.',
  },
  lockedUntil: { zh: '解锁时间', en: 'Unlocks at' },

  // Maintenance: PIN
  maintenanceMode: { zh: '维护模式', en: 'Maintenance' },
  staffWaiting: { zh: '正在进入维护模式…', en: 'Entering maintenance mode…' },
  pinTitle: { zh: '请输入您的 PIN 码', en: 'Enter your PIN' },
  staffId: { zh: '工号', en: 'Staff ID' },
  pinWrong: { zh: 'PIN 码错误', en: 'Wrong PIN' },
  attemptsLeft: { zh: '剩余尝试次数', en: 'Attempts left' },
  pinChecking: { zh: '正在核对…', en: 'Checking…' },
  pinDelete: { zh: '删除', en: 'Delete' },
  pinOk: { zh: '确定', en: 'OK' },
  leave: { zh: '离开', en: 'Leave' },
  leaveMaintenance: { zh: '离开维护', en: 'Leave' },

  // Maintenance: frame
  endsAt: { zh: '维护结束时间', en: 'Ends at' },
  idleWarning: { zh: '秒后无操作将自动退出维护模式', en: 'seconds without a touch and maintenance mode ends' },
  stay: { zh: '继续', en: 'Stay' },
  pageDevices: { zh: '设备状态', en: 'Devices' },
  pageTests: { zh: '自检', en: 'Self-tests' },
  pageRecords: { zh: '检测记录', en: 'Records' },
  pageErrors: { zh: '最近错误', en: 'Recent errors' },
  pageRatings: { zh: '好差评', en: 'Ratings' },
  pageService: { zh: '服务', en: 'Service' },
  none: { zh: '暂无', en: 'None' },
  running: { zh: '正在进行…', en: 'Running…' },

  // Maintenance: devices
  deviceIdReader: { zh: '身份证阅读器', en: 'ID card reader' },
  deviceScanner: { zh: '扫码器', en: 'Code scanner' },
  deviceA4Printer: { zh: 'A4 打印机', en: 'A4 printer' },
  deviceReceiptPrinter: { zh: '凭条打印机', en: 'Receipt printer' },
  deviceState: { zh: '状态', en: 'State' },
  deviceUsable: { zh: '正常', en: 'Working' },
  deviceUnusable: { zh: '不可用', en: 'Not working' },
  deviceNotConfigured: { zh: '未配置', en: 'Not configured' },
  gateway: { zh: '共享平台网关', en: 'Data-sharing gateway' },
  gatewayAvailable: { zh: '可用', en: 'Available' },
  gatewayUnavailable: { zh: '不可用', en: 'Unavailable' },
  breaker: { zh: '熔断器', en: 'Circuit breaker' },
  clockOffset: { zh: '时钟偏差', en: 'Clock offset' },
  trustListVersion: { zh: '信任列表版本', en: 'Trust list version' },
  trustListNextUpdate: { zh: '信任列表下次更新', en: 'Trust list next update' },
  trustListStale: { zh: '信任列表已过期', en: 'Trust list is stale' },
  trustListTest: { zh: '测试信任列表：打印的证明均为样本', en: 'Test trust list: every paper printed is a specimen' },
  templateVersion: { zh: '模板版本', en: 'Template version' },

  // Maintenance: tests
  testAll: { zh: '全部状态检测', en: 'All status tests' },
  testCardRead: { zh: '读身份证', en: 'Read a card' },
  testScanCode: { zh: '扫码', en: 'Scan a code' },
  testA4Page: { zh: 'A4 测试页', en: 'A4 test page' },
  testReceipt: { zh: '测试凭条', en: 'Test receipt' },
  testGateway: { zh: '网关连通', en: 'Gateway' },
  lastOutcome: { zh: '最近一次结果', en: 'Last result' },
  passed: { zh: '通过', en: 'Passed' },
  failed: { zh: '未通过', en: 'Failed' },
  skipped: { zh: '跳过', en: 'Skipped' },
  cardName: { zh: '姓名（已遮蔽）', en: 'Name (masked)' },
  cardIdNumber: { zh: '身份证号（已遮蔽）', en: 'ID number (masked)' },
  problem: { zh: '问题', en: 'Problem' },
  codeLength: { zh: '长度', en: 'Length' },
  codeSymbology: { zh: '码制', en: 'Symbology' },
  codeText: { zh: '内容', en: 'Text' },
  reveal: { zh: '显示', en: 'Reveal' },
  refusedAction: { zh: '未执行', en: 'Not done' },
  paperRefilledDone: { zh: '已记录补纸', en: 'Refill recorded' },
  serviceNowOut: { zh: '已暂停服务', en: 'Service paused' },
  serviceNowIn: { zh: '已恢复服务', en: 'Service resumed' },

  // Maintenance: records, errors, ratings
  recordBy: { zh: '操作人', en: 'By' },
  ratingsSince: { zh: '统计起始', en: 'Counted since' },
  ratingsTotal: { zh: '合计', en: 'All errands' },

  // Maintenance: service
  paper: { zh: '纸张', en: 'Paper' },
  refilledAt: { zh: '上次补纸', en: 'Last refill' },
  neverRefilled: { zh: '尚未记录', en: 'Not recorded yet' },
  usedSinceSheets: { zh: '此后已打印（张）', en: 'Sheets printed since' },
  usedSinceReceipts: { zh: '此后已打印（张凭条）', en: 'Receipts printed since' },
  paperRefilled: { zh: '补纸完成', en: 'Paper refilled' },
  serviceState: { zh: '对群众服务', en: 'Service to citizens' },
  serviceIn: { zh: '正常服务中', en: 'In service' },
  serviceOut: {
    zh: '已暂停服务（离开维护后群众将看到暂停服务页面）',
    en: 'Out of service (citizens see the out-of-service page once you leave)',
  },
  pauseService: { zh: '暂停服务', en: 'Take out of service' },
  resumeService: { zh: '恢复服务', en: 'Back in service' },
  restart: { zh: '重启', en: 'Restart' },
  restartHint: { zh: '重启本机程序，约需一分钟', en: 'Restarts the kiosk software; takes about a minute' },
  confirmPause: { zh: '确定暂停对群众的服务吗？', en: 'Take the kiosk out of service?' },
  confirmResume: { zh: '确定恢复对群众的服务吗？', en: 'Put the kiosk back in service?' },
  confirmRestart: { zh: '确定重启本机程序吗？维护模式将结束。', en: 'Restart the kiosk software? Maintenance mode will end.' },
  confirm: { zh: '确认', en: 'Confirm' },
} as const satisfies Record<string, Bilingual>;

export type StringKey = keyof typeof strings;
