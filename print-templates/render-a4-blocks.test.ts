// The engine's images, conditional blocks and page numbers, checked in the PDF with pdftotext and pdftoppm.

import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { packetPage, samplePages } from './a4-document-data';
import { parsedFallbackFont, parsedFont } from './bundled-fonts';

import { ringPng } from './fixtures/generated-png';
import { pagePixels } from './fixtures/page-pixels';
import { runTool, scratchDir, squeezed } from './fixtures/pdf-tools';
import { zhangSanNoPropertyProof } from './fixtures/synthetic-certificates';
import { PageLayoutError } from './page-layout';
import { renderA4Pages, renderCertificatesA4 } from './render-a4';
import { type A4Template, checkA4Template } from './template-schema';
import { loadBundledTemplate, readA4Template } from './template-store';

let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeAll(async () => {
  scratch = await scratchDir();
});
afterAll(async () => {
  await scratch.remove();
});

function testPageTemplate(): A4Template {
  const check = checkA4Template({
    format: 'kiosk-a4-template/1',
    document: 'testPage',
    id: 'engine-blocks',
    version: '1',
    page: { size: 'A4', marginsMm: { top: 20, right: 20, bottom: 20, left: 20 } },
    styles: { body: { face: 'noto-sans-sc-regular', sizePt: 12 } },
    blocks: [
      { type: 'image', file: 'images/ring.png', widthMm: 40, boxAlign: 'center' },
      { type: 'text', text: '打印时间 {printedAt}', style: 'body', spaceBeforeMm: 5 },
      { type: 'text', text: '打印机 {printerUri}', style: 'body', when: { filled: 'printerUri' } },
      { type: 'text', text: '未配置打印机', style: 'body', when: { empty: 'printerUri' } },
      { type: 'text', text: '第 {pageNumber} 页 共 {pageCount} 页', style: 'body', anchor: 'bottom', align: 'center' },
    ],
  });
  if (!check.ok) throw new Error(check.error.join('; '));
  return check.value;
}

const images = new Map([['images/ring.png', ringPng(64, [200, 0, 0])]]);
const page = (printerUri: string) => ({ title: '打印测试页', values: { printedAt: '2026年11月23日 10:15', printerUri }, fields: [] });

describe('the engine’s blocks', () => {
  it('shows a block only when its placeholder is filled (or empty), and numbers the pages', async () => {
    const rendered = await renderA4Pages([page('ipp://printer.local/ipp/print'), page('')], testPageTemplate(), { images });
    expect(rendered.pages).toBe(2);
    const file = await scratch.write('conditions.pdf', rendered.pdf);
    const page1 = await runTool('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-']);
    const page2 = await runTool('pdftotext', ['-enc', 'UTF-8', '-f', '2', '-l', '2', file, '-']);
    expect(page1).toContain('打印机 ipp://printer.local/ipp/print');
    expect(page1).not.toContain('未配置打印机');
    expect(squeezed(page1)).toContain('第1页共2页');
    expect(page2).toContain('未配置打印机');
    expect(page2).not.toContain('打印机 ipp');
    expect(squeezed(page2)).toContain('第2页共2页');
  });

  it('draws a PNG image of the bundle where the template places it', async () => {
    const rendered = await renderA4Pages([page('')], testPageTemplate(), { images });
    const file = await scratch.write('image.pdf', rendered.pdf);
    const pixels = await pagePixels(file, 1, 50, `${scratch.path}/image`);
    // The 40 mm image is centred under the 20 mm top margin: its centre is at (105, 40) mm, the ring 11–19 mm out.
    const [red, green] = pixels.rgbAtMm(105, 40 - 15);
    expect(red).toBeGreaterThan(150);
    expect(green).toBeLessThan(80);
    expect(pixels.rgbAtMm(105, 40)).toEqual([255, 255, 255]);
  });

  it('refuses to draw an image the bundle does not hold', async () => {
    await expect(renderA4Pages([page('')], testPageTemplate(), {})).rejects.toThrow(/images\/ring\.png/);
  });
});

describe('long content', () => {
  const packetTemplate = () => {
    const check = readA4Template(readFileSync(new URL('./bundled/packet-a4.json', import.meta.url), 'utf8'));
    if (!check.ok) throw new Error(check.error.join('; '));
    return check.value;
  };
  const packet = packetPage({
    errandName: '新生儿出生一件事',
    holderName: '阿卜杜热合曼·买买提',
    certificates: Array.from({ length: 20 }, (_, i) => ({
      title: `证明材料第${i + 1}份`,
      certId: `HZ-TEST-${String(i + 1).padStart(4, '0')}`,
    })),
    printedAt: '2026-11-23T08:00:05Z',
    kioskId: 'HZ-XH-0001',
  });

  it('flows onto further sheets where the template says so: the table splits between rows, every sheet has its footer', async () => {
    const rendered = await renderA4Pages([packet], packetTemplate());
    expect(rendered.pages).toBe(2);
    const file = await scratch.write('flow.pdf', rendered.pdf);
    const sheets = await Promise.all(
      [1, 2].map(async (n) => squeezed(await runTool('pdftotext', ['-enc', 'UTF-8', '-f', String(n), '-l', String(n), file, '-']))),
    );
    expect(sheets[0]).toContain('第1页共2页');
    expect(sheets[1]).toContain('第2页共2页');
    expect(sheets[1]).toContain('终端编号：HZ-XH-0001');
    const all = sheets.join('');
    for (let i = 1; i <= 20; i++) expect(all.split(`HZ-TEST-${String(i).padStart(4, '0')}`)).toHaveLength(2);
    // The closing words come after the table, on the second sheet.
    expect(sheets[1]).toContain('每份证明左下方的二维码');
  });

  it('is refused where the template does not let it flow', async () => {
    const template = packetTemplate();
    await expect(renderA4Pages([packet], { ...template, page: { ...template.page, overflow: 'refuse' } })).rejects.toThrow(PageLayoutError);
  });
});

describe('rare characters', () => {
  it('prints a long minority name with 𠮷 and 䶮 whole, wrapped inside its block, with no missing glyph', async () => {
    const sample = JSON.parse(
      readFileSync(new URL('./bundled/samples/residence-proof-rare-name.json', import.meta.url), 'utf8'),
    ) as unknown;
    const pages = samplePages('certificate', sample);
    if (!pages.ok) throw new Error(pages.error.join('; '));
    const rendered = await renderA4Pages(pages.value, loadBundledTemplate());
    expect(rendered.pages).toBe(1);
    const file = await scratch.write('rare.pdf', rendered.pdf);
    const name = '阿卜杜热合曼·买买提艾力·库尔班江·𠮷䶮';
    expect(await runTool('pdftotext', ['-enc', 'UTF-8', file, '-'])).toContain(`持证人：${name}`);
    // 𠮷 is not in Noto Sans SC: it comes from the fallback face, which is embedded only when needed.
    expect(await runTool('pdffonts', [file])).toMatch(/NotoSansJP-Regular/);
    const lacking = [...name].filter((c) => !parsedFont('noto-sans-sc-regular').hasGlyphForCodePoint(c.codePointAt(0) ?? 0));
    expect(lacking).toEqual(['𠮷']);
    expect(lacking.every((c) => parsedFallbackFont('noto-sans-sc-regular').hasGlyphForCodePoint(c.codePointAt(0) ?? 0))).toBe(true);
  });

  it('embeds no fallback face where the text does not need one', async () => {
    const rendered = await renderCertificatesA4([zhangSanNoPropertyProof], loadBundledTemplate());
    expect(await runTool('pdffonts', [await scratch.write('common.pdf', rendered.pdf)])).not.toMatch(/NotoSansJP/);
  });
});
