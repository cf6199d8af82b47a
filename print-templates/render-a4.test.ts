// The A4 engine, checked with the real tools a person would use: pdftotext, pdfinfo, pdftoppm and zbarimg.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { CertificateDocumentData } from './certificate-document';
import { runTool, scratchDir, squeezed } from './fixtures/pdf-tools';
import { kq1LikeSeal, zhangSanNoPropertyProof, zhangSanSocialSecurityRecord } from './fixtures/synthetic-certificates';
import { PageLayoutError } from './page-layout';
import { renderCertificatesA4 } from './render-a4';
import { loadBundledTemplate } from './template-store';

const template = loadBundledTemplate();
let scratch: Awaited<ReturnType<typeof scratchDir>>;

beforeAll(async () => {
  scratch = await scratchDir();
});
afterAll(async () => {
  await scratch.remove();
});

async function pdfFile(name: string, certificates: CertificateDocumentData[]): Promise<{ file: string; pages: number }> {
  const rendered = await renderCertificatesA4(certificates, template);
  return { file: await scratch.write(name, rendered.pdf), pages: rendered.pages };
}

describe('renderCertificatesA4', () => {
  it('prints the certificate as extractable Chinese text', async () => {
    const { file, pages } = await pdfFile('zhang-san.pdf', [zhangSanNoPropertyProof]);
    expect(pages).toBe(1);
    const text = await runTool('pdftotext', ['-enc', 'UTF-8', file, '-']);
    const flat = squeezed(text);
    expect(text).toContain('无房证明');
    expect(text).toContain('张三');
    expect(flat).toContain(squeezed(zhangSanNoPropertyProof.statement));
    expect(flat).toContain('33010619900101123X');
    expect(flat).toContain('查询范围杭州市');
    expect(flat).toContain('杭州市不动产登记服务中心');
    // Issued at 23:30 UTC on 22 November, which is 23 November in Shanghai.
    expect(flat).toContain('出具日期：2026年11月23日');
    expect(flat).toContain('有效期至：2026年12月23日');
    expect(flat).toContain('HZBDC-NPP-330100-20261123-000042');
    expect(text).toContain('扫码核验 / scan to verify');
  });

  it('prints an errand of two certificates as one two-page PDF, one certificate per page', async () => {
    const { file, pages } = await pdfFile('errand.pdf', [zhangSanNoPropertyProof, zhangSanSocialSecurityRecord]);
    expect(pages).toBe(2);
    const info = await runTool('pdfinfo', [file]);
    expect(info).toMatch(/^Pages:\s+2$/m);
    expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)$/m);
    const page1 = await runTool('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', file, '-']);
    const page2 = await runTool('pdftotext', ['-enc', 'UTF-8', '-f', '2', '-l', '2', file, '-']);
    expect(page1).toContain('无房证明');
    expect(page1).not.toContain('社会保险参保证明');
    expect(page2).toContain('社会保险参保证明');
    expect(squeezed(page2)).toContain('累计缴费月数86');
  });

  it('keeps personal data out of the PDF metadata', async () => {
    const { file } = await pdfFile('metadata.pdf', [zhangSanNoPropertyProof, zhangSanSocialSecurityRecord]);
    const info = await runTool('pdfinfo', ['-enc', 'UTF-8', file]);
    expect(info).toMatch(/^Title:\s+无房证明、社会保险参保证明$/m);
    expect(info).not.toContain('张三');
    expect(info).not.toContain('33010619900101123X');
  });

  it.each([
    ['a typical seal (300 bytes, 450 characters)', kq1LikeSeal(300, 7)],
    ['the largest seal the contract allows (360 bytes, 540 characters)', kq1LikeSeal(360, 8)],
  ])('prints %s as a QR code that scans back to the exact string', async (_, seal) => {
    const { file } = await pdfFile('seal.pdf', [{ ...zhangSanNoPropertyProof, seal }]);
    const prefix = `${scratch.path}/seal`;
    await runTool('pdftoppm', ['-r', '300', '-png', '-singlefile', file, prefix]);
    const decoded = await runTool('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', `${prefix}.png`]);
    expect(decoded).toBe(seal + '\n');
  });

  it('refuses a certificate that does not fit on one page, without repeating its data', async () => {
    const long = { ...zhangSanNoPropertyProof, statement: zhangSanNoPropertyProof.statement.repeat(30) };
    const attempt = renderCertificatesA4([long], template);
    await expect(attempt).rejects.toThrow(PageLayoutError);
    await expect(attempt).rejects.toThrow(expect.objectContaining({ message: expect.not.stringMatching(/张三|330106/) }));
  });

  it('refuses an empty print', async () => {
    await expect(renderCertificatesA4([], template)).rejects.toThrow(RangeError);
  });
});
