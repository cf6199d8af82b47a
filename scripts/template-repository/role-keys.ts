// The repository's four role keys (Ed25519), one PEM file pair per role: `<role>.key` (private, mode 0600) and
// `<role>.pub`. Root and targets keys stay on offline media and are brought out only to sign; snapshot and
// timestamp keys live where `publish` runs, because timestamps must be renewed often.

import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Key, Signature } from '@tufjs/models';

export const roleNames = ['root', 'targets', 'snapshot', 'timestamp'] as const;
export type RoleName = (typeof roleNames)[number];

export interface SigningKey {
  key: Key;
  sign(data: Buffer): Signature;
}

/** Writes a fresh key pair per role into `dir`; refuses to overwrite an existing key. */
export async function makeRoleKeys(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  for (const role of roleNames) {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    await writeFile(join(dir, `${role}.key`), privateKey.export({ format: 'pem', type: 'pkcs8' }), { mode: 0o600, flag: 'wx' });
    await writeFile(join(dir, `${role}.pub`), publicKey.export({ format: 'pem', type: 'spki' }), { flag: 'wx' });
  }
}

/** The TUF key of a public key; its id is the SHA-256 of the key's JSON (clients use ids only to match signatures). */
export function tufKey(publicKey: KeyObject): Key {
  const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  const canonical = JSON.stringify({ keytype: 'ed25519', keyval: { public: pem }, scheme: 'ed25519' });
  return new Key({
    keyID: createHash('sha256').update(canonical).digest('hex'),
    keyType: 'ed25519',
    scheme: 'ed25519',
    keyVal: { public: pem },
  });
}

export async function readPublicKey(dir: string, role: RoleName): Promise<Key> {
  return tufKey(createPublicKey(await readFile(join(dir, `${role}.pub`), 'utf8')));
}

export async function readSigningKey(dir: string, role: RoleName): Promise<SigningKey> {
  const privateKey = createPrivateKey(await readFile(join(dir, `${role}.key`), 'utf8'));
  const key = tufKey(createPublicKey(privateKey));
  return { key, sign: (data) => new Signature({ keyID: key.keyID, sig: sign(null, data, privateKey).toString('hex') }) };
}
