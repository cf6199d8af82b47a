// Turns verified certificates into one print job and asks the printer afresh whether it can take it.
// The job name is a kiosk-wide counter: printer queues never see personal data. The pages of every job the
// printer completed are reported as sheets printed (simplex: one page, one sheet).
// The renderer (pdfkit, fontkit, the CJK font tables) takes about half a second to load: it is loaded on first use
// or by `warmUp()` once the agent serves, not before the kiosk's start.

import {
  a4Readiness,
  type A4Printer,
  type A4PrintError,
  type PrintDocument,
  type PrintJobProgress,
  type PrinterReadiness,
} from '../../device-drivers/a4-printer/a4-printer';
import type { Result } from '../../device-drivers/result';
import type { A4Template } from '../../print-templates/template-schema';
import type { VerifiedCertificate } from '../gateway/certificate';

export function createPrintService(options: {
  kioskId: string;
  printer: A4Printer;
  template: () => A4Template;
  sheetsPrinted?: (sheets: number) => void;
}) {
  let jobCounter = 0;
  let renderer: Promise<typeof import('../../print-templates/render-a4')> | null = null;
  const loadRenderer = () => (renderer ??= import('../../print-templates/render-a4'));
  return {
    async warmUp(): Promise<void> {
      await loadRenderer();
    },

    async prepareDocument(certificates: VerifiedCertificate[]): Promise<PrintDocument> {
      const { renderCertificatesA4 } = await loadRenderer();
      const { pdf, pages } = await renderCertificatesA4(certificates, options.template());
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
      const result = await options.printer.print(document, onProgress);
      if (result.ok) options.sheetsPrinted?.(document.pages);
      return result;
    },
  };
}
