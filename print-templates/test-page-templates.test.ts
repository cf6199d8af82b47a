import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { alignmentRingPngBase64 } from './bundled/alignment-ring-png';
import { loadTemplateBundle } from './template-bundle';
import { shippedTestPageTemplates, testPageTemplates } from './test-page-templates';

const bundledDir = new URL('./bundled/', import.meta.url).pathname;

describe('the printers’ test page templates', () => {
  it('ships the bundled test pages, with the alignment ring’s very bytes', async () => {
    const png = await readFile(new URL('./bundled/images/alignment-ring.png', import.meta.url));
    expect(Buffer.from(alignmentRingPngBase64, 'base64').equals(png)).toBe(true);
    const bundled = await loadTemplateBundle(bundledDir);
    if (!bundled.ok) throw new Error(bundled.error.join('; '));
    const shipped = shippedTestPageTemplates();
    expect(shipped.a4.template).toEqual(bundled.value.a4Templates.find((entry) => entry.role === 'testPage:a4')?.template);
    expect(shipped.receipt).toEqual(bundled.value.receiptTemplates.find((entry) => entry.role === 'testPage:receipt')?.template);
    expect(testPageTemplates(null)).toBe(shipped);
  });

  it('takes each test page from a bundle that has it, the shipped one where it has not', async () => {
    const bundled = await loadTemplateBundle(bundledDir);
    if (!bundled.ok) throw new Error(bundled.error.join('; '));
    const withoutReceiptPage = { ...bundled.value, receiptTemplates: [] };
    const pages = testPageTemplates(withoutReceiptPage);
    expect(pages.a4.template).toBe(bundled.value.a4Templates.find((entry) => entry.role === 'testPage:a4')?.template);
    expect(pages.a4.images).toBe(bundled.value.images);
    expect(pages.receipt).toBe(shippedTestPageTemplates().receipt);
  });
});
