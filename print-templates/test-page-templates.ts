// The printers' test pages as templates: the A4 test page (`testPage:a4`) and the receipt printer's
// (`testPage:receipt`) of the installed bundle, or the ones the kiosk ships with where it has none. An operator's
// bundle changes what staff print from maintenance mode and `npm run diag`.

import receiptTestPageJson from './bundled/receipt-test-page.json';
import testPageA4Json from './bundled/test-page-a4.json';
import { alignmentRingPngBase64 } from './bundled/alignment-ring-png';
import { checkReceiptTemplate, type ReceiptTemplate } from './receipt-template';
import { bundleA4Template, bundleReceiptTemplate, type TemplateBundle } from './template-bundle';
import { type A4Template, checkA4Template } from './template-schema';
import type { Font } from 'fontkit';

export interface TestPageTemplates {
  /** The A4 test page's template with the images and the bundle's own fonts it names. */
  a4: { template: A4Template; images: ReadonlyMap<string, Uint8Array>; fonts?: ReadonlyMap<string, Font> };
  receipt: ReceiptTemplate;
}

let shipped: TestPageTemplates | null = null;

/** Throws if a shipped template is invalid: that is a bug in this repository, not in the field. */
export function shippedTestPageTemplates(): TestPageTemplates {
  if (shipped) return shipped;
  const a4 = checkA4Template(testPageA4Json);
  if (!a4.ok) throw new Error(`shipped A4 test page is invalid: ${a4.error.join('; ')}`);
  const receipt = checkReceiptTemplate(receiptTestPageJson);
  if (!receipt.ok) throw new Error(`shipped receipt test page is invalid: ${receipt.error.join('; ')}`);
  const images = new Map([['images/alignment-ring.png', new Uint8Array(Buffer.from(alignmentRingPngBase64, 'base64'))]]);
  shipped = { a4: { template: a4.value, images }, receipt: receipt.value };
  return shipped;
}

/** A bundle's test pages, each role it lacks from the shipped ones. */
export function testPageTemplates(bundle: TemplateBundle | null): TestPageTemplates {
  const fallback = shippedTestPageTemplates();
  if (!bundle) return fallback;
  const a4 = bundleA4Template(bundle, 'testPage:a4');
  return {
    a4: a4 ? { template: a4, images: bundle.images, fonts: bundle.fonts } : fallback.a4,
    receipt: bundleReceiptTemplate(bundle, 'testPage:receipt') ?? fallback.receipt,
  };
}
