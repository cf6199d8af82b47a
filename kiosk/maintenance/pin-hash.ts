// Staff PINs as the configuration keeps them: scrypt (Node's crypto) in a PHC-style string,
// `$scrypt$ln=15,r=8,p=1$<salt>$<key>` (salt and key in unpadded base64). A PIN is short, so the hash is slow on
// purpose; the lock after five wrong PINs does the rest.

import { randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]{16,})\$([A-Za-z0-9+/]{43,})$/;
const KEY_BYTES = 32;

export interface ScryptParameters {
  /** log2 of N, the CPU/memory cost. */
  ln: number;
  r: number;
  p: number;
}

/** 2^15 × 8 × 128 bytes = 32 MiB and about a tenth of a second here: slow for a guesser, fine for one entry. */
export const defaultScryptParameters: ScryptParameters = { ln: 15, r: 8, p: 1 };

export function isPinHash(text: string): boolean {
  return FORMAT.test(text);
}

function scryptOptions({ ln, r, p }: ScryptParameters): ScryptOptions {
  const N = 2 ** ln;
  return { N, r, p, maxmem: 256 * N * r };
}

export function hashPin(pin: string, parameters: ScryptParameters = defaultScryptParameters): string {
  const salt = randomBytes(16);
  const key = scryptSync(pin.normalize('NFKC'), salt, KEY_BYTES, scryptOptions(parameters));
  const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');
  return `$scrypt$ln=${parameters.ln},r=${parameters.r},p=${parameters.p}$${b64(salt)}$${b64(key)}`;
}

/**
 * Whether the PIN matches; a malformed stored hash matches nothing. Compared in constant time. Asynchronous (the
 * libuv thread pool) so the agent's event loop goes on serving while a PIN is checked.
 */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const match = FORMAT.exec(stored);
  if (!match) return false;
  const [, ln, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64');
  if (expected.length !== KEY_BYTES) return false;
  const options = scryptOptions({ ln: Number(ln), r: Number(r), p: Number(p) });
  const actual = await new Promise<Buffer | null>((resolve) => {
    // Parameters scrypt refuses (a hand-edited hash) match nothing, as a malformed hash does.
    try {
      scrypt(pin.normalize('NFKC'), Buffer.from(salt, 'base64'), KEY_BYTES, options, (error, derived) => resolve(error ? null : derived));
    } catch {
      resolve(null);
    }
  });
  return actual !== null && timingSafeEqual(actual, expected);
}
