// The receipt preview: the bundled template with each sample, to PDF, read back by poppler (pdftotext) and, once
// rasterised by pdftoppm, the QR code read back by zbarimg.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { pdfText } from '../test/support/pdf-text';
import { checkReceiptFacts, type ReceiptFacts } from './receipt-facts';
import { renderReceiptPreview } from './receipt-preview';
import { loadBundledReceiptTemplate } from './receipt-template-store';
import { renderReceipt } from './render-receipt';

const dir = mkdtempSync(join(tmpdir(), 'receipt-preview-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sample(name: string): ReceiptFacts {
  const check = checkReceiptFacts(JSON.parse(readFileSync(new URL(`./bundled/samples/${name}.json`, import.meta.url), 'utf8')));
  if (!check.ok) throw new Error(check.error.join('; '));
  return check.value;
}

async function preview(name: string): Promise<{ pdf: string; png: string }> {
  const receipt = renderReceipt(loadBundledReceiptTemplate(), sample(name));
  if (!receipt.ok) throw new Error(receipt.error);
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, await renderReceiptPreview(receipt.value));
  execFileSync('pdftoppm', ['-png', '-r', '203', '-singlefile', pdf, join(dir, name)]);
  return { pdf, png: join(dir, `${name}.png`) };
}

/** The QR codes zbarimg finds in an image (it exits 4 when there are none). */
function qrCodesIn(png: string): string[] {
  try {
    return execFileSync('zbarimg', ['-q', '--raw', '-Sdisable', '-Sqrcode.enable', png], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\n')
      .filter(Boolean);
  } catch (error) {
    if ((error as { status?: number }).status === 4) return [];
    throw error;
  }
}

describe('receipt preview', () => {
  it('a printed errand: every line as text, 80 mm wide, and a QR code that reads as the verifier address', async () => {
    const { pdf, png } = await preview('receipt-printed');
    const text = pdfText(pdf);
    for (const line of ['浙江政务服务 自助终端', '姓名 Name: 阿******提', '时间 Time: 2026-11-23 10:15', 'NP-330100-20261123-000001'])
      expect(text).toContain(line);
    expect(text).toContain('请持本证明到公积金中心办理提取');
    expect(qrCodesIn(png)).toEqual(['https://verify.example.gov.cn/kq1']);
    const width = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Page size:\s+([\d.]+) x/)?.[1];
    expect(Number(width)).toBeCloseTo((80 / 25.4) * 72, 0);
  });

  it('not printed: the reason as text and no QR code', async () => {
    const { pdf, png } = await preview('receipt-not-printed');
    expect(pdfText(pdf)).toContain('未打印 Not printed');
    expect(pdfText(pdf)).toContain('打印机缺纸');
    expect(qrCodesIn(png)).toEqual([]);
  });
});
