// Renders every sample of a checked bundle with its template: what `templates preview` writes out, and the
// test a kiosk runs on a downloaded bundle before it switches to it. A receipt sample becomes the printer's
// lines, then the 80 mm preview PDF. A sample that cannot be laid out is a problem named by the sample and
// template files.

import { err, ok, type Result } from '../device-drivers/result';
import type { TemplateRole } from './bundle-manifest';
import { renderA4Pages } from './render-a4';
import { renderReceipt } from './render-receipt';
import { renderReceiptPreview } from './receipt-preview';
import type { TemplateBundle } from './template-bundle';

export interface SampleRender {
  role: TemplateRole;
  templateFile: string;
  sampleFile: string;
  pdf: Uint8Array;
  pages: number;
}

export async function renderBundleSamples(bundle: TemplateBundle): Promise<Result<SampleRender[], string[]>> {
  const renders: SampleRender[] = [];
  const problems: string[] = [];
  for (const { role, file, template, samples } of bundle.a4Templates) {
    for (const sample of samples) {
      try {
        const rendered = await renderA4Pages(sample.pages, template, { images: bundle.images, fonts: bundle.fonts });
        renders.push({ role, templateFile: file, sampleFile: sample.file, ...rendered });
      } catch (error) {
        problems.push(`${sample.file}: with ${file}: ${(error as Error).message}`);
      }
    }
  }
  for (const { role, file, template, samples } of bundle.receiptTemplates) {
    for (const sample of samples) {
      const receipt = renderReceipt(template, sample.facts);
      if (!receipt.ok) {
        problems.push(`${sample.file}: with ${file}: ${receipt.error}`);
        continue;
      }
      try {
        renders.push({ role, templateFile: file, sampleFile: sample.file, pdf: await renderReceiptPreview(receipt.value), pages: 1 });
      } catch (error) {
        problems.push(`${sample.file}: with ${file}: ${(error as Error).message}`);
      }
    }
  }
  return problems.length === 0 ? ok(renders) : err(problems);
}
