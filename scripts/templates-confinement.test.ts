// A template is data: checking and rendering a bundle runs none of its text, opens no file but the ones its
// manifest lists, and connects nowhere. Watched from outside with strace while `templates validate` renders
// a bundle whose templates name a web address and a system file, beside a link to /etc/passwd it never uses.

import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { MANIFEST_FILE, sha256Hex } from '../print-templates/bundle-manifest';

const root = join(import.meta.dirname, '..');
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'templates-confinement-test-'));
});
afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

async function hostileBundle(): Promise<string> {
  const dir = join(scratch, 'bundle');
  await cp(join(root, 'print-templates', 'bundled'), dir, { recursive: true });
  const templateFile = join(dir, 'test-page-a4.json');
  const template = JSON.parse(await readFile(templateFile, 'utf8')) as { blocks: Record<string, unknown>[] };
  template.blocks.push({
    type: 'text',
    text: 'http://169.254.169.254/latest/meta-data file:///etc/passwd ${process.exit(3)} <script>fetch("//x")</script>',
    style: 'small',
    anchor: 'bottom',
  });
  await writeFile(templateFile, JSON.stringify(template));
  const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as { files: Record<string, object> };
  const bytes = await readFile(templateFile);
  manifest.files['test-page-a4.json'] = { sha256: sha256Hex(bytes), length: bytes.length };
  await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(manifest));
  await symlink('/etc/passwd', join(dir, 'images', 'passwd.png'));
  return dir;
}

describe('a template bundle is data', () => {
  it('checking and rendering it opens only the files its manifest lists, and no network connection', async () => {
    const bundle = await hostileBundle();
    const trace = join(scratch, 'strace.log');
    const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const { stdout } = await promisify(execFile)('strace', [
      '-f',
      '-qq',
      '-e',
      'trace=open,openat,connect',
      '-o',
      trace,
      process.execPath,
      tsx,
      join(root, 'scripts', 'templates-cli.ts'),
      'validate',
      bundle,
    ]);
    expect(stdout).toContain('valid, 11 samples rendered');
    const log = await readFile(trace, 'utf8');

    const manifest = JSON.parse(await readFile(join(bundle, MANIFEST_FILE), 'utf8')) as { files: Record<string, object> };
    const listed = new Set([MANIFEST_FILE, ...Object.keys(manifest.files)].map((path) => join(bundle, path)));
    const opened = [...log.matchAll(/open(?:at)?\([^"]*"([^"]+)"/g)].map((match) => match[1] ?? '');
    const openedInBundle = new Set(opened.filter((path) => path.startsWith(bundle + '/')));
    expect(openedInBundle.size).toBeGreaterThan(5);
    for (const path of openedInBundle) expect(listed, path).toContain(path);
    expect(opened).not.toContain('/etc/passwd');
    expect(opened.some((path) => path.endsWith('passwd.png'))).toBe(false);
    // tsx talks to its own process over a Unix socket; nothing else may connect.
    expect(log.split('\n').filter((line) => line.includes('connect(') && !line.includes('AF_UNIX'))).toEqual([]);
  });
});
