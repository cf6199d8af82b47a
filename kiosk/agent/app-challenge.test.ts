import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrPicture, showAppChallenge } from './app-challenge';

/** The path's rectangles back into a grid of dark modules. */
function modulesOf(path: string, size: number): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const [, x, y, w] of path.matchAll(/M(\d+) (\d+)h(\d+)v1h-\d+z/g)) {
    for (let col = Number(x); col < Number(x) + Number(w); col++) grid[Number(y)]![col] = true;
  }
  return grid;
}

describe('the challenge on the app-code screen', () => {
  it('draws exactly the dark modules of the QR code of its text', () => {
    const shown = showAppChallenge('kiosk-dev-0001', new Date());
    expect(shown.text).toBe(`ZLBK1:kiosk-dev-0001:${shown.nonce}`);
    expect(shown.lifetimeMs).toBe(120_000);
    const { modules } = QRCode.create(shown.text, { errorCorrectionLevel: 'M' });
    expect(shown.qr.size).toBe(modules.size);
    const drawn = modulesOf(shown.qr.path, modules.size);
    for (let row = 0; row < modules.size; row++) {
      for (let col = 0; col < modules.size; col++) expect(drawn[row]![col], `${row},${col}`).toBe(Boolean(modules.get(row, col)));
    }
  });

  it('is new every time', () => {
    const a = showAppChallenge('k', new Date());
    const b = showAppChallenge('k', new Date());
    expect(a.nonce).not.toBe(b.nonce);
    expect(qrPicture(a.text).path).not.toBe(qrPicture(b.text).path);
  });
});
