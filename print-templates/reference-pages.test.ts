// Every sample of the bundled templates, rendered and rasterised with pdftoppm, matches its reviewed reference
// image in reference-pages/ (greyscale, 30 dpi, gzipped PGM) within the tolerance below. After a deliberate
// change to a template or the engine: `UPDATE_REFERENCE_PAGES=1 npx vitest run print-templates/reference-pages.test.ts`,
// then look at the new images (`npm run templates -- preview` gives the same pages at 100 dpi) before committing.

import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { renderBundleSamples, type SampleRender } from './bundle-sample-renders';
import { runTool, scratchDir } from './fixtures/pdf-tools';
import { loadTemplateBundle } from './template-bundle';

const dpi = 30;
/** A pixel "differs" when its grey level is off by more than this (of 255): anti-aliasing moves less. */
const pixelTolerance = 64;
/** At most this share of a page's pixels (about 40 of 87,000) may differ: one changed sentence is about 200. */
const differingShare = 0.0005;

const referenceDir = new URL('./reference-pages/', import.meta.url);
const update = process.env.UPDATE_REFERENCE_PAGES === '1';
let scratch: Awaited<ReturnType<typeof scratchDir>>;
let renders: SampleRender[] = [];

beforeAll(async () => {
  scratch = await scratchDir();
  const bundle = await loadTemplateBundle(new URL('./bundled/', import.meta.url).pathname);
  if (!bundle.ok) throw new Error(bundle.error.join('\n'));
  const rendered = await renderBundleSamples(bundle.value);
  if (!rendered.ok) throw new Error(rendered.error.join('\n'));
  renders = rendered.value;
});
afterAll(async () => {
  await scratch.remove();
});

interface Grey {
  width: number;
  height: number;
  pixels: Uint8Array;
}

function parsePgm(bytes: Buffer): Grey {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a binary PGM');
  return { width: Number(header[1]), height: Number(header[2]), pixels: bytes.subarray(header[0].length) };
}

async function rasterised(render: SampleRender, page: number): Promise<Buffer> {
  const name = `${render.sampleFile.replace(/\W+/g, '-')}-${page}`;
  const pdf = await scratch.write(`${name}.pdf`, render.pdf);
  await runTool('pdftoppm', [
    '-r',
    String(dpi),
    '-gray',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdf,
    `${scratch.path}/${name}`,
  ]);
  return readFile(`${scratch.path}/${name}.pgm`);
}

describe('the bundled templates’ pages', () => {
  it('each match their reviewed reference image', async () => {
    expect(renders.length).toBeGreaterThan(0);
    for (const render of renders) {
      for (let page = 1; page <= render.pages; page++) {
        const file = new URL(
          `${render.role.replace(':', '-')}--${render.sampleFile.replace(/^samples\//, '').replace(/\.json$/, '')}-${page}.pgm.gz`,
          referenceDir,
        );
        const actual = await rasterised(render, page);
        if (update || !existsSync(file)) {
          if (!update) throw new Error(`${file.pathname} is missing: run with UPDATE_REFERENCE_PAGES=1 and review it`);
          await writeFile(file, gzipSync(actual, { level: 9 }));
          continue;
        }
        const expected = parsePgm(gunzipSync(await readFile(file)));
        const got = parsePgm(actual);
        expect([got.width, got.height], file.pathname).toEqual([expected.width, expected.height]);
        let differing = 0;
        for (let i = 0; i < expected.pixels.length; i++) {
          if (Math.abs((got.pixels[i] ?? 0) - (expected.pixels[i] ?? 0)) > pixelTolerance) differing++;
        }
        expect(differing / expected.pixels.length, `${file.pathname}: share of differing pixels`).toBeLessThanOrEqual(differingShare);
      }
    }
  });
});
