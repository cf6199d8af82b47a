// The A4 printer's test page: one A4 sheet with the kiosk's wording, the Asia/Shanghai date and time, a frame
// at the printable margins and a grey scale — enough for staff to judge alignment and toner. No personal data.

import PDFDocument from 'pdfkit';
import { parsedFont } from '../../print-templates/bundled-fonts';
import { formatDateZh, shanghaiClockTime, shanghaiDate } from '../../print-templates/shanghai-date';

const MM = 72 / 25.4;
const A4: [number, number] = [210 * MM, 297 * MM];

/** "2026年1月5日 09:07" in Asia/Shanghai, whatever the machine's zone. */
export function shanghaiDateTime(now: Date): string {
  return `${formatDateZh(shanghaiDate(now))} ${shanghaiClockTime(now)}`;
}

export async function renderA4TestPage(now: Date, printerUri: string): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: A4,
    margin: 0,
    font: '',
    pdfVersion: '1.7',
    lang: 'zh-CN',
    info: { Title: '打印测试页', Creator: 'zuiduo-paoyici kiosk' },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  // pdfkit 0.20 takes a parsed fontkit font here; its typings predate that (as in print-templates/render-a4.ts).
  doc.registerFont('sc', parsedFont('noto-sans-sc-regular') as unknown as PDFKit.Mixins.PDFFontSource);
  doc.font('sc');

  doc
    .lineWidth(1)
    .rect(10 * MM, 10 * MM, 190 * MM, 277 * MM)
    .stroke();
  doc.fontSize(26).text('自助终端 A4 打印测试页', 20 * MM, 30 * MM, { width: 170 * MM, align: 'center' });
  doc.fontSize(13).text('Self-service kiosk — A4 printer test page', { width: 170 * MM, align: 'center' });
  doc.moveDown(2).fontSize(14);
  doc.text(`打印时间：${shanghaiDateTime(now)}（北京时间）`, 20 * MM);
  doc.text(`打印机：${printerUri}`);
  doc.moveDown();
  doc.text('本页用于检查打印机的走纸、对齐和墨粉，不含任何个人信息。');
  doc.text('This page checks paper feed, alignment and toner. It holds no personal data.');
  doc.moveDown();
  doc.text('最多跑一次 · 如本页打印不全，请联系工作人员。');

  // A grey scale: faint steps show toner running low before the certificates do.
  const top = 150 * MM;
  for (let step = 0; step < 10; step++) {
    const grey = Math.round(255 - (step + 1) * 25.5);
    doc.rect((20 + step * 17) * MM, top, 17 * MM, 20 * MM).fill([grey, grey, grey]);
  }
  doc
    .fillColor('black')
    .fontSize(10)
    .text('10% – 100%', 20 * MM, top + 22 * MM);
  doc.end();
  await ended;
  return Buffer.concat(chunks);
}
