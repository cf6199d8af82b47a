// A small template bundle written to a directory: the bundled A4 template as the certificate template, the
// synthetic 张三's 无房证明 as its sample, a manifest with every file's hash. `sample` lets a test make a bundle
// whose test render fails.

import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { bundleFormat, MANIFEST_FILE, sha256Hex } from '../../print-templates/bundle-manifest';
import { zhangSanNoPropertyProof } from '../../print-templates/fixtures/synthetic-certificates';

export async function writeTemplateBundle(
  dir: string,
  version: string,
  options: { minAppVersion?: string; sample?: unknown; extraBytes?: number } = {},
): Promise<string> {
  const files: Record<string, Buffer> = {
    // The bundled template, its version naming the bundle: a printed PDF's Subject tells which one drew it.
    'templates/certificate.json': Buffer.from(
      JSON.stringify({
        ...JSON.parse(await readFile(new URL('../../print-templates/bundled/certificate-a4.json', import.meta.url), 'utf8')),
        version: `bundle-${version}`,
      }),
    ),
    'samples/certificate.json': Buffer.from(JSON.stringify(options.sample ?? { ...zhangSanNoPropertyProof, certId: `sample-${version}` })),
  };
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
    templates: { 'certificate:no-property-proof': { file: 'templates/certificate.json', samples: ['samples/certificate.json'] } },
    files: Object.fromEntries(Object.entries(files).map(([path, bytes]) => [path, { sha256: sha256Hex(bytes), length: bytes.length }])),
  };
  await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(manifest, null, 2));
  return dir;
}
