// `npm run maintenance-code -- --key <private.pem> --staff <id> --kiosk <id>[,<id>…] [--hours N] [--png <file>]`:
// mints the maintenance code a staff member scans on a kiosk's home screen, signed with the operator's
// maintenance private key (P-256). Run it on the operator's own machine; the private key never goes to a kiosk.
// Prints the code; with --png also writes it as a QR code image to print or show on a phone.

import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { kioskIdSchema } from '../kiosk/config/kiosk-id';
import { signatureScheme } from '../kiosk/gateway/signature-algorithms';
import { MAX_CODE_LIFETIME_MS, signMaintenanceCode } from '../kiosk/maintenance/maintenance-code';
import { staffIdSchema } from '../kiosk/maintenance/staff-id';
import { CliFailure, writeFailure } from './device-cli/cli-output';

const MAX_HOURS = MAX_CODE_LIFETIME_MS / 3_600_000;
const DEFAULT_HOURS = 8;

const USAGE = `usage: npm run maintenance-code -- --key <private.pem> --staff <id> --kiosk <id>[,<id>…] [--hours N] [--png <file>]
  --key     the operator's maintenance private key (PEM, P-256)
  --staff   the staff id, as the kiosks' configuration names it under maintenance.staff
  --kiosk   the kiosk id, or several separated by commas
  --hours   how long the code is good for, at most ${MAX_HOURS} (default ${DEFAULT_HOURS})
  --png     also write the code as a QR code image to this file`;

async function readPrivateKey(path: string): Promise<KeyObject> {
  let pem: string;
  try {
    pem = await readFile(path, 'utf8');
  } catch (error) {
    throw new CliFailure(`--key: cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`, 2);
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch {
    throw new CliFailure(`--key: ${path} does not hold a private key`, 2);
  }
  if (!signatureScheme('ES256').acceptsKey(createPublicKey(key))) throw new CliFailure(`--key: ${path} is not a P-256 (ES256) key`, 2);
  return key;
}

async function main(args: string[]): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        key: { type: 'string' },
        staff: { type: 'string' },
        kiosk: { type: 'string' },
        hours: { type: 'string' },
        png: { type: 'string' },
      },
    }));
  } catch (error) {
    throw new CliFailure(`${(error as Error).message}\n${USAGE}`, 2);
  }
  if (values.key === undefined || values.staff === undefined || values.kiosk === undefined) throw new CliFailure(USAGE, 2);

  const staff = staffIdSchema.safeParse(values.staff);
  if (!staff.success) throw new CliFailure(`--staff: "${values.staff}" is not ${staff.error.issues[0]?.message}`, 2);
  const kiosks = values.kiosk.split(',').map((id) => id.trim());
  for (const id of kiosks) {
    if (!kioskIdSchema.safeParse(id).success)
      throw new CliFailure(`--kiosk: "${id}" is not a kiosk id (letters, digits and -, at most 64)`, 2);
  }
  const hours = values.hours === undefined ? DEFAULT_HOURS : Number(values.hours);
  if (!Number.isFinite(hours) || hours <= 0 || hours > MAX_HOURS) {
    throw new CliFailure(`--hours: "${values.hours}" is not a number of hours above 0 and at most ${MAX_HOURS}`, 2);
  }
  const key = await readPrivateKey(values.key);

  const exp = Math.floor(Date.now() / 1000 + hours * 3600);
  const code = signMaintenanceCode({ sub: staff.data, aud: kiosks.length === 1 ? kiosks[0]! : kiosks, exp }, key);
  if (values.png !== undefined) await QRCode.toFile(values.png, code, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 6 });
  process.stdout.write(code + '\n');
  process.stderr.write(`good until ${new Date(exp * 1000).toISOString()} for ${staff.data} on ${kiosks.join(', ')}\n`);
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  process.exitCode = writeFailure(error);
}
