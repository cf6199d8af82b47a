import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../test/support/kiosk-process';
import { hashPin, isPinHash, verifyPin } from './pin-hash';

// Cheap parameters for the tests; the format and the check are the same.
const fast = { ln: 10, r: 8, p: 1 };

describe('staff PIN hashes', () => {
  it('verifies the PIN it was made from, and no other', async () => {
    const stored = hashPin('482915', fast);
    expect(isPinHash(stored)).toBe(true);
    expect(stored).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/);
    expect(await verifyPin('482915', stored)).toBe(true);
    expect(await verifyPin('482916', stored)).toBe(false);
    expect(await verifyPin('', stored)).toBe(false);
  });

  it('checks a PIN off the event loop: timers keep firing while a full-cost hash is computed', async () => {
    const stored = hashPin('482915');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 2);
    try {
      expect(await verifyPin('482915', stored)).toBe(true);
    } finally {
      clearInterval(timer);
    }
    expect(ticks).toBeGreaterThan(3);
  });

  it('a hash with parameters scrypt refuses matches nothing, without throwing', async () => {
    const stored = hashPin('1234', fast).replace('ln=10', 'ln=0');
    expect(isPinHash(stored)).toBe(true);
    expect(await verifyPin('1234', stored)).toBe(false);
  });

  it('salts every hash: the same PIN twice gives two hashes, both good', async () => {
    const a = hashPin('1234', fast);
    const b = hashPin('1234', fast);
    expect(a).not.toBe(b);
    expect((await verifyPin('1234', a)) && (await verifyPin('1234', b))).toBe(true);
  });

  it('a malformed or cut stored hash matches nothing', async () => {
    const stored = hashPin('1234', fast);
    for (const bad of ['', 'plain-1234', stored.slice(0, -4), stored.replace('$scrypt$', '$bcrypt$'), `${stored}A`]) {
      expect(isPinHash(bad) && (await verifyPin('1234', bad))).toBe(false);
    }
  });
});

describe('npm run staff-pin', () => {
  const run = (input: string) =>
    spawnSync(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'scripts', 'staff-pin.ts')], {
      input,
      encoding: 'utf8',
    });

  it('prints a hash of the PIN read on standard input, and never the PIN', async () => {
    const made = run('482915\n');
    expect(made.status).toBe(0);
    expect(made.stdout).not.toContain('482915');
    expect(await verifyPin('482915', made.stdout.trim())).toBe(true);
  });

  it('refuses what is not 4 to 12 digits', () => {
    for (const bad of ['', '123', 'abcd', '1234567890123']) {
      const refused = run(bad);
      expect(refused.status).toBe(2);
      expect(refused.stdout).toBe('');
    }
  });
});
