// The test render before a switch: the staged bundle read whole as it will be used (every template against its
// role's format, every sample against what its template prints), then every sample of every role drawn — each
// certificate type's, the 一件事 packet cover's and the A4 test page's by the A4 engine, the receipt's and the
// receipt test page's as 80 mm receipts. Any problem, named by its file, refuses the bundle.

import { err, ok, type Result } from '../../device-drivers/result';
import type { BundleManifest } from '../../print-templates/bundle-manifest';
import { loadTemplateBundle } from '../../print-templates/template-bundle';

export async function renderEverySample(dir: string, manifest: BundleManifest): Promise<Result<void, string[]>> {
  const bundle = await loadTemplateBundle(dir);
  if (!bundle.ok) return bundle;
  if (bundle.value.manifest.version !== manifest.version)
    return err([`manifest.json: version ${bundle.value.manifest.version}, expected ${manifest.version}`]);
  // The engine (pdfkit, the CJK fonts) is loaded on the first update, not at the kiosk's start.
  const { renderBundleSamples } = await import('../../print-templates/bundle-sample-renders');
  const rendered = await renderBundleSamples(bundle.value);
  if (!rendered.ok) return rendered;
  const blank = rendered.value.filter((render) => render.pages < 1 || render.pdf.length === 0);
  return blank.length === 0 ? ok(undefined) : err(blank.map((render) => `${render.sampleFile}: with ${render.templateFile}: no page`));
}
