// The A4 printer's test page, drawn by the A4 engine from the test page template in force (the installed bundle's
// `testPage:a4`, or the one the kiosk ships with): the kiosk, the printer, the Asia/Shanghai date and time, and
// what the template adds to judge alignment and toner. No personal data.

import type { TestPageTemplates } from '../../print-templates/test-page-templates';

export interface A4TestPageFacts {
  kioskId: string;
  /** The printer's address, or '' where it has none to tell. */
  printerUri: string;
  at: Date;
}

export async function renderA4TestPage(
  testPage: TestPageTemplates['a4'],
  facts: A4TestPageFacts,
): Promise<{ pdf: Uint8Array; pages: number }> {
  // The engine (pdfkit, the CJK fonts) loads when a test page is first printed, not at the kiosk's start.
  const [{ renderA4Pages }, { testPageA4 }] = await Promise.all([
    import('../../print-templates/render-a4'),
    import('../../print-templates/a4-document-data'),
  ]);
  const page = testPageA4({ kioskId: facts.kioskId, printerUri: facts.printerUri, printedAt: facts.at.toISOString() });
  return renderA4Pages([page], testPage.template, { images: testPage.images, ...(testPage.fonts ? { fonts: testPage.fonts } : {}) });
}
