// The touch UI the test run built (test/support/build-once.ts, under NODE_ENV=test) is the production build that
// `npm start` will serve unchanged, without Preact's debug build (its warnings and checks).

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../support/kiosk-process';

describe('the built touch UI', () => {
  it('is a production build whoever built it', () => {
    const assets = join(repoRoot, 'kiosk', 'ui', 'dist', 'assets');
    const scripts = readdirSync(assets).filter((name) => name.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const code = scripts.map((name) => readFileSync(join(assets, name), 'utf8')).join('\n');
    expect(code).toContain('data-screen'); // the control: this is the kiosk's own UI
    expect(code).not.toContain('console.warn');
    expect(code).not.toContain('Objects are not valid as a child');
  });

  it('is not rebuilt when nothing it is built from changed (npm start builds first)', () => {
    const index = join(repoRoot, 'kiosk', 'ui', 'dist', 'index.html');
    const before = statSync(index).mtimeMs;
    execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs'), '--ui'], { cwd: repoRoot });
    expect(statSync(index).mtimeMs).toBe(before);
  });
});
