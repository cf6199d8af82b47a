// `npm run staff-pin`: reads a staff member's PIN (4 to 12 digits) on standard input and prints the hash to put in
// the configuration's `maintenance.staff`. The PIN is never printed; run it on the operator's own machine.
//   printf '%s' "$PIN" | npm run --silent staff-pin

import { text } from 'node:stream/consumers';
import { hashPin } from '../kiosk/maintenance/pin-hash';

const pin = (await text(process.stdin)).trim();
if (!/^\d{4,12}$/.test(pin)) {
  process.stderr.write('A staff PIN is 4 to 12 digits, given on standard input.\n');
  process.exit(2);
}
process.stdout.write(hashPin(pin) + '\n');
