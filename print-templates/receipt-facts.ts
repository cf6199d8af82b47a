// What a receipt tells: the facts of one session, gathered by the kiosk and placed by the receipt template.
// The schema also reads a bundle's sample data for the receipt template, so a sample is checked like the real thing.

import { z } from 'zod';

import { err, ok, type Result } from '../device-drivers/result';
import { keyPath } from './template-schema';

const bilingual = z.strictObject({ zh: z.string().min(1), en: z.string().min(1) });
/** An address a QR code may hold: https, and no fragment (a seal in URL form travels in the fragment). */
const address = z
  .url({ protocol: /^https$/ })
  .refine((url) => !url.includes('#'), 'an address without a fragment')
  .nullable();

export const receiptFactsSchema = z.strictObject({
  kioskId: z.string().min(1),
  /** When the session's outcome was known; printed as an Asia/Shanghai date and time. */
  at: z.iso.datetime({ offset: true }),
  errandName: bilingual,
  /** maskName's form only: the receipt never carries a whole name. */
  maskedName: z.string().min(1),
  /** The A4 paper came out. */
  printed: z.boolean(),
  /** What was printed, or why not. */
  result: bilingual,
  /** The errand's next step once printed, or what to do instead; null when there is none to tell. */
  nextStep: bilingual.nullable(),
  certificates: z.array(z.strictObject({ id: z.string().min(1), name: bilingual })),
  verifierUrl: address,
  errandGuideUrl: address,
});

export type ReceiptFacts = z.infer<typeof receiptFactsSchema>;
export type Bilingual = z.infer<typeof bilingual>;

/** Reads a sample's parsed JSON; each problem names its key. */
export function checkReceiptFacts(input: unknown): Result<ReceiptFacts, string[]> {
  const result = receiptFactsSchema.safeParse(input);
  if (result.success) return ok(result.data);
  return err(result.error.issues.map((issue) => `${keyPath(issue.path)}: ${issue.message}`));
}
