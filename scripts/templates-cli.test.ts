// `npm run templates -- validate|preview`, run as an operator runs them.

import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const bundled = join(root, 'print-templates', 'bundled');
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'templates-cli-test-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function templates(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsx, join(root, 'scripts', 'templates-cli.ts'), ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run templates', () => {
  it('validate: the bundled templates are valid', async () => {
    const run = await templates('validate', bundled);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/valid, 11 samples rendered/);
  });

  it('validate: a broken bundle exits 1 with each problem named by its path', async () => {
    const dir = join(scratch, 'broken');
    await cp(bundled, dir, { recursive: true });
    await writeFile(join(dir, 'packet-a4.json'), '{}');
    const run = await templates('validate', dir);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${dir}: packet-a4.json: 2 bytes, the manifest says `);
  });

  it('preview: every template with each sample as PDF and each page as PNG', async () => {
    const out = join(scratch, 'preview');
    const run = await templates('preview', bundled, out);
    expect(run.code).toBe(0);
    const files = await readdir(out);
    expect(files.filter((f) => f.endsWith('.pdf'))).toHaveLength(11);
    expect(files.filter((f) => f.endsWith('.png'))).toHaveLength(11);
    expect(files).toContain('packet--samples-packet.pdf');
    expect(files).toContain('packet--samples-packet-1.png');
    // The receipts, on 80 mm paper.
    expect(files).toContain('receipt--samples-receipt-printed.pdf');
    expect(files).toContain('testPage-receipt--samples-receipt-test-page-1.png');
  });

  it('an unknown command or a missing argument prints the command table and exits 2', async () => {
    const unknown = await templates('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/validate <bundle>[\s\S]*preview <bundle> <outdir>/);
    expect((await templates('preview', bundled)).code).toBe(2);
  });
});
