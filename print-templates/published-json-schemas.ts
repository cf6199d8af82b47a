// The JSON Schemas an operator's editor or CI checks templates, samples and manifests with, generated from
// the zod schemas the kiosk itself checks them with, so the two cannot drift (a test compares the committed
// files in print-templates/schema/ with these). Checks across keys (a style that exists, a placeholder the
// document kind knows) are the kiosk's: `npm run templates -- validate` runs them.

import { z } from 'zod';

import { certificateDataSchema, packetDataSchema, testPageDataSchema } from './a4-document-data';
import { bundleManifestSchema } from './bundle-manifest';
import { receiptFactsSchema } from './receipt-facts';
import { receiptTemplateSchema } from './receipt-template';
import { a4TemplateSchema } from './template-schema';

const published: Record<string, { title: string; schema: z.ZodType }> = {
  'a4-template.schema.json': { title: 'A4 template (kiosk-a4-template/1)', schema: a4TemplateSchema },
  'bundle-manifest.schema.json': { title: 'Template bundle manifest (kiosk-template-bundle/1)', schema: bundleManifestSchema },
  'receipt-template.schema.json': { title: 'Receipt template, 80 mm (kiosk-receipt-template/1)', schema: receiptTemplateSchema },
  'sample-certificate.schema.json': { title: 'Sample data of a certificate template', schema: certificateDataSchema },
  'sample-packet.schema.json': { title: 'Sample data of a 一件事 packet cover', schema: packetDataSchema },
  'sample-receipt.schema.json': { title: "Sample data of a receipt template (a session's facts)", schema: receiptFactsSchema },
  'sample-test-page.schema.json': { title: 'Sample data of an A4 test page', schema: testPageDataSchema },
};

/** File name → its text, as committed in print-templates/schema/. */
export function publishedJsonSchemas(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(published).map(([file, { title, schema }]) => {
      // `input`: what a person writes, so keys with defaults are optional.
      const json = { ...z.toJSONSchema(schema, { io: 'input' }), title };
      return [file, JSON.stringify(json, null, 2) + '\n'];
    }),
  );
}
