// The maintenance key as the agent uses it: the operator's public key read from the file the configuration names,
// with the staff's PIN hashes. A file that is missing or holds anything but a P-256 public key stops the start
// naming the key; a private key is refused outright, since it must never be on a kiosk.

import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { signatureScheme } from '../gateway/signature-algorithms';
import type { MaintenanceKey } from '../maintenance/maintenance-code';
import { ConfigError } from './kiosk-config';
import type { MaintenanceAccess } from './maintenance-access';

/** Null when the configuration has no `maintenance` section: then no code opens maintenance mode. */
export async function loadMaintenanceKey(access: MaintenanceAccess | null): Promise<MaintenanceKey | null> {
  if (access === null) return null;
  const path = access.publicKeyFile;
  const problem = (what: string) => new ConfigError(`maintenance.publicKeyFile: ${path} ${what}`);
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    throw problem(`cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(pem)) {
    throw problem('holds a private key: only the public key goes on a kiosk (openssl pkey -pubout); keep the private key off it');
  }
  let publicKey: KeyObject;
  try {
    publicKey = createPublicKey(pem);
  } catch {
    throw problem('does not hold a PEM public key');
  }
  if (!signatureScheme('ES256').acceptsKey(publicKey)) throw problem('is not a P-256 (ES256) public key');
  return { publicKey, staff: { ...access.staff } };
}
