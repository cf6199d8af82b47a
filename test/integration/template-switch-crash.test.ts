// A power cut during a bundle switch: a process installing bundles in turn is killed with SIGKILL at random
// moments; each time, the directory it leaves opens to one whole bundle (the old or the new), never a mix, and
// no leftover. A current bundle found broken at start goes back to the previous one.

import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openInstalledBundles } from '../../kiosk/templates/installed-bundles';
import { writeTemplateBundle } from '../support/template-bundle-fixture';

const loop = join(process.cwd(), 'test', 'support', 'bundle-switch-loop.ts');
let work: string;
let bundles: string[];

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'template-switch-'));
  // Many files each, so a kill often lands inside a copy or a sync.
  bundles = [
    await writeTemplateBundle(join(work, 'a'), '1.0.0', { extraBytes: 512 * 1024 }),
    await writeTemplateBundle(join(work, 'b'), '1.1.0', { extraBytes: 256 * 1024 }),
  ];
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** One process (`node --import tsx`, not tsx's launcher, whose child would outlive the kill). */
async function runAndKill(root: string, afterMs: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', loop, root, ...bundles], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`the switch loop exited (${code}) before it was ready`)));
  });
  await new Promise((resolve) => setTimeout(resolve, afterMs));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('kill -9 during a bundle switch', () => {
  it('leaves the old or the new bundle whole, at every moment tried', async () => {
    const root = join(work, 'templates');
    const seen = new Set<string>();
    for (const afterMs of [0, 3, 7, 12, 20, 31, 45, 60, 80, 110, 150, 200]) {
      await runAndKill(root, afterMs);
      const installed = await openInstalledBundles(root);
      expect(installed.rolledBackFrom()).toBeNull();
      const version = installed.current()?.version ?? 'none';
      expect(['none', '1.0.0', '1.1.0']).toContain(version);
      seen.add(version);
      expect((await readdir(root)).filter((name) => name.startsWith('.'))).toEqual([]);
    }
    // The kills landed at different stages: both versions were found current at least once.
    expect(seen.has('1.0.0') && seen.has('1.1.0')).toBe(true);
  }, 120_000);

  it('rolls back at start when the current bundle is broken', async () => {
    const root = join(work, 'rollback');
    // A rollback needs a bundle before the current one: under load the first run may only have installed one.
    for (let run = 0; run < 5 && !(await readdir(root).catch((): string[] => [])).includes('previous'); run++) await runAndKill(root, 400);
    const before = await openInstalledBundles(root);
    const current = before.current();
    expect(current).not.toBeNull();
    if (!current) return;
    await writeFile(join(current.dir, 'templates', 'certificate.json'), '{}');
    const after = await openInstalledBundles(root);
    expect(after.rolledBackFrom()).toBe(current.version);
    expect(after.current()?.version).toBe(current.version === '1.0.0' ? '1.1.0' : '1.0.0');
  }, 60_000);
});
