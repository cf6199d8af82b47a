// Malformed and fuzzed templates and manifests are refused as values, never with an exception; a mutated
// template that passes the schema renders or is refused for its layout, nothing else.

import { readFileSync } from 'node:fs';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { parseBundleManifest } from './bundle-manifest';
import { zhangSanNoPropertyProof } from './fixtures/synthetic-certificates';
import { PageLayoutError } from './page-layout';
import { renderCertificatesA4 } from './render-a4';
import { checkA4Template } from './template-schema';
import { readA4Template } from './template-store';

const bundledText = readFileSync(new URL('./bundled/certificate-a4.json', import.meta.url), 'utf8');
const manifestText = readFileSync(new URL('./bundled/manifest.json', import.meta.url), 'utf8');

/** Replaces the value at a random key path of `json` (objects and arrays walked by `steps`) with `value`. */
function mutated(json: unknown, steps: number[], value: unknown): unknown {
  const copy = structuredClone(json) as Record<string, unknown>;
  let node: Record<string, unknown> = copy;
  for (const [i, step] of steps.entries()) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[step % keys.length] ?? '';
    const child = node[key];
    if (i === steps.length - 1 || typeof child !== 'object' || child === null) {
      node[key] = value;
      break;
    }
    node = child as Record<string, unknown>;
  }
  return copy;
}

describe('fuzzed templates and manifests', () => {
  it('any JSON, or any text, as a template is refused with problems, never thrown', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(checkA4Template(json).ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(readA4Template(text).ok).toBe(false);
      }),
    );
  });

  it('any JSON or text as a manifest is refused with problems, never thrown', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        expect(parseBundleManifest(JSON.stringify(json) ?? '').ok).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.string(), (text) => {
        expect(parseBundleManifest(text).ok).toBe(false);
      }),
    );
    const manifest = JSON.parse(manifestText) as unknown;
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), fc.jsonValue(), (steps, value) => {
        const result = parseBundleManifest(JSON.stringify(mutated(manifest, steps, value)));
        if (!result.ok) expect(result.error.every((problem) => problem.startsWith('manifest.json: '))).toBe(true);
      }),
    );
  });

  it('a mutated bundled template is refused with problems, or renders, or is refused for its layout', async () => {
    const template = JSON.parse(bundledText) as unknown;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), async (steps, value) => {
        const check = checkA4Template(mutated(template, steps, value));
        if (!check.ok) {
          expect(check.error.length).toBeGreaterThan(0);
          return;
        }
        await renderCertificatesA4([zhangSanNoPropertyProof], check.value).catch((error: unknown) => {
          expect(error).toBeInstanceOf(PageLayoutError);
        });
      }),
      { numRuns: 60 },
    );
  });
});
