// The receipt printer's test slip: Chinese and ASCII text and a QR code, cut. It holds no personal data.

import type { Receipt } from '../../device-drivers/receipt-printer/receipt-printer';
import { shanghaiDateTime } from '../../print-templates/shanghai-date';

/** What a scanner should read from the test slip's QR code: alphanumeric, like a KQ1 seal, but not one. */
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
