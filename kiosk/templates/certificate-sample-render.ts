// The test render before a switch: every certificate template of a staged bundle drawn by the A4 engine with
// each of its samples (a sample is the certificate data a template is drawn with). A template that does not
// parse, or a sample it cannot draw to at least one page, refuses the bundle.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok, type Result } from '../../device-drivers/result';
import type { BundleManifest } from '../../print-templates/bundle-manifest';
import type { CertificateDocumentData } from '../../print-templates/certificate-document';
import { loadCertificateTemplates } from './certificate-templates';

export async function renderCertificateSamples(dir: string, manifest: BundleManifest): Promise<Result<void, string[]>> {
  const { renderCertificatesA4 } = await import('../../print-templates/render-a4');
  const templates = await loadCertificateTemplates(dir, manifest);
  if (!templates.ok) return templates;
  const problems: string[] = [];
  for (const { file, samples, template } of templates.value) {
    for (const sample of samples) {
      try {
        const data = JSON.parse(await readFile(join(dir, sample), 'utf8')) as CertificateDocumentData;
        const { pages } = await renderCertificatesA4([data], template);
        if (pages < 1) problems.push(`${file} with ${sample}: no page`);
      } catch (error) {
        problems.push(`${file} with ${sample}: ${(error as Error).message}`);
      }
    }
  }
  return problems.length === 0 ? ok(undefined) : err(problems);
}
