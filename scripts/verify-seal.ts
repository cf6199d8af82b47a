// `npm run verify-seal -- --trust-list FILE --root FILE <KQ1 text | URL | PNG | PDF>`: checks a paper's seal
// offline against a signed trust list and its pinned root, and prints the claims and the verdict as JSON.
// Exit 0 valid, 1 invalid (an unofficial verifier address, or a list past its nextUpdate, included),
// 2 unusable input, 3 a valid signature from a `test` issuer list.

import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { nodeSealCrypto } from '../kiosk/gateway/seal-kq1';
import { loadTrustList } from '../kiosk/gateway/trust-list';
import { checkScannedSeal } from '../verifier/kq1-verdict';
import { readScannedCodes } from './verify-seal/scanned-codes';
import { exitCode, sealReport } from './verify-seal/seal-report';

const USAGE = 'usage: npm run verify-seal -- --trust-list FILE --root FILE <KQ1 text | URL | PNG | PDF>';

function unusable(why: string): never {
  process.stdout.write(JSON.stringify({ verdict: 'unusable', says: why }, null, 2) + '\n');
  process.exit(2);
}

function commandLine(): { trustList: string; root: string; input: string } {
  try {
    const { values, positionals } = parseArgs({
      options: { 'trust-list': { type: 'string' }, root: { type: 'string' } },
      allowPositionals: true,
    });
    const [input, ...rest] = positionals;
    if (values['trust-list'] !== undefined && values.root !== undefined && input !== undefined && rest.length === 0) {
      return { trustList: values['trust-list'], root: values.root, input };
    }
  } catch {
    // an unknown option: the usage below says what is known
  }
  return unusable(USAGE);
}

const { trustList, root: rootFile, input } = commandLine();

let root: KeyObject;
try {
  root = createPublicKey(await readFile(rootFile, 'utf8'));
} catch {
  unusable('the root file is not a public key in PEM');
}
let token: string;
try {
  token = await readFile(trustList, 'utf8');
} catch {
  unusable('the trust list file cannot be read');
}
const list = loadTrustList(token, root);
if (!list.ok) unusable(list.error.reason);

const scanned = await readScannedCodes(input);
if (!scanned.ok) unusable(scanned.error);

const now = new Date();
const seals = scanned.value.codes.map((code) => sealReport(checkScannedSeal(code, list.value, now, nodeSealCrypto)));
const output = {
  input: scanned.value.kind,
  trustList: {
    version: list.value.version,
    environment: list.value.environment,
    nextUpdate: new Date(list.value.nextUpdateMs).toISOString(),
  },
  seals,
};
process.stdout.write(JSON.stringify(output, null, 2) + '\n');
process.exit(exitCode(seals));
