// Every PDF the engine writes for the bundled templates' samples and the fixture certificates is the same,
// byte for byte, whether text no OpenType lookup changes, and text only simple lookups reach, is shaped
// without fontkit's layout engine (its characters mapped and glyph metrics read from the face's bytes) or all of
// it by fontkit. The engine is loaded twice, the second time with both routes and the metrics reading turned
// off, its fonts parsed afresh; pdfkit's creation date (and the file id made from it) is
// held still.

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

interface Rendered {
  name: string;
  pdf: Uint8Array;
}

async function renderEverything(): Promise<Rendered[]> {
  const { loadTemplateBundle } = await import('./template-bundle');
  const { renderBundleSamples } = await import('./bundle-sample-renders');
  const { renderCertificatesA4 } = await import('./render-a4');
  const { loadBundledTemplate } = await import('./template-store');
  const { zhangSanNoPropertyProof, zhangSanSocialSecurityRecord } = await import('./fixtures/synthetic-certificates');
  const bundle = await loadTemplateBundle(new URL('./bundled/', import.meta.url).pathname);
  if (!bundle.ok) throw new Error(bundle.error.join('\n'));
  const samples = await renderBundleSamples(bundle.value);
  if (!samples.ok) throw new Error(samples.error.join('\n'));
  const template = loadBundledTemplate();
  const rendered: Rendered[] = samples.value.map(({ templateFile, sampleFile, pdf }) => ({
    name: `${sampleFile} with ${templateFile}`,
    pdf,
  }));
  for (const certificate of [zhangSanNoPropertyProof, zhangSanSocialSecurityRecord]) {
    rendered.push({ name: certificate.title, pdf: (await renderCertificatesA4([certificate], template)).pdf });
  }
  rendered.push({
    name: 'both fixture certificates',
    pdf: (await renderCertificatesA4([zhangSanNoPropertyProof, zhangSanSocialSecurityRecord], template)).pdf,
  });
  return rendered;
}

let shortWay: Rendered[] = [];
let fontkitOnly: Rendered[] = [];
/** Runs shaped the short way in the first rendering; texts handed to the turned-off shaping in the second. */
let shapedShort = 0;
let shapedBySimpleLookups = 0;
/** Texts neither route took in the first rendering: laid out by fontkit's engine. */
let leftToFontkit = 0;
let askedWhileOff = 0;

/** A shaping route whose every answer is counted: a run made, or the text left to what follows. */
function counting<Font, Run>(route: (font: Font) => (text: string) => Run | undefined, count: (taken: boolean) => unknown) {
  return (font: Font) => {
    const shape = route(font);
    return (text: string) => {
      const run = shape(text);
      count(run !== undefined);
      return run;
    };
  };
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-23T02:00:00Z') });
  vi.doMock('./untouched-glyph-run', async (importOriginal) => {
    const real = await importOriginal<typeof import('./untouched-glyph-run')>();
    return { untouchedGlyphRuns: counting(real.untouchedGlyphRuns, (taken) => taken && shapedShort++) };
  });
  vi.doMock('./simple-lookup-run', async (importOriginal) => {
    const real = await importOriginal<typeof import('./simple-lookup-run')>();
    return {
      simpleLookupRuns: counting(real.simpleLookupRuns, (taken) => (taken ? shapedBySimpleLookups++ : leftToFontkit++)),
    };
  });
  shortWay = await renderEverything();
  vi.resetModules();
  vi.doMock('./simple-lookup-run', () => ({ simpleLookupRuns: () => () => undefined }));
  // Glyph metrics as fontkit works them out, not read from hmtx and vmtx as glyphs are made.
  vi.doMock('./glyph-metrics-from-tables', () => ({ glyphMetricsFromTables: () => undefined }));
  vi.doMock('./untouched-glyph-run', () => ({
    untouchedGlyphRuns: () => () => {
      askedWhileOff++;
      return undefined;
    },
  }));
  fontkitOnly = await renderEverything();
}, 120_000);
afterAll(() => {
  vi.doUnmock('./untouched-glyph-run');
  vi.doUnmock('./simple-lookup-run');
  vi.doUnmock('./glyph-metrics-from-tables');
  vi.useRealTimers();
});

describe('shaping untouched text without fontkit', () => {
  it('renders every sample and fixture', () => {
    expect(shortWay.length).toBeGreaterThanOrEqual(14);
    expect(fontkitOnly.map(({ name }) => name)).toEqual(shortWay.map(({ name }) => name));
    expect(shapedShort).toBeGreaterThan(100);
    expect(shapedBySimpleLookups).toBeGreaterThan(10);
    // What the bundled templates and the fixtures hold needs no layout by fontkit at all (its first costs
    // 15–25 ms in a fresh process).
    expect(leftToFontkit).toBe(0);
    expect(askedWhileOff).toBeGreaterThan(100);
  });

  it('writes the very same bytes as fontkit’s layout', () => {
    for (const [i, { name, pdf }] of shortWay.entries()) {
      expect(Buffer.from(pdf).equals(Buffer.from(fontkitOnly[i]!.pdf)), name).toBe(true);
    }
  });
});
