// `npm run verify-seal` end to end: a seal given as text, as the URL form, as a PNG photo and inside a PDF the
// kiosk's print service rendered, checked against a signed trust list and its root; each exit status once.

import { spawnSync } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedA4Printer } from '../device-drivers/a4-printer/simulated-a4-printer';
import { encodeSeal } from '../kiosk/gateway/seal-kq1';
import { publishTrustList } from '../kiosk/gateway/trust-list';
import type { VerifiedCertificate } from '../kiosk/gateway/certificate';
import { oneTemplate } from '../kiosk/printing/job-templates';
import { createPrintService } from '../kiosk/printing/print-service';
import { zhangSanNoPropertyProof } from '../print-templates/fixtures/synthetic-certificates';
import { loadBundledTemplate } from '../print-templates/template-store';
import { repoRoot } from '../test/support/kiosk-process';
import { currentPaperClaims } from '../test/support/kq1-seal-fixture';
import { makeIssuer, newEs256Key, trustDocument } from '../test/support/trust-list-fixture';
import { sealUrl } from '../verifier/kq1-url-form';
import type { SealReport } from './verify-seal/seal-report';

const page = 'https://verify.example.gov.cn/kq1';
const day = 86_400_000;
const issuer = makeIssuer();
const root = newEs256Key();
const claims = currentPaperClaims();
const seal = encodeSeal(claims, { alg: 'ES256', kid: issuer.kid, privateKey: issuer.privateKey });
let dir: string;

/** A trust list signed by the root, fresh (nextUpdate a week ahead) unless told otherwise. */
async function trustListFile(name: string, extra: Record<string, unknown>): Promise<string> {
  const document = {
    ...trustDocument([issuer.entry]),
    issuedAt: new Date(Date.now() - day).toISOString().replace(/\.\d+Z$/, 'Z'),
    nextUpdate: new Date(Date.now() + 7 * day).toISOString().replace(/\.\d+Z$/, 'Z'),
    ...extra,
  };
  const file = join(dir, name);
  await writeFile(file, publishTrustList(document, root));
  return file;
}

let production: string;
let rootFile: string;

/** What the command prints: the seals it checked, or why the input is unusable. */
interface CommandOutput {
  input?: string;
  seals?: SealReport[];
  verdict?: string;
  says?: string;
}

function verifySeal(input: string, trustList = production, rootPem = rootFile): { status: number | null; json: CommandOutput } {
  const run = spawnSync(
    process.execPath,
    [
      join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(repoRoot, 'scripts', 'verify-seal.ts'),
      '--trust-list',
      trustList,
      '--root',
      rootPem,
      input,
    ],
    { encoding: 'utf8' },
  );
  return { status: run.status, json: JSON.parse(run.stdout) };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verify-seal-'));
  rootFile = join(dir, 'root.pem');
  await writeFile(rootFile, createPublicKey(root).export({ type: 'spki', format: 'pem' }));
  production = await trustListFile('production.jws', { environment: 'production', verifierUrls: [page] });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('npm run verify-seal', () => {
  it('prints every claim and "valid" for a KQ1 text, exit 0', () => {
    const { status, json } = verifySeal(seal);
    expect(status).toBe(0);
    expect(json).toMatchObject({
      input: 'text',
      trustList: { version: 7, environment: 'production' },
      seals: [
        {
          verdict: 'valid',
          says: 'valid',
          failure: null,
          form: 'bare',
          claims: {
            type: 'no-property-proof',
            certificateId: claims.id,
            holderName: '张三',
            maskedIdNumber: '330106********123X',
            facts: { region: '杭州市' },
            issuedAt: new Date(claims.iat * 1000).toISOString(),
          },
          issuer: { name: '杭州市不动产登记服务中心', kid: issuer.kid },
        },
      ],
    });
  });

  it('reads the URL form from a PDF the print service rendered (pdftoppm, zbarimg), exit 0', async () => {
    const service = createPrintService({
      kioskId: 'K',
      printer: new SimulatedA4Printer({ spoolDir: null, pageMs: 0, autoTakeMs: null }),
      templates: () => oneTemplate(loadBundledTemplate()),
      sealVerifierUrl: () => page,
    });
    const certificate = { ...zhangSanNoPropertyProof, seal } as unknown as VerifiedCertificate;
    const pdf = join(dir, 'printed.pdf');
    await writeFile(pdf, (await service.prepareDocument([certificate])).pdf);
    const { status, json } = verifySeal(pdf);
    expect(status).toBe(0);
    expect(json).toMatchObject({
      input: 'pdf',
      seals: [{ verdict: 'valid', form: 'url', verifierUrl: page, claims: { holderName: '张三' } }],
    });
  });

  it('reads a PNG photo of the code, exit 0', async () => {
    const png = join(dir, 'photo.png');
    await QRCode.toFile(png, [{ data: seal, mode: 'alphanumeric' }], { type: 'png', errorCorrectionLevel: 'Q', margin: 4, scale: 4 });
    const { status, json } = verifySeal(png);
    expect(status).toBe(0);
    expect(json).toMatchObject({ input: 'png', seals: [{ verdict: 'valid' }] });
  });

  it('refuses an unofficial verifier address and a tampered seal, and cannot confirm past nextUpdate, exit 1', async () => {
    const unofficial = verifySeal(sealUrl('https://verify.example.com/kq1', seal));
    expect(unofficial.status).toBe(1);
    expect(unofficial.json.seals).toEqual([
      { verdict: 'invalid', says: 'invalid: unofficial verifier address', saysZh: '无效：非官方核验地址', failure: 'unofficial-verifier' },
    ]);
    const tampered = verifySeal(seal.slice(0, -3) + (seal.endsWith('000') ? '111' : '000'));
    expect(tampered.status).toBe(1);
    expect(tampered.json.seals?.[0]).toMatchObject({ verdict: 'invalid', failure: expect.stringMatching(/^(signature-invalid|damaged)$/) });
    const stale = await trustListFile('stale.jws', { environment: 'production', verifierUrls: [page], nextUpdate: '2026-01-08T00:00:00Z' });
    const late = verifySeal(seal, stale);
    expect(late.status).toBe(1);
    expect(late.json.seals?.[0]).toMatchObject({ verdict: 'cannot-confirm', says: 'cannot confirm — the issuer list is out of date' });
  });

  it('says "test issuer" for a valid seal under a test list, exit 3', async () => {
    const { status, json } = verifySeal(seal, await trustListFile('test.jws', {}));
    expect(status).toBe(3);
    expect(json.seals?.[0]).toMatchObject({
      verdict: 'test-issuer',
      says: 'test issuer — not valid for use',
      claims: { holderName: '张三' },
    });
  });

  it('calls unusable what is no seal, no readable file, or a list its root did not sign, exit 2', async () => {
    const junk = join(dir, 'junk.bin');
    await writeFile(junk, 'not an image');
    expect(verifySeal('HC1:NCFOXN').status).toBe(2);
    expect(verifySeal(page).status).toBe(2);
    expect(verifySeal(join(dir, 'missing.png')).status).toBe(2);
    expect(verifySeal(junk)).toEqual({
      status: 2,
      json: { verdict: 'unusable', says: 'the file is neither a PNG image nor a PDF' },
    });
    const otherRoot = join(dir, 'other-root.pem');
    await writeFile(otherRoot, createPublicKey(newEs256Key()).export({ type: 'spki', format: 'pem' }));
    expect(verifySeal(seal, production, otherRoot)).toMatchObject({
      status: 2,
      json: { verdict: 'unusable', says: expect.stringContaining('trust list') },
    });
  });
});
