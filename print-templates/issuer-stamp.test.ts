// The issuer's stamp and the specimen watermark on the A4 page, checked with pdftotext and pdftoppm; and the
// template's side of it: a template places a stamp, it can never supply one.

import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CertificateDocumentData } from './certificate-document';
import { boundingBox, pagePixels, type PagePixels } from './fixtures/page-pixels';
import { runTool, scratchDir, squeezed } from './fixtures/pdf-tools';
import { kq1LikeSeal, zhangSanNoPropertyProof, zhangSanSocialSecurityRecord } from './fixtures/synthetic-certificates';
import { syntheticStamp } from './fixtures/synthetic-stamp';
import { renderCertificatesA4 } from './render-a4';
import { specimenWatermarkText } from './specimen-watermark';
import { type A4Template, checkA4Template } from './template-schema';
import { loadBundledTemplate } from './template-store';

const template = loadBundledTemplate();
const dpi = 100;
const mmPerPixel = 25.4 / dpi;
let scratch: Awaited<ReturnType<typeof scratchDir>>;

beforeAll(async () => {
  scratch = await scratchDir();
});
afterAll(async () => {
  await scratch.remove();
});

async function render(name: string, certificates: CertificateDocumentData[], using: A4Template = template): Promise<string> {
  return scratch.write(`${name}.pdf`, (await renderCertificatesA4(certificates, using)).pdf);
}

async function pageText(file: string, page: number, raw = false): Promise<string> {
  return runTool('pdftotext', ['-enc', 'UTF-8', ...(raw ? ['-raw'] : []), '-f', String(page), '-l', String(page), file, '-']);
}

const isStampRed = ([r, g, b]: [number, number, number]) => r > 150 && g < 120 && b < 120;
const isDark = ([r, g, b]: [number, number, number]) => r + g + b < 200;

/** Where pdftotext found the issuer's name on page 1, in pixels at `dpi`. */
async function issuerNameBox(file: string): Promise<{ x0: number; y0: number; x1: number; y1: number }> {
  const layout = await runTool('pdftotext', ['-bbox-layout', '-f', '1', '-l', '1', file, '-']);
  const word = new RegExp(
    `<word xMin="([\\d.]+)" yMin="([\\d.]+)" xMax="([\\d.]+)" yMax="([\\d.]+)">${zhangSanNoPropertyProof.issuer.name}</word>`,
  ).exec(layout);
  if (!word) throw new Error("pdftotext did not find the issuer's name");
  const px = (pt: string) => (Number(pt) / 72) * dpi;
  return { x0: px(word[1]!), y0: px(word[2]!), x1: px(word[3]!), y1: px(word[4]!) };
}

function countIn(
  pixels: PagePixels,
  box: { x0: number; y0: number; x1: number; y1: number },
  test: (rgb: [number, number, number]) => boolean,
): number {
  let count = 0;
  for (let y = Math.floor(box.y0); y <= box.y1; y++) for (let x = Math.floor(box.x0); x <= box.x1; x++) if (test(pixels.at(x, y))) count++;
  return count;
}

describe("the issuer's stamp", () => {
  it("is drawn in the issuer's colour, as large as the template says, over the issuer's name", async () => {
    const file = await render('stamped', [{ ...zhangSanNoPropertyProof, stamp: syntheticStamp }]);
    const pixels = await pagePixels(file, 1, dpi, `${scratch.path}/stamped`);
    const red = boundingBox(pixels, isStampRed);
    expect(red).not.toBeNull();
    // The bundled template's stamp is 42 mm across, and the ring fills 192 of the stamp's 200 units.
    const ringMm = (42 * 192) / 200;
    expect(Math.abs((red!.x1 - red!.x0 + 1) * mmPerPixel - ringMm)).toBeLessThan(0.75);
    expect(Math.abs((red!.y1 - red!.y0 + 1) * mmPerPixel - ringMm)).toBeLessThan(0.75);
    const name = await issuerNameBox(file);
    expect(red!.x0 < name.x1 && name.x0 < red!.x1 && red!.y0 < name.y1 && name.y0 < red!.y1).toBe(true);
    // The name stays printed and readable under it.
    expect(squeezed(await pageText(file, 1))).toContain(zhangSanNoPropertyProof.issuer.name);
  });

  it('is not drawn when the certificate carries none', async () => {
    for (const stamp of [undefined, null]) {
      const file = await render('unstamped', [{ ...zhangSanNoPropertyProof, stamp }]);
      expect(boundingBox(await pagePixels(file, 1, dpi, `${scratch.path}/unstamped`), isStampRed)).toBeNull();
    }
  });

  it('prints black where the template says so (a monochrome printer)', async () => {
    const black: A4Template = { ...template, blocks: template.blocks.map((b) => (b.type === 'stamp' ? { ...b, ink: 'black' } : b)) };
    const withStamp = await render('black', [{ ...zhangSanNoPropertyProof, stamp: syntheticStamp }], black);
    const without = await render('none', [zhangSanNoPropertyProof], black);
    const stamped = await pagePixels(withStamp, 1, dpi, `${scratch.path}/black`);
    const plain = await pagePixels(without, 1, dpi, `${scratch.path}/none`);
    expect(boundingBox(stamped, isStampRed)).toBeNull();
    const around = await issuerNameBox(withStamp);
    const box = { x0: around.x0 - 80, y0: around.y0 - 80, x1: around.x1 + 20, y1: around.y1 + 120 };
    expect(countIn(stamped, box, isDark)).toBeGreaterThan(countIn(plain, box, isDark) + 800);
  });

  it('prints black on a monochrome printer, whatever the template says', async () => {
    const certificate = { ...zhangSanNoPropertyProof, stamp: syntheticStamp };
    const pdf = (await renderCertificatesA4([certificate], template, { monochrome: true })).pdf;
    const file = await scratch.write('monochrome.pdf', pdf);
    expect(boundingBox(await pagePixels(file, 1, dpi, `${scratch.path}/monochrome`), isStampRed)).toBeNull();
    const coloured = await render('coloured', [certificate]);
    expect(boundingBox(await pagePixels(coloured, 1, dpi, `${scratch.path}/coloured`), isStampRed)).not.toBeNull();
  });
});

describe('a specimen (a certificate verified under a test trust list)', () => {
  it(`carries "${specimenWatermarkText}" on every page and 样本 in the stamp`, async () => {
    const specimen = { specimen: true, stamp: syntheticStamp };
    const file = await render('specimen', [
      { ...zhangSanNoPropertyProof, ...specimen },
      { ...zhangSanSocialSecurityRecord, ...specimen },
    ]);
    for (const page of [1, 2]) {
      // The watermark runs diagonally: pdftotext's reading order keeps its characters in sequence only in raw mode.
      const raw = squeezed(await pageText(file, page, true));
      expect(raw).toContain(squeezed(specimenWatermarkText));
      // Once in the watermark and once inside the stamp.
      expect(raw.split('样本').length - 1).toBe(2);
    }
    // Diagonal, as pdftotext's layout mode shows: never one horizontal line.
    expect(squeezed(await pageText(file, 1))).not.toContain(squeezed(specimenWatermarkText));
  });

  it('keeps its seal scannable under the watermark', async () => {
    const seal = kq1LikeSeal(360, 9);
    const file = await render('specimen-seal', [{ ...zhangSanNoPropertyProof, seal, specimen: true, stamp: syntheticStamp }]);
    const prefix = `${scratch.path}/specimen-seal`;
    await runTool('pdftoppm', ['-r', '300', '-png', '-singlefile', file, prefix]);
    expect(await runTool('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', `${prefix}.png`])).toBe(seal + '\n');
  });

  it('carries the watermark even without a stamp, and a real paper carries neither', async () => {
    const file = await render('mixed', [
      { ...zhangSanNoPropertyProof, specimen: true },
      { ...zhangSanSocialSecurityRecord, stamp: syntheticStamp },
    ]);
    const first = squeezed(await pageText(file, 1, true));
    expect(first).toContain(squeezed(specimenWatermarkText));
    expect(first.split('样本').length - 1).toBe(1);
    expect(await pageText(file, 2, true)).not.toMatch(/样|SPECIMEN|仅供测试/);
  });
});

describe('a template places a stamp but cannot supply one', () => {
  const bundledJson = readFileSync(new URL('./bundled/certificate-a4.json', import.meta.url), 'utf8');
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break the JSON on purpose
  const copy = (): Record<string, any> => JSON.parse(bundledJson);
  const stampIndex = copy().blocks.findIndex((b: { type: string }) => b.type === 'stamp');
  const problems = (input: unknown) => {
    const check = checkA4Template(input);
    if (check.ok) throw new Error('expected the template to be refused');
    return check.error;
  };

  it('the bundled template places one, over the issuer block', () => {
    expect(stampIndex).toBeGreaterThan(0);
    expect(template.blocks[stampIndex]).toMatchObject({ type: 'stamp', sizeMm: 42, ink: 'issuer' });
  });

  it.each([
    ['paths', ['M0 0L1 1Z']],
    ['viewBox', [100, 100]],
    ['color', '#ff0000'],
    ['svg', '<svg/>'],
    ['image', 'stamp.png'],
    ['stamp', { paths: ['M0 0L1 1Z'], viewBox: [1, 1], color: '#ff0000' }],
  ])('a stamp block with its own %s is refused', (key, value) => {
    const t = copy();
    t.blocks[stampIndex][key] = value;
    expect(problems(t)).toEqual([expect.stringMatching(new RegExp(`^blocks\\[${stampIndex}\\]: .*"${key}"`))]);
  });

  it('a stamp anywhere else in the template is refused', () => {
    const top = copy();
    top.stamp = syntheticStamp;
    expect(problems(top)).toEqual([expect.stringMatching(/^\(template\): .*"stamp"/)]);
    const inText = copy();
    inText.blocks[0].stamp = syntheticStamp;
    expect(problems(inText)).toEqual([expect.stringMatching(/^blocks\[0\]: .*"stamp"/)]);
  });

  it("a stamp block that does not follow the issuer's name, or a second one, is refused", () => {
    const first = copy();
    first.blocks.unshift(first.blocks.splice(stampIndex, 1)[0]);
    expect(problems(first)).toContain('blocks[0]: a stamp goes right after the text block that prints {issuerName}');
    const twice = copy();
    twice.blocks.splice(stampIndex + 1, 0, { ...twice.blocks[stampIndex] });
    expect(problems(twice)).toEqual(
      expect.arrayContaining([
        `blocks[${stampIndex + 1}]: a stamp goes right after the text block that prints {issuerName}`,
        'blocks: has 2 "stamp" blocks, at most one',
      ]),
    );
  });
});
