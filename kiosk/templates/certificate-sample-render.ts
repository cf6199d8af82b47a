// The test render before a switch: every certificate template of a staged bundle, read as the A4 engine reads
// templates, drawn by the A4 engine with each of its samples (a sample is the certificate data a template is
// drawn with). A template that does not parse, or a sample it cannot draw to at least one page, refuses the bundle.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok, type Result } from '../../device-drivers/result';
import type { BundleManifest } from '../../print-templates/bundle-manifest';
import type { CertificateDocumentData } from '../../print-templates/certificate-document';
import { readA4Template } from '../../print-templates/template-store';

export async function renderCertificateSamples(dir: string, manifest: BundleManifest): Promise<Result<void, string[]>> {
  const { renderCertificatesA4 } = await import('../../print-templates/render-a4');
  const problems: string[] = [];
  for (const [role, entry] of Object.entries(manifest.templates)) {
    if (!role.startsWith('certificate:')) continue;
    const template = readA4Template(await readFile(join(dir, entry.file), 'utf8'));
    if (!template.ok) {
      problems.push(...template.error.map((problem) => `${entry.file}: ${problem}`));
      continue;
    }
    for (const sample of entry.samples) {
      try {
        const data = JSON.parse(await readFile(join(dir, sample), 'utf8')) as CertificateDocumentData;
        const { pages } = await renderCertificatesA4([data], template.value);
        if (pages < 1) problems.push(`${entry.file} with ${sample}: no page`);
      } catch (error) {
        problems.push(`${entry.file} with ${sample}: ${(error as Error).message}`);
      }
    }
  }
  return problems.length === 0 ? ok(undefined) : err(problems);
}
