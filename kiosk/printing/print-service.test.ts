import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SimulatedA4Printer } from '../../device-drivers/a4-printer/simulated-a4-printer';
import packetTemplateJson from '../../print-templates/bundled/packet-a4.json';
import { zhangSanNoPropertyProof, zhangSanSocialSecurityRecord } from '../../print-templates/fixtures/synthetic-certificates';
import { checkA4Template, type A4Template } from '../../print-templates/template-schema';
import { syntheticStamp } from '../../print-templates/fixtures/synthetic-stamp';
import { loadBundledTemplate } from '../../print-templates/template-store';
import { MANIFEST_FILE, sha256Hex } from '../../print-templates/bundle-manifest';
import { loadTemplateBundle } from '../../print-templates/template-bundle';
import type { VerifiedCertificate } from '../gateway/certificate';
import type { PrintJobLedger, PrintJobOutcome } from './print-job-ledger';
import { jobTemplates, oneTemplate } from './job-templates';
import { createPrintService } from './print-service';

function memoryLedger(lastJobNumber: number, failing = false) {
  const steps: string[] = [];
  const step = (text: string) => {
    steps.push(text);
    return failing ? Promise.reject(new Error('disk full')) : Promise.resolve();
  };
  const ledger: PrintJobLedger = {
    submitting: (jobName) => step(`${jobName} submitting`),
    held: (jobName, jobId) => step(`${jobName} held ${jobId}`),
    finished: (jobName, outcome: PrintJobOutcome) => step(`${jobName} finished ${outcome}`),
    unfinished: () => [],
    lastJobNumber: () => lastJobNumber,
    close: async () => {},
  };
  return { ledger, steps };
}

const document = (jobName: string) => ({ pdf: new Uint8Array([37, 80, 68, 70]), pages: 1, jobName });

describe('the print service with a ledger', () => {
  it('records submitting before the print, held at the first progress, finished at the end', async () => {
    const printer = new SimulatedA4Printer({ spoolDir: null, pageMs: 0, autoTakeMs: null });
    await printer.open();
    const { ledger, steps } = memoryLedger(0);
    const service = createPrintService({ kioskId: 'K', printer, templates: () => oneTemplate(loadBundledTemplate()), ledger });
    const result = await service.print(document('K-1'), () => {});
    expect(result.ok).toBe(true);
    expect(steps).toEqual(['K-1 submitting', 'K-1 held 1', 'K-1 finished done']);
    await printer.close();
  });

  it('prints on when the ledger cannot be written, and says so', async () => {
    const printer = new SimulatedA4Printer({ spoolDir: null, pageMs: 0, autoTakeMs: null });
    await printer.open();
    const { ledger } = memoryLedger(0, true);
    let failures = 0;
    const service = createPrintService({
      kioskId: 'K',
      printer,
      templates: () => oneTemplate(loadBundledTemplate()),
      ledger,
      ledgerFailed: () => failures++,
    });
    expect((await service.print(document('K-1'), () => {})).ok).toBe(true);
    expect(failures).toBe(3);
    await printer.close();
  });

  it('names jobs past the ledger’s highest number', async () => {
    const printer = new SimulatedA4Printer({ spoolDir: null, pageMs: 0, autoTakeMs: null });
    const service = createPrintService({
      kioskId: 'K',
      printer,
      templates: () => oneTemplate(loadBundledTemplate()),
      ledger: memoryLedger(41).ledger,
    });
    // The renderer reads only the document's data.
    const certificate = zhangSanNoPropertyProof as unknown as VerifiedCertificate;
    expect((await service.prepareDocument([certificate])).jobName).toBe('K-42');
  });

  it('prints no stamp where the trust list gave none, and tells staff which type went without', async () => {
    const printer = new SimulatedA4Printer({ spoolDir: null, pageMs: 0, autoTakeMs: null });
    const missing: string[] = [];
    const service = createPrintService({
      kioskId: 'K',
      printer,
      templates: () => oneTemplate(loadBundledTemplate()),
      stampMissing: (certType) => missing.push(certType),
    });
    const unstamped = { ...zhangSanNoPropertyProof, certType: 'no-property-proof', stamp: null } as unknown as VerifiedCertificate;
    const stamped = {
      ...zhangSanNoPropertyProof,
      certType: 'social-security-record',
      stamp: syntheticStamp,
    } as unknown as VerifiedCertificate;
    expect((await service.prepareDocument([unstamped, stamped])).pages).toBe(2);
    expect(missing).toEqual(['no-property-proof']);
  });
});

describe('a 一件事 job of several certificate types', () => {
  /** The shipped certificate template with its closing words replaced: each page says which template drew it. */
  const certificateTemplate = (words: string): A4Template => {
    const template = loadBundledTemplate();
    const blocks = template.blocks.map((block) =>
      block.type === 'text' && block.text === '特此证明。' ? { ...block, text: words } : block,
    );
    expect(blocks).not.toEqual(template.blocks);
    return { ...template, id: `certificate-${words}`, blocks };
  };
  const packet = checkA4Template(packetTemplateJson);
  if (!packet.ok) throw new Error(packet.error.join('; '));
  const templates = {
    'no-property-proof': certificateTemplate('无房证明模板的措辞。'),
    'social-security-record': certificateTemplate('参保证明模板的措辞。'),
  };
  const certificates = [
    { ...zhangSanNoPropertyProof, certType: 'no-property-proof', stamp: null },
    { ...zhangSanSocialSecurityRecord, certType: 'social-security-record', stamp: null },
  ] as unknown as VerifiedCertificate[];

  async function pageTexts(pdf: Uint8Array, pages: number): Promise<string[]> {
    const dir = await mkdtemp(join(tmpdir(), 'packet-job-'));
    try {
      await writeFile(join(dir, 'job.pdf'), pdf);
      return Array.from({ length: pages }, (_, i) =>
        execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-layout', join(dir, 'job.pdf'), '-'], { encoding: 'utf8' }),
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  it('prints the cover from the packet template and each certificate with its own type’s template, in one job', async () => {
    const service = createPrintService({
      kioskId: 'HZ-XH-0001',
      printer: new SimulatedA4Printer({ spoolDir: null, pageMs: 0, autoTakeMs: null }),
      templates: () => ({ certificate: (certType) => templates[certType as keyof typeof templates], packet: packet.value }),
      now: () => new Date('2026-11-23T08:00:05Z'),
    });
    const job = await service.prepareDocument(certificates, { errandName: '租房提取公积金（一件事）' });
    expect(job.pages).toBe(3);
    const [cover, first, second] = await pageTexts(job.pdf, 3);
    expect(cover).toMatch(/一件事 材料清单/);
    expect(cover).toMatch(/租房提取公积金（一件事）/);
    expect(cover).toMatch(/本次共打印 2 份证明/);
    expect(cover).toMatch(/第\s*1\s*页\s*共\s*3\s*页/);
    expect(first).toMatch(/无房证明模板的措辞。/);
    expect(first).not.toMatch(/参保证明模板的措辞|一件事 材料清单/);
    expect(second).toMatch(/参保证明模板的措辞。/);
    expect(second).not.toMatch(/无房证明模板的措辞|一件事 材料清单/);
  });

  it('prints no cover for one certificate, nor where the templates have no packet template', async () => {
    const service = (withPacket: boolean) =>
      createPrintService({
        kioskId: 'K',
        printer: new SimulatedA4Printer({ spoolDir: null, pageMs: 0, autoTakeMs: null }),
        templates: () => ({
          certificate: (certType) => templates[certType as keyof typeof templates],
          packet: withPacket ? packet.value : null,
        }),
      });
    const single = await service(true).prepareDocument(certificates.slice(0, 1), { errandName: '无房证明' });
    expect(single.pages).toBe(1);
    const noCover = await service(false).prepareDocument(certificates, { errandName: '租房提取公积金（一件事）' });
    expect(noCover.pages).toBe(2);
    expect((await pageTexts(noCover.pdf, 2))[1]).toMatch(/参保证明模板的措辞。/);
  });
});

describe("a bundle's own font in a citizen's print job", () => {
  it('prints the style set in it, embedded as a subset', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bundle-font-'));
    try {
      const bundleDir = join(dir, 'bundle');
      await cp(new URL('../../print-templates/bundled', import.meta.url).pathname, bundleDir, { recursive: true });
      const fontFile = 'fonts/NotoSansSC-Thin-latin.ttf';
      await cp(
        new URL('../../print-templates/fixtures/fonts/NotoSansSC-Thin-latin.ttf', import.meta.url).pathname,
        join(bundleDir, fontFile),
      );
      const certificateFile = join(bundleDir, 'certificate-a4.json');
      const template = JSON.parse(await readFile(certificateFile, 'utf8')) as { styles: Record<string, unknown>; blocks: unknown[] };
      template.styles.certNumber = { face: 'noto-sans-sc-thin', sizePt: 8.5 };
      template.blocks.splice(10, 0, { type: 'text', text: '{certId}', style: 'certNumber', anchor: 'bottom' });
      await writeFile(certificateFile, JSON.stringify(template));
      const manifestFile = join(bundleDir, MANIFEST_FILE);
      const manifest = JSON.parse(await readFile(manifestFile, 'utf8')) as {
        fonts?: Record<string, string>;
        files: Record<string, { sha256: string; length: number }>;
      };
      manifest.fonts = { 'noto-sans-sc-thin': fontFile };
      manifest.files[fontFile] = { sha256: '', length: 0 };
      for (const path of Object.keys(manifest.files)) {
        const bytes = await readFile(join(bundleDir, path));
        manifest.files[path] = { sha256: sha256Hex(bytes), length: bytes.length };
      }
      await writeFile(manifestFile, JSON.stringify(manifest));
      const bundle = await loadTemplateBundle(bundleDir);
      if (!bundle.ok) throw new Error(bundle.error.join('\n'));

      const printer = new SimulatedA4Printer({ spoolDir: null, pageMs: 0, autoTakeMs: null });
      const service = createPrintService({ kioskId: 'K', printer, templates: () => jobTemplates(bundle.value, loadBundledTemplate()) });
      const job = await service.prepareDocument([
        { ...zhangSanNoPropertyProof, certType: 'no-property-proof' } as unknown as VerifiedCertificate,
      ]);
      await writeFile(join(dir, 'job.pdf'), job.pdf);
      expect(execFileSync('pdffonts', [join(dir, 'job.pdf')], { encoding: 'utf8' })).toMatch(
        /^[A-Z]{6}\+NotoSansSC-Thin\s+CID TrueType\s+Identity-H\s+yes\s+yes/m,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
