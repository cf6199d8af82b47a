import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from './kiosk-config';
import { loadMaintenanceKey } from './maintenance-key';

let dir: string;
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const staff = { 'staff-0042': '$scrypt$ln=10,r=8,p=1$c2FsdHNhbHRzYWx0c2FsdA$' + 'A'.repeat(43) };

async function keyFile(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'maintenance-key-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('the configured maintenance key', () => {
  it('no maintenance section: no key', async () => {
    expect(await loadMaintenanceKey(null)).toBeNull();
  });

  it('reads a P-256 public key and keeps the staff PIN hashes', async () => {
    const publicKeyFile = await keyFile('good.pem', p256.publicKey.export({ type: 'spki', format: 'pem' }).toString());
    const key = await loadMaintenanceKey({ publicKeyFile, staff });
    expect(key?.publicKey.equals(p256.publicKey)).toBe(true);
    expect(key?.staff).toEqual(staff);
  });

  it('refuses, naming the key, a missing file, a private key, another curve or algorithm, and what is no key', async () => {
    const cases: Array<[string, RegExp]> = [
      [join(dir, 'absent.pem'), /cannot be read \(ENOENT\)/],
      [await keyFile('private.pem', p256.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()), /holds a private key/],
      [await keyFile('sec1.pem', p256.privateKey.export({ type: 'sec1', format: 'pem' }).toString()), /holds a private key/],
      [
        await keyFile(
          'p384.pem',
          generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        ),
        /not a P-256/,
      ],
      [
        await keyFile(
          'rsa.pem',
          generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        ),
        /not a P-256/,
      ],
      [await keyFile('garbage.pem', 'not a key\n'), /does not hold a PEM public key/],
    ];
    for (const [publicKeyFile, reason] of cases) {
      const loading = loadMaintenanceKey({ publicKeyFile, staff });
      await expect(loading).rejects.toThrow(ConfigError);
      await expect(loadMaintenanceKey({ publicKeyFile, staff })).rejects.toThrow(`maintenance.publicKeyFile: ${publicKeyFile} `);
      await expect(loadMaintenanceKey({ publicKeyFile, staff })).rejects.toThrow(reason);
    }
  });
});
