import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkBundleFiles, compareVersions, parseBundleManifest, sha256Hex, type BundleManifest } from './bundle-manifest';

const body = Buffer.from('{"format":"kiosk-a4-template/1"}');
const manifest = (overrides: Partial<BundleManifest> = {}) => ({
  format: 'kiosk-template-bundle/1',
  version: '1.2.0',
  minAppVersion: '0.1.0',
  templates: { receipt: { file: 'templates/receipt.json', samples: ['samples/receipt/issued.json'] } },
  files: {
    'templates/receipt.json': { sha256: sha256Hex(body), length: body.length },
    'samples/receipt/issued.json': { sha256: sha256Hex(body), length: body.length },
  },
  ...overrides,
});

describe('the bundle manifest', () => {
  it('accepts a manifest whose templates and samples are all listed', () => {
    expect(parseBundleManifest(JSON.stringify(manifest())).ok).toBe(true);
  });

  it('names the path of each problem', () => {
    const bad = parseBundleManifest(
      JSON.stringify({ ...manifest(), version: 'v1', files: { '../etc/passwd': { sha256: 'x', length: -1 } }, extra: 1 }),
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    const text = bad.error.join('\n');
    expect(text).toContain('manifest.json: version: a version like 1.4.0');
    expect(text).toContain('manifest.json: files.../etc/passwd');
    expect(text).toMatch(/manifest\.json: \(root\): Unrecognized key.*extra/);
    expect(parseBundleManifest('{').ok).toBe(false);
  });

  it('refuses a template or sample that the file list does not hold', () => {
    const result = parseBundleManifest(JSON.stringify(manifest({ files: {} })));
    expect(result).toEqual({
      ok: false,
      error: [
        'manifest.json: templates.receipt: templates/receipt.json is not listed in files',
        'manifest.json: templates.receipt: samples/receipt/issued.json is not listed in files',
      ],
    });
  });

  it('checks every file against its length and hash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bundle-'));
    try {
      await mkdir(join(dir, 'templates'));
      await writeFile(join(dir, 'templates/receipt.json'), body);
      const parsed = parseBundleManifest(JSON.stringify(manifest()));
      if (!parsed.ok) throw new Error(parsed.error.join());
      expect(await checkBundleFiles(dir, parsed.value)).toEqual({ ok: false, error: ['samples/receipt/issued.json: missing'] });
      await mkdir(join(dir, 'samples/receipt'), { recursive: true });
      await writeFile(join(dir, 'samples/receipt/issued.json'), Buffer.from(body).fill(0x20, 0, 1));
      expect(await checkBundleFiles(dir, parsed.value)).toEqual({
        ok: false,
        error: ["samples/receipt/issued.json: its SHA-256 differs from the manifest's"],
      });
      await writeFile(join(dir, 'samples/receipt/issued.json'), body);
      expect(await checkBundleFiles(dir, parsed.value)).toEqual({ ok: true, value: undefined });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('orders versions as semver does', () => {
    expect(['1.10.0', '1.2.0', '1.2.0-rc.1', '0.9.9', '1.2.1'].sort(compareVersions)).toEqual([
      '0.9.9',
      '1.2.0-rc.1',
      '1.2.0',
      '1.2.1',
      '1.10.0',
    ]);
  });
});
