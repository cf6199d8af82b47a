// The production agent's real import graph, as the compiled bundle sees it (esbuild follows every import the
// runtime would): no file of scripts/ or test/, no simulator or simulated driver, no development PKI library.
// The development entry is the control: the same check finds all of those in its graph.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Metafile } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/kiosk-process';

async function importGraph(entry: string): Promise<{ files: string[]; packages: string[] }> {
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: [join(repoRoot, entry)],
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  const metafile: Metafile = result.metafile;
  const files = Object.keys(metafile.inputs);
  const packages = Object.values(metafile.inputs).flatMap((input) => input.imports.filter((i) => i.external).map((i) => i.path));
  return { files, packages: [...new Set(packages)] };
}

/** What the production agent must never carry. */
function developmentStandIns(graph: { files: string[]; packages: string[] }): string[] {
  return [
    ...graph.files.filter(
      (file) =>
        /^(scripts|test)\//.test(file) ||
        /simulat/i.test(file) ||
        /\/fixtures\//.test(file) ||
        /^kiosk\/(development\/|dev-main)/.test(file),
    ),
    ...graph.packages.filter((name) => name.startsWith('@peculiar/') || name === 'tsx'),
  ];
}

describe('the production agent’s import graph (kiosk/main.ts)', () => {
  it('holds no scripts/, test/, simulator, simulated driver or development PKI', async () => {
    const graph = await importGraph('kiosk/main.ts');
    expect(graph.files.length).toBeGreaterThan(50);
    expect(graph.files).toContain('device-drivers/id-reader/serial-id-reader.ts');
    expect(graph.files).toContain('kiosk/gateway/https-gateway-client.ts');
    expect(developmentStandIns(graph)).toEqual([]);
  });

  it('needs no package that a production install (npm ci --omit=dev) leaves out', async () => {
    const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    const packageOf = (specifier: string) =>
      specifier
        .split('/')
        .slice(0, specifier.startsWith('@') ? 2 : 1)
        .join('/');
    const needed = (await importGraph('kiosk/main.ts')).packages.filter((name) => !name.startsWith('node:')).map(packageOf);
    expect(needed).toContain('xstate');
    expect(needed.filter((name) => !(name in manifest.dependencies))).toEqual([]);
  });

  it('control: the development entry (kiosk/dev-main.ts) does hold them, so the check can fail', async () => {
    const found = developmentStandIns(await importGraph('kiosk/dev-main.ts'));
    expect(found).toEqual(
      expect.arrayContaining([
        'scripts/gateway-simulator/simulator.ts',
        'scripts/synthetic-population.ts',
        'device-drivers/id-reader/simulated-id-reader.ts',
        'kiosk/development/create-development-agent.ts',
        '@peculiar/x509',
      ]),
    );
  });
});

describe('the diagnostics command line’s import graph (scripts/diag-cli.ts, shipped in a release)', () => {
  it('opens only real drivers: no simulator, test file, development root or development PKI', async () => {
    const graph = await importGraph('scripts/diag-cli.ts');
    expect(graph.files).toContain('kiosk/devices/real-devices.ts');
    const ownTools = /^scripts\/(diag-cli\.ts|diag-cli\/|device-cli\/cli-output\.ts)/;
    expect(developmentStandIns(graph).filter((file) => !ownTools.test(file))).toEqual([]);
  });
});
