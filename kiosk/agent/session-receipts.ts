// Where a receipt printer is configured, the receipt (凭条) of every session that reached the gateway: what the
// session told (its masked name, certificate numbers, outcome) joined with the errand's words and the kiosk's,
// printed by the receipt service. The receipt's facts are printed, never logged; a fault is a staff alert.

import type { ReceiptPrinter } from '../../device-drivers/receipt-printer/receipt-printer';
import type { ReceiptFacts } from '../../print-templates/receipt-facts';
import type { ReceiptTemplate } from '../../print-templates/receipt-template';
import { loadBundledReceiptTemplate } from '../../print-templates/receipt-template-store';
import { certTypeNames, type Errand } from '../errands/catalogue';
import type { Logger } from '../logger';
import { createReceiptService } from '../printing/receipt-service';
import { failureDefinitions } from '../session/failures';
import type { SessionEmitted } from '../session/session-machine';
import type { SessionRuntime } from './session-runtime';

type ReceiptNote = Extract<SessionEmitted, { type: 'receipt' }>;

export interface SessionReceiptsOptions {
  runtime: Pick<SessionRuntime, 'on'>;
  printer: ReceiptPrinter | null;
  catalogue: readonly Errand[];
  kioskId: string;
  /** `verifier.url` of the configuration: the receipt's QR code points there. */
  verifierUrl: string | null;
  logger: Logger;
  /** A receipt came out (for the paper counter). */
  printed?: () => void;
  /** The receipt template in force, asked at each receipt (an installed bundle may replace it); by default the bundled one. */
  template?: () => ReceiptTemplate;
  now?: () => Date;
}

/** Null where no receipt printer is configured. */
export function startSessionReceipts(options: SessionReceiptsOptions): { stop(): Promise<void> } | null {
  const { printer, logger } = options;
  if (!printer) return null;
  let template = options.template;
  if (!template) {
    const bundled = loadBundledReceiptTemplate();
    template = () => bundled;
  }
  const now = options.now ?? (() => new Date());
  const service = createReceiptService({
    printer,
    template,
    printed: options.printed,
    failed: (reason) => logger.event('staff.alert', 'failure', { reason: `receiptPrinter:${reason}` }),
  });
  let printing: Promise<void> = Promise.resolve();
  const unsubscribe = options.runtime.on('receipt', (note) => {
    const errand = options.catalogue.find((e) => e.id === note.errandId);
    if (!errand) return;
    printing = service.print(receiptFacts(note, errand, { kioskId: options.kioskId, verifierUrl: options.verifierUrl, at: now() }));
  });
  return {
    /** Stops listening and lets a receipt in progress finish. */
    async stop() {
      unsubscribe();
      await printing;
    },
  };
}

/**
 * The facts of one receipt. Printed: the errand's next step, or, printed without a part its department refused,
 * what is missing and where to get it. Not printed: the failure's title and its last next step — the one that
 * still holds away from the kiosk's screen (the first is often "tap Try again").
 */
export function receiptFacts(
  note: ReceiptNote,
  errand: Errand,
  kiosk: { kioskId: string; verifierUrl: string | null; at: Date },
): ReceiptFacts {
  const count = note.certificates.length;
  const failure = note.failure ? failureDefinitions[note.failure] : null;
  const printedResult = { zh: `已打印 ${count} 份证明`, en: count === 1 ? '1 paper printed' : `${count} papers printed` };
  // Printed without a part its department refused: the receipt names what is missing and where to get it.
  const missing = note.printed ? note.missing.map(({ certType }) => certTypeNames[certType]) : [];
  const firstMissing = note.printed ? note.missing[0] : undefined;
  return {
    kioskId: kiosk.kioskId,
    at: kiosk.at.toISOString(),
    errandName: errand.name,
    maskedName: note.maskedName,
    printed: note.printed,
    result: !note.printed
      ? (failure?.title ?? { zh: '已取消，未打印', en: 'Cancelled; nothing printed' })
      : missing.length > 0
        ? {
            zh: `${printedResult.zh}；未出具：${missing.map((name) => name.zh).join('、')}`,
            en: `${printedResult.en}; not issued: ${missing.map((name) => name.en).join(', ')}`,
          }
        : printedResult,
    nextStep: firstMissing
      ? (failureDefinitions[firstMissing.failure].nextSteps[0] ?? null)
      : note.printed
        ? errand.nextStep
        : (failure?.nextSteps.at(-1) ?? null),
    certificates: note.certificates.map(({ certId, certType }) => ({ id: certId, name: certTypeNames[certType] })),
    verifierUrl: kiosk.verifierUrl,
    errandGuideUrl: errand.guideUrl ?? null,
  };
}
