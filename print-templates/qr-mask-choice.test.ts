import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';

import { kq1LikeSeal } from './fixtures/synthetic-certificates';
import { qrMatrixLevelQ } from './qr-mask-choice';
import { sealSegments } from './seal-qr';

describe('the QR mask chosen on typed arrays', () => {
  it('makes the very symbol qrcode makes, for seals of every size and both forms', () => {
    const masks = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) {
      const bare = kq1LikeSeal(20 + seed * 9, seed);
      const url = `https://verify.example.gov.cn/kq1#${bare.replaceAll('%', '%25').replaceAll(' ', '%20')}`;
      for (const seal of [bare, url]) {
        const segments = sealSegments(seal) ?? seal;
        const expected = QRCode.create(segments, { errorCorrectionLevel: 'Q' });
        masks.add(expected.maskPattern ?? -1);
        const symbol = qrMatrixLevelQ(segments);
        expect(symbol.size).toBe(expected.modules.size);
        expect(Buffer.from(symbol.data).equals(Buffer.from(expected.modules.data))).toBe(true);
      }
    }
    // The samples reach most of the eight masks, so the choice itself is tested, not one lucky answer.
    expect(masks.size).toBeGreaterThanOrEqual(6);
  });

  it("makes the same symbol for text left to qrcode's optimiser", () => {
    const expected = QRCode.create('kq1:lower case 张三', { errorCorrectionLevel: 'Q' }).modules.data;
    expect(Buffer.from(qrMatrixLevelQ('kq1:lower case 张三').data).equals(Buffer.from(expected))).toBe(true);
  });
});
