// Turns verified certificates into one print job and asks the printer afresh whether it can take it.
// The job name is a kiosk-wide counter: printer queues never see personal data. The pages of every job the
// printer completed are reported as sheets printed (simplex: one page, one sheet).
// The renderer (pdfkit, fontkit, the CJK font tables) takes about half a second to load: it is loaded on first use
// or by `warmUp()` once the agent serves, not before the kiosk's start; `warmUp()` also renders one made-up page
// (the fonts' tables read, the code paths compiled), so the first citizen's render costs what the next ones do.
// With a ledger, each job's steps go to disk around the print (print-job-ledger.ts), and the job counter goes on
// from the ledger's highest so that no job name is used twice across restarts. A ledger that cannot be written
// does not stop the print: it is told to `ledgerFailed` (for staff).
// With a verifier address (`sealVerifierUrl`), seals print in the URL form a phone's camera opens.
// Each certificate prints with its own type's template; a 一件事 errand's job of several certificates opens with
// the packet cover where the templates in force have one, all in one job.

import {
  a4Readiness,
  type A4Printer,
  type A4PrintError,
  type PrintDocument,
  type PrintJobProgress,
  type PrinterReadiness,
} from '../../device-drivers/a4-printer/a4-printer';
import type { Result } from '../../device-drivers/result';
import type { A4Section } from '../../print-templates/render-a4';
import { sealUrl } from '../../verifier/kq1-url-form';
import type { VerifiedCertificate } from '../gateway/certificate';
import type { JobTemplates } from './job-templates';
import type { PrintJobLedger } from './print-job-ledger';

/** A 一件事 errand's job: what its cover says besides the certificates. */
export interface PacketCover {
  errandName: string;
}

export function createPrintService(options: {
  kioskId: string;
  printer: A4Printer;
  /** Asked at each job: a bundle switched in between jobs is used whole by the next one. */
  templates: () => JobTemplates;
  sheetsPrinted?: (sheets: number) => void;
  ledger?: PrintJobLedger;
  ledgerFailed?: () => void;
  /** The verifier page printed seals point at, or null for the bare `KQ1:` form (seal-verifier-url.ts). */
  sealVerifierUrl?: () => string | null;
  /** The A4 printer prints black only: stamps print black. */
  monochrome?: boolean;
  /** A certificate printed without the stamp its template places: its trust-list entry gave none (for staff). */
  stampMissing?: (certType: string) => void;
  /** The packet cover's print time; the clock by default. */
  now?: () => Date;
}) {
  const { ledger } = options;
  let jobCounter = ledger?.lastJobNumber(options.kioskId) ?? 0;
  const record = (write: Promise<void>): Promise<void> => write.catch(() => options.ledgerFailed?.());
  let renderer: Promise<typeof import('../../print-templates/render-a4') & typeof import('../../print-templates/a4-document-data')> | null =
    null;
  const loadRenderer = () =>
    (renderer ??= Promise.all([import('../../print-templates/render-a4'), import('../../print-templates/a4-document-data')]).then(
      ([engine, documents]) => ({ ...engine, ...documents }),
    ));
  return {
    async warmUp(): Promise<void> {
      await loadRenderer();
      const { warmUpA4Engine } = await import('../../print-templates/engine-warm-up');
      await warmUpA4Engine();
    },

    /** One job of the certificates, each with its type's template; a packet's cover first when there are several. */
    async prepareDocument(certificates: VerifiedCertificate[], packet?: PacketCover): Promise<PrintDocument> {
      const { certificatePage, packetPage, renderA4Sections } = await loadRenderer();
      const verifierUrl = options.sealVerifierUrl?.() ?? null;
      const templates = options.templates();
      const sections: A4Section[] = [];
      const holder = certificates[0]?.holder.name;
      if (packet && templates.packet && certificates.length > 1 && holder) {
        const printedAt = (options.now?.() ?? new Date()).toISOString();
        const cover = packetPage({ errandName: packet.errandName, holderName: holder, certificates, printedAt, kioskId: options.kioskId });
        sections.push({ template: templates.packet, pages: [cover] });
      }
      for (const certificate of certificates) {
        const template = templates.certificate(certificate.certType);
        const seal = verifierUrl === null ? certificate.seal : sealUrl(verifierUrl, certificate.seal);
        sections.push({ template, pages: [certificatePage({ ...certificate, seal })] });
        if (certificate.stamp === null && template.blocks.some((block) => block.type === 'stamp'))
          options.stampMissing?.(certificate.certType);
      }
      const { pdf, pages } = await renderA4Sections(sections, {
        monochrome: options.monochrome ?? false,
        ...(templates.images ? { images: templates.images } : {}),
        ...(templates.fonts ? { fonts: templates.fonts } : {}),
      });
      jobCounter += 1;
      return { pdf, pages, jobName: `${options.kioskId}-${jobCounter}` };
    },

    async checkPrinter(): Promise<PrinterReadiness> {
      return a4Readiness(await options.printer.refreshStatus());
    },

    /** Hands the job to the printer (A4Printer.print); a completed job's pages count as sheets printed. */
    async print(
      document: PrintDocument,
      onProgress: (progress: PrintJobProgress) => void,
    ): Promise<Result<PrintJobProgress, A4PrintError>> {
      const { jobName } = document;
      if (ledger) await record(ledger.submitting(jobName));
      let held: Promise<void> | null = null;
      const result = await options.printer.print(document, (progress) => {
        if (ledger) held ??= record(ledger.held(jobName, progress.jobId));
        onProgress(progress);
      });
      await held;
      if (ledger) await record(ledger.finished(jobName, result.ok ? 'done' : 'failed'));
      if (result.ok) options.sheetsPrinted?.(document.pages);
      return result;
    },
  };
}
