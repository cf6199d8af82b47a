// Every document the engine makes from the bundled template bundle's samples and from the test fixtures is the
// very same PDF, byte for byte, whether the bundled faces' glyph outlines are read on demand (font-file.ts) or
// the whole file is read up front as fontkit reads it. Each way is a fresh set of the engine's modules.

import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import type { CertificateDocumentData } from './certificate-document';
import { zhangSanNoPropertyProof, zhangSanSocialSecurityRecord } from './fixtures/synthetic-certificates';
import { syntheticStamp } from './fixtures/synthetic-stamp';

/** A statement that draws several hundred different glyphs, Latin and punctuation among them. */
const manyCharacters = Array.from({ length: 150 }, (_, i) => String.fromCodePoint(0x4e00 + i * 139)).join('') + '·䶮ÀÉüñ《》「」…—';
const fixtures: ReadonlyArray<readonly CertificateDocumentData[]> = [
  [zhangSanNoPropertyProof],
  [zhangSanSocialSecurityRecord],
  [zhangSanNoPropertyProof, zhangSanSocialSecurityRecord],
  [{ ...zhangSanNoPropertyProof, stamp: syntheticStamp, specimen: true }],
  [{ ...zhangSanNoPropertyProof, holder: { name: '阿依古丽·买买提䶮', idNumber: '65010219900101123X' }, statement: manyCharacters }],
];

interface Rendered {
  name: string;
  pdf: Uint8Array;
}

async function renderAll(): Promise<Rendered[]> {
  const { loadTemplateBundle } = await import('./template-bundle');
  const { renderBundleSamples } = await import('./bundle-sample-renders');
  const { renderCertificatesA4 } = await import('./render-a4');
  const { loadBundledTemplate } = await import('./template-store');
  const bundle = await loadTemplateBundle(new URL('./bundled/', import.meta.url).pathname);
  if (!bundle.ok) throw new Error(bundle.error.join('\n'));
  const samples = await renderBundleSamples(bundle.value);
  if (!samples.ok) throw new Error(samples.error.join('\n'));
  const rendered = samples.value.map(({ sampleFile, templateFile, pdf }) => ({ name: `${sampleFile} with ${templateFile}`, pdf }));
  const template = loadBundledTemplate();
  for (const [index, certificates] of fixtures.entries()) {
    rendered.push({ name: `fixture ${index}`, pdf: (await renderCertificatesA4(certificates, template)).pdf });
  }
  return rendered;
}

let onDemand: Rendered[] = [];
let whole: Rendered[] = [];
let outlineBytesRead = 0;
let wholeFontRead = false;

beforeAll(async () => {
  // pdfkit dates each document: the same instant for both ways.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-23T02:00:00Z'));

  vi.resetModules();
  onDemand = await renderAll();
  const { parsedFont } = await import('./bundled-fonts');
  const glyf = (font: unknown) => (font as { _getTableStream(tag: string): { bytesReadFromFile: number } })._getTableStream('glyf');
  outlineBytesRead = glyf(parsedFont('noto-sans-sc-regular')).bytesReadFromFile + glyf(parsedFont('noto-sans-sc-bold')).bytesReadFromFile;

  vi.resetModules();
  vi.doMock('./font-file', async () => {
    const { create } = await import('fontkit');
    return { parseFontFile: (path: string) => create(readFileSync(path)) };
  });
  whole = await renderAll();
  const wholeFonts = await import('./bundled-fonts');
  wholeFontRead = !('bytesReadFromFile' in glyf(wholeFonts.parsedFont('noto-sans-sc-regular')));
  vi.doUnmock('./font-file');
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
  vi.resetModules();
});

describe('glyph outlines read on demand', () => {
  it('write every sample and fixture byte for byte as the whole font file does', () => {
    expect(wholeFontRead).toBe(true);
    expect(onDemand.map(({ name }) => name)).toEqual(whole.map(({ name }) => name));
    expect(onDemand.length).toBeGreaterThanOrEqual(16);
    for (const [index, { name, pdf }] of onDemand.entries()) {
      expect(Buffer.from(pdf).equals(Buffer.from(whole[index]!.pdf)), name).toBe(true);
    }
  });

  it('read a small part of the outlines for all of them', () => {
    // Both faces together hold 20 MB of outlines.
    expect(outlineBytesRead).toBeGreaterThan(0);
    expect(outlineBytesRead).toBeLessThan(6_000_000);
  });
});
