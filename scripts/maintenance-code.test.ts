// `npm run maintenance-code` end to end, with the key pair made by the openssl commands the README gives
// operators: the code it prints (and the QR code it draws) opens maintenance mode on the kiosks it names.

import { execFile, spawnSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTool } from '../print-templates/fixtures/pdf-tools';
import { repoRoot } from '../test/support/kiosk-process';
import { verifyMaintenanceCode, type MaintenanceKey } from '../kiosk/maintenance/maintenance-code';

const execFileAsync = promisify(execFile);
let dir: string;
let key: MaintenanceKey;

const mint = (...args: string[]) =>
  spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'scripts', 'maintenance-code.ts'), ...args],
    {
      encoding: 'utf8',
    },
  );
const verify = (code: string, kioskId: string, now = new Date()) => verifyMaintenanceCode(code, { key, kioskId, now });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maintenance-code-'));
  // The README's commands.
  await execFileAsync('openssl', [
    'genpkey',
    '-algorithm',
    'EC',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-out',
    join(dir, 'maintenance-private.pem'),
  ]);
  await execFileAsync('openssl', [
    'pkey',
    '-in',
    join(dir, 'maintenance-private.pem'),
    '-pubout',
    '-out',
    join(dir, 'maintenance-public.pem'),
  ]);
  key = { publicKey: createPublicKey(await readFile(join(dir, 'maintenance-public.pem'), 'utf8')), staff: { 'wang.li': '$scrypt$…' } };
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run maintenance-code', () => {
  it('mints a code the kiosk accepts, good for the hours asked', () => {
    const before = Date.now();
    const run = mint('--key', join(dir, 'maintenance-private.pem'), '--staff', 'wang.li', '--kiosk', 'kiosk-hz-0042', '--hours', '2');
    const after = Date.now();
    expect(run.stderr).toMatch(/^good until .* for wang\.li on kiosk-hz-0042\n$/);
    expect(run.status).toBe(0);
    const code = run.stdout.trim();
    const accepted = verify(code, 'kiosk-hz-0042');
    expect(accepted.ok).toBe(true);
    if (!accepted.ok) return;
    expect(accepted.value.staffId).toBe('wang.li');
    // exp is in whole seconds, rounded down.
    expect(accepted.value.expiresAt.getTime()).toBeGreaterThan(before + 2 * 3_600_000 - 1000);
    expect(accepted.value.expiresAt.getTime()).toBeLessThanOrEqual(after + 2 * 3_600_000);
    expect(verify(code, 'kiosk-hz-0043')).toEqual({ ok: false, error: 'otherKiosk' });
  });

  it('names several kiosks, and draws the code as a QR code that decodes to it', async () => {
    const png = join(dir, 'code.png');
    const run = mint(
      '--key',
      join(dir, 'maintenance-private.pem'),
      '--staff',
      'wang.li',
      '--kiosk',
      'kiosk-hz-0042,kiosk-hz-0043',
      '--png',
      png,
    );
    expect(run.status).toBe(0);
    const code = run.stdout.trim();
    expect(verify(code, 'kiosk-hz-0042').ok).toBe(true);
    expect(verify(code, 'kiosk-hz-0043').ok).toBe(true);
    expect(verify(code, 'kiosk-hz-0044')).toEqual({ ok: false, error: 'otherKiosk' });
    // Default: 8 hours.
    const eightHours = verify(code, 'kiosk-hz-0042', new Date(Date.now() + 8 * 3_600_000 + 61_000));
    expect(eightHours).toEqual({ ok: false, error: 'expired' });
    const decoded = await runTool('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', png]);
    expect(decoded.trim()).toBe(code);
  });

  // Nine runs of the script: longer than the default timeout on a busy machine.
  it(
    'refuses more than 12 hours, a bad staff or kiosk id, a missing argument and a key that is not P-256',
    { timeout: 90_000 },
    async () => {
      const privateKey = join(dir, 'maintenance-private.pem');
      const base = ['--key', privateKey, '--staff', 'wang.li', '--kiosk', 'kiosk-hz-0042'];
      await execFileAsync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384', '-out', join(dir, 'p384.pem')]);
      for (const [args, message] of [
        [[...base, '--hours', '13'], /--hours/],
        [[...base, '--hours', '0'], /--hours/],
        [[...base, '--hours', 'many'], /--hours/],
        [['--key', privateKey, '--staff', 'wang li', '--kiosk', 'kiosk-hz-0042'], /--staff/],
        [['--key', privateKey, '--staff', 'wang.li', '--kiosk', 'kiosk-hz-0042,'], /--kiosk/],
        [['--key', privateKey, '--staff', 'wang.li'], /usage/],
        [['--key', join(dir, 'maintenance-public.pem'), '--staff', 'wang.li', '--kiosk', 'kiosk-hz-0042'], /private key/],
        [['--key', join(dir, 'p384.pem'), '--staff', 'wang.li', '--kiosk', 'kiosk-hz-0042'], /P-256/],
        [['--key', join(dir, 'absent.pem'), '--staff', 'wang.li', '--kiosk', 'kiosk-hz-0042'], /ENOENT/],
      ] as const) {
        const run = mint(...args);
        expect(run.status, args.join(' ')).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(message);
      }
    },
  );
});
