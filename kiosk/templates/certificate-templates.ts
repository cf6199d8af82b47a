// A bundle's certificate templates (roles `certificate:<certType>`), read as the A4 engine reads templates:
// loaded whole into memory when a bundle becomes current, so a print job never reads a file mid-switch.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { err, ok, type Result } from '../../device-drivers/result';
import type { BundleManifest } from '../../print-templates/bundle-manifest';
import type { A4Template } from '../../print-templates/template-schema';
import { readA4Template } from '../../print-templates/template-store';

export interface CertificateTemplate {
  certType: string;
  file: string;
  samples: string[];
  template: A4Template;
}

export async function loadCertificateTemplates(dir: string, manifest: BundleManifest): Promise<Result<CertificateTemplate[], string[]>> {
  const loaded: CertificateTemplate[] = [];
  const problems: string[] = [];
  for (const [role, entry] of Object.entries(manifest.templates)) {
    if (!role.startsWith('certificate:')) continue;
    const template = readA4Template(await readFile(join(dir, entry.file), 'utf8'));
    if (template.ok)
      loaded.push({ certType: role.slice('certificate:'.length), file: entry.file, samples: entry.samples, template: template.value });
    else problems.push(...template.error.map((problem) => `${entry.file}: ${problem}`));
  }
  return problems.length === 0 ? ok(loaded) : err(problems);
}
