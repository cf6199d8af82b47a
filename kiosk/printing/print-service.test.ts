import { describe, expect, it } from 'vitest';
import { SimulatedA4Printer } from '../../device-drivers/a4-printer/simulated-a4-printer';
import { zhangSanNoPropertyProof } from '../../print-templates/fixtures/synthetic-certificates';
import { syntheticStamp } from '../../print-templates/fixtures/synthetic-stamp';
import { loadBundledTemplate } from '../../print-templates/template-store';
import type { VerifiedCertificate } from '../gateway/certificate';
import type { PrintJobLedger, PrintJobOutcome } from './print-job-ledger';
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
    const service = createPrintService({ kioskId: 'K', printer, template: loadBundledTemplate, ledger });
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
    const service = createPrintService({ kioskId: 'K', printer, template: loadBundledTemplate, ledger, ledgerFailed: () => failures++ });
    expect((await service.print(document('K-1'), () => {})).ok).toBe(true);
    expect(failures).toBe(3);
    await printer.close();
  });

  it('names jobs past the ledger’s highest number', async () => {
    const printer = new SimulatedA4Printer({ spoolDir: null, pageMs: 0, autoTakeMs: null });
    const service = createPrintService({ kioskId: 'K', printer, template: loadBundledTemplate, ledger: memoryLedger(41).ledger });
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
      template: loadBundledTemplate,
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
