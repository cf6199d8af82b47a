import { readdirSync, readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { publishedJsonSchemas } from './published-json-schemas';

const schemaDir = new URL('./schema/', import.meta.url);

describe('the published JSON Schemas', () => {
  it('are committed exactly as generated from the zod schemas (`npm run templates -- schema` rewrites them)', () => {
    const generated = publishedJsonSchemas();
    expect(readdirSync(schemaDir).sort()).toEqual(Object.keys(generated).sort());
    for (const [file, text] of Object.entries(generated)) expect(readFileSync(new URL(file, schemaDir), 'utf8'), file).toBe(text);
  });

  it('describe the template formats, the A4 blocks, the receipt sample and the manifest', () => {
    const template = JSON.parse(publishedJsonSchemas()['a4-template.schema.json'] ?? '{}') as { properties: Record<string, unknown> };
    expect(Object.keys(template.properties)).toEqual(expect.arrayContaining(['format', 'document', 'page', 'styles', 'blocks']));
    const text = JSON.stringify(template);
    for (const type of ['text', 'fields', 'seal', 'rule', 'image']) expect(text).toContain(`"const":"${type}"`);
    expect(publishedJsonSchemas()['bundle-manifest.schema.json']).toContain('kiosk-template-bundle/1');
    expect(publishedJsonSchemas()['receipt-template.schema.json']).toContain('kiosk-receipt-template/1');
    const receiptSample = JSON.parse(publishedJsonSchemas()['sample-receipt.schema.json'] ?? '{}') as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(receiptSample.properties)).toEqual(expect.arrayContaining(['kioskId', 'maskedName', 'certificates', 'verifierUrl']));
  });
});
