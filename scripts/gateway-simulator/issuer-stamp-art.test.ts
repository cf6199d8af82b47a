// The simulator's generated stamps: valid trust-list stamps (path data only, within the contract's size), drawn
// by the A4 engine as a red ring with the issuer's name, and carried by the simulator's test trust list.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maxStampBytes, readIssuerStamp } from '../../verifier/issuer-stamp';
import { boundingBox, pagePixels } from '../../print-templates/fixtures/page-pixels';
import { runTool, scratchDir, squeezed } from '../../print-templates/fixtures/pdf-tools';
import { zhangSanNoPropertyProof } from '../../print-templates/fixtures/synthetic-certificates';
import { renderCertificatesA4 } from '../../print-templates/render-a4';
import { loadBundledTemplate } from '../../print-templates/template-store';
import { departments } from './departments';
import { generateIssuerStamp } from './issuer-stamp-art';
import { prepareSimulatorFiles } from './simulator-files';

let scratch: Awaited<ReturnType<typeof scratchDir>>;
beforeAll(async () => {
  scratch = await scratchDir();
});
afterAll(async () => {
  await scratch.remove();
});

describe('generated issuer stamps', () => {
  it.each([...departments.map((d) => d.name), '浙江省杭州市西湖区人力资源和社会保障局劳动保障监察大队'])(
    '%s: a valid stamp within 32 KiB',
    (name) => {
      const stamp = generateIssuerStamp(name);
      expect(readIssuerStamp(stamp).ok).toBe(true);
      expect(new TextEncoder().encode(JSON.stringify(stamp)).length).toBeLessThanOrEqual(maxStampBytes);
      // A ring, a star, and the name's outlines: no text anywhere.
      expect(stamp.paths).toHaveLength(3);
      expect(JSON.stringify(stamp)).not.toMatch(/[\u4e00-\u9fff]/);
    },
  );

  it('is drawn red on the page, the name outlined (no extra text for pdftotext)', async () => {
    const stamp = generateIssuerStamp(zhangSanNoPropertyProof.issuer.name);
    const file = await scratch.write(
      'stamp.pdf',
      (await renderCertificatesA4([{ ...zhangSanNoPropertyProof, stamp }], loadBundledTemplate())).pdf,
    );
    const red = boundingBox(await pagePixels(file, 1, 100, `${scratch.path}/stamp`), ([r, g, b]) => r > 150 && g < 120 && b < 120);
    expect(red).not.toBeNull();
    // The ring alone is about 2,900 pixels at 100 dpi; the star and the lettering add the rest.
    expect(red!.count).toBeGreaterThan(4_000);
    const text = squeezed(await runTool('pdftotext', ['-enc', 'UTF-8', file, '-']));
    expect(text.split(zhangSanNoPropertyProof.issuer.name).length - 1).toBe(1);
  });
});

describe("the simulator's trust list", () => {
  it('is a test list whose every issuer carries its stamp', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'simulator-stamps-'));
    try {
      const { trustList } = await prepareSimulatorFiles(dir, [], new Date());
      expect(trustList.environment).toBe('test');
      expect(trustList.issuers.size).toBe(departments.length * 2);
      for (const entry of trustList.issuers.values()) {
        expect(entry.stamp).toEqual(generateIssuerStamp(entry.name));
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
