// The receipt (凭条) from facts to paper: the receipt template rendered to lines, handed to the receipt printer,
// one receipt at a time. It never throws and nobody waits on it: a receipt fault is told to `failed` (for
// staff) and never stands between a citizen and the A4 paper.

import type { ReceiptPrinter } from '../../device-drivers/receipt-printer/receipt-printer';
import type { ReceiptFacts } from '../../print-templates/receipt-facts';
import type { ReceiptTemplate } from '../../print-templates/receipt-template';
import { renderReceipt } from '../../print-templates/render-receipt';

export interface ReceiptServiceOptions {
  printer: ReceiptPrinter;
  template: () => ReceiptTemplate;
  /** A receipt came out (for the paper counter). */
  printed?: () => void;
  /** Why a receipt did not come out: the driver's error code, `receiptTemplate` or `receiptPrinterFault`. */
  failed: (reason: string) => void;
}

export function createReceiptService(options: ReceiptServiceOptions) {
  let queue: Promise<void> = Promise.resolve();

  async function printOne(facts: ReceiptFacts): Promise<void> {
    const receipt = renderReceipt(options.template(), facts);
    if (!receipt.ok) return options.failed('receiptTemplate');
    try {
      const result = await options.printer.print(receipt.value);
      if (result.ok) options.printed?.();
      else options.failed(result.error.errorCode ?? result.error.code);
    } catch {
      options.failed('receiptPrinterFault');
    }
  }

  return {
    /** Queues a receipt behind any still printing; resolves once it is printed or has failed. */
    print(facts: ReceiptFacts): Promise<void> {
      queue = queue.then(() => printOne(facts));
      return queue;
    },
  };
}

export type ReceiptService = ReturnType<typeof createReceiptService>;
