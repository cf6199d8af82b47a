// Test-only: a paper the development kiosk prints for a test citizen, its QR read back from the spooled PDF
// with zbarimg (as a receiver would scan it); the kiosk is back home afterwards.

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readScannedCodes } from '../../scripts/verify-seal/scanned-codes';
import { localApi } from './local-api';

export async function printPaperAndReadSeal(agentUrl: string, spoolDir: string, cardKey: string): Promise<string> {
  const api = localApi(agentUrl);
  await api.consentTo('no-property-proof-provident-fund', cardKey);
  await api.waitForScreen('preview');
  await api.event({ type: 'PRINT' });
  await api.waitForScreen('takeItems');
  const pdf = (await readdir(spoolDir)).find((name) => name.endsWith('.pdf'));
  if (!pdf) throw new Error('nothing was spooled');
  const codes = await readScannedCodes(join(spoolDir, pdf));
  if (!codes.ok) throw new Error(codes.error);
  const seal = codes.value.codes.find((code) => code.includes('KQ1:'));
  if (!seal) throw new Error('the printed paper carries no KQ1 seal');
  await api.post('/api/sim/a4-printer', { action: 'takePaper' });
  await api.waitForScreen('rating');
  await api.event({ type: 'SKIP_RATING' });
  await api.event({ type: 'HOME' });
  await api.waitForScreen('home', 15_000);
  return seal;
}
