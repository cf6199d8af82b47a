import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';

import { parsedFont } from './bundled-fonts';
import { writeStringsNatively } from './native-string-bytes';
import { compressStreamsFast } from './stream-compression';

/** A page with what the engine writes: CJK text in an embedded subset, a metadata title, lines, filled squares. */
async function pdf(native: boolean): Promise<Buffer> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    font: '',
    info: { Title: '无房证明、居住证明', CreationDate: new Date(Date.UTC(2026, 10, 23)) },
  });
  compressStreamsFast(doc);
  if (native) writeStringsNatively(doc);
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise((resolve) => doc.on('end', resolve));
  doc.registerFont('body', parsedFont('noto-sans-sc-regular') as unknown as PDFKit.Mixins.PDFFontSource);
  doc.addPage();
  doc
    .font('body')
    .fontSize(12)
    .text('经查询，截至2026年11月23日，张三（身份证号码33010619900101123X）无登记在册的住房。䶮·ÀÉ', 72, 72, { width: 300 });
  doc.moveTo(72, 300).lineTo(500, 300).lineWidth(0.5).stroke();
  for (let i = 0; i < 20; i++) doc.rect(72 + i * 3, 320, 3, 3).fill('#000');
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}

describe('strings written through Node’s latin1 encoding', () => {
  it('give the very bytes pdfkit writes itself', async () => {
    const [theirs, ours] = await Promise.all([pdf(false), pdf(true)]);
    expect(theirs.length).toBeGreaterThan(1000);
    expect(ours.equals(theirs)).toBe(true);
  });

  it('keep the low byte of a character beyond latin1, as pdfkit does', () => {
    expect([...Buffer.from('%\xFF\u4e2d', 'latin1')]).toEqual([0x25, 0xff, 0x2d]);
  });
});
