// The preview's part of the view: the print job's own PDF, its papers, and the printer's state before 打印.

import { describe, expect, it } from 'vitest';
import { ok } from '../../device-drivers/result';
import { createSessionHarness, testCertificate } from '../../test/support/session-harness';

describe('the preview view', () => {
  it('carries the print job’s own bytes and its paper, on the preview screen only', async () => {
    const h = createSessionHarness();
    await h.toFetching();
    h.fetch.resolve(ok([testCertificate()]));
    await h.flush();
    expect(h.view().preview).toBeNull(); // still preparing the document
    h.prepare.resolve(h.document);
    await h.flush();
    expect(h.screen()).toBe('preview');
    const preview = h.view().preview!;
    expect(Buffer.from(preview.pdfBase64, 'base64')).toEqual(Buffer.from(h.document.pdf));
    expect(preview).toMatchObject({ pages: 1, papers: [{ title: '无房证明', certId: 'NPP-TEST-0001' }] });
    expect(h.view().printerWarning).toBeNull();
    // Nothing of a certificate but its title and number besides the PDF: no second layout to disagree with it.
    expect(JSON.stringify(preview)).not.toContain(testCertificate().holder.idNumber);
    h.send({ type: 'PRINT' });
    await h.flush();
    expect(h.screen()).toBe('printing');
    expect(h.view().preview).toBeNull();
    h.setPrinter('paperOut');
    expect(h.view().printerWarning).toBeNull(); // the printing screen says it its own way
  });

  it('names each paper of an errand that prints several', async () => {
    const h = createSessionHarness();
    await h.toFetching();
    const second = {
      ...testCertificate(),
      certId: 'SSR-TEST-0002',
      certType: 'social-security-record' as const,
      title: '社会保险参保证明',
    };
    h.fetch.resolve(ok([testCertificate(), second]));
    await h.flush();
    h.prepare.resolve({ ...h.document, pages: 2 });
    await h.flush();
    expect(h.view().preview).toMatchObject({
      pages: 2,
      papers: [
        { title: '无房证明', certId: 'NPP-TEST-0001' },
        { title: '社会保险参保证明', certId: 'SSR-TEST-0002' },
      ],
    });
  });

  it.each([
    ['paperOut', '打印机缺纸'],
    ['jammed', '打印机卡纸'],
    ['unavailable', '打印机暂时无法使用'],
    ['tonerOut', '打印机墨粉用尽'],
  ] as const)('warns before 打印 when the printer is %s, in both languages, with the next steps', async (problem, title) => {
    const h = createSessionHarness();
    await h.toPreview();
    h.setPrinter(problem);
    const warning = h.view().printerWarning;
    expect(warning).toMatchObject({ problem, title: { zh: title, en: expect.any(String) } });
    expect(warning!.detail.en).not.toBe('');
    expect(warning!.nextSteps.map((step) => step.zh)).toEqual([
      expect.stringContaining('工作人员'),
      expect.stringContaining('其他自助终端'),
      expect.stringContaining('人工窗口'),
    ]);
    for (const step of warning!.nextSteps) expect(step.en).not.toBe('');
    h.setPrinter('ready');
    expect(h.view().printerWarning).toBeNull();
  });

  it('is gone once the session ends, with the document', async () => {
    const h = createSessionHarness();
    await h.toPreview();
    h.send({ type: 'CANCEL' });
    await h.flush();
    expect(h.view().preview).toBeNull();
    expect(h.actor.getSnapshot().context.document).toBeNull();
  });
});
