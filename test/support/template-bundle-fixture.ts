// A small template bundle written to a directory: the bundled A4 template as the 无房证明's template with the
// synthetic 张三's certificate as its sample, and the shipped packet cover, receipt and both test pages with their
// samples; a manifest with every file's hash. `sample` (the certificate's) and `samples` (another role's first
// sample) let a test make a bundle whose test render fails; `templates` replaces another role's template.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleFormat, MANIFEST_FILE, sha256Hex, type TemplateRole } from '../../print-templates/bundle-manifest';
import { zhangSanNoPropertyProof } from '../../print-templates/fixtures/synthetic-certificates';

type OtherRole = Exclude<TemplateRole, `certificate:${string}`>;

/** The shipped bundle's files each other role is made of: its template, its sample. */
const otherRoles: Record<OtherRole, { template: string; sample: string }> = {
  packet: { template: 'packet-a4.json', sample: 'samples/packet.json' },
  receipt: { template: 'receipt.json', sample: 'samples/receipt-printed.json' },
  'testPage:a4': { template: 'test-page-a4.json', sample: 'samples/test-page-a4.json' },
  'testPage:receipt': { template: 'receipt-test-page.json', sample: 'samples/receipt-test-page.json' },
};

const shipped = (path: string) => readFile(new URL(`../../print-templates/bundled/${path}`, import.meta.url));

export async function writeTemplateBundle(
  dir: string,
  version: string,
  options: {
    minAppVersion?: string;
    sample?: unknown;
    samples?: Partial<Record<OtherRole, unknown>>;
    templates?: Partial<Record<OtherRole, unknown>>;
    extraBytes?: number;
  } = {},
): Promise<string> {
  // Each A4 template's version names the bundle: a printed PDF's Subject tells which one drew it.
  const versioned = async (path: string) =>
    Buffer.from(JSON.stringify({ ...JSON.parse((await shipped(path)).toString('utf8')), version: `bundle-${version}` }));
  const files: Record<string, Buffer> = {
    'templates/certificate.json': await versioned('certificate-a4.json'),
    'samples/certificate.json': Buffer.from(JSON.stringify(options.sample ?? { ...zhangSanNoPropertyProof, certId: `sample-${version}` })),
    'images/alignment-ring.png': await shipped('images/alignment-ring.png'),
  };
  const templates: Record<string, { file: string; samples: string[] }> = {
    'certificate:no-property-proof': { file: 'templates/certificate.json', samples: ['samples/certificate.json'] },
  };
  for (const [role, { template, sample }] of Object.entries(otherRoles) as [OtherRole, { template: string; sample: string }][]) {
    const replaced = options.templates?.[role];
    files[`templates/${template}`] =
      replaced !== undefined
        ? Buffer.from(JSON.stringify(replaced))
        : template.startsWith('receipt')
          ? await shipped(template)
          : await versioned(template);
    const override = options.samples?.[role];
    files[sample] = override === undefined ? await shipped(sample) : Buffer.from(JSON.stringify(override));
    templates[role] = { file: `templates/${template}`, samples: [sample] };
  }
  if (options.extraBytes) files['images/filler.png'] = Buffer.alloc(options.extraBytes, 7);
  await mkdir(dir, { recursive: true });
  for (const [path, bytes] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), bytes);
  }
  const manifest = {
    format: bundleFormat,
    version,
    minAppVersion: options.minAppVersion ?? '0.1.0',
    templates,
    files: Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, { sha256: sha256Hex(bytes), length: bytes.length }])),
  };
  await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  return dir;
}
