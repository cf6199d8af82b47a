// The receipt printer's test slips. Maintenance mode and `npm run diag` print the receipt test page template in
// force (`testPage:receipt`) with the facts below; `npm run device` prints the fixed slip, which needs no template:
// Chinese and ASCII text and a QR code, cut. Neither holds personal data.

import type { Receipt } from '../../device-drivers/receipt-printer/receipt-printer';
import type { ReceiptFacts } from '../../print-templates/receipt-facts';
import { shanghaiDateTime } from '../../print-templates/shanghai-date';

/** What a scanner should read from the fixed slip's QR code: alphanumeric, like a KQ1 seal, but not one. */
export const TEST_QR_PAYLOAD = 'ZJZW-RECEIPT-PRINTER-TEST';

export function testReceipt(at: Date): Receipt {
  return {
    lines: [
      { kind: 'text', text: '浙江政务服务 自助终端', size: 'large', align: 'center' },
      { kind: 'text', text: '小票打印机测试', align: 'center' },
      { kind: 'feed', lines: 1 },
      { kind: 'text', text: `时间：${shanghaiDateTime(at)}` },
      { kind: 'text', text: '中文：最多跑一次 · 一件事 · 一次告知' },
      { kind: 'text', text: 'ASCII: 0123456789 ABCDEFG abcdefg' },
      { kind: 'qr', data: TEST_QR_PAYLOAD },
      { kind: 'text', text: `扫码应读出：${TEST_QR_PAYLOAD}`, align: 'center' },
      { kind: 'feed', lines: 2 },
    ],
  };
}

/** The facts a receipt test page template is printed with: the kiosk's, a staff member's, no citizen's. */
export function testReceiptFacts(kioskId: string, at: Date, verifierUrl: string | null): ReceiptFacts {
  return {
    kioskId,
    at: at.toISOString(),
    errandName: { zh: '凭条打印机测试', en: 'Receipt printer test' },
    maskedName: '维护人员',
    printed: true,
    result: { zh: '测试页', en: 'Test page' },
    nextStep: { zh: '请核对上方各行是否完整清晰', en: 'Check that every line above is whole and clear' },
    certificates: [{ id: 'TEST-0000', name: { zh: '测试', en: 'Test' } }],
    // The QR code shows the printer's; only an address a receipt may carry.
    verifierUrl: verifierUrl?.startsWith('https://') && !verifierUrl.includes('#') ? verifierUrl : null,
    errandGuideUrl: null,
  };
}
