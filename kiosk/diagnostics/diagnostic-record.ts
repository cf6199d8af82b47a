// A self-test's result as a record staff can read later and the fleet can collect: what, when, who, how it
// ended. Details are scalars about the device or the gateway, never about a citizen.

import { z } from 'zod';
import { staffIdSchema } from '../maintenance/staff-id';

/** `cardRead` and `scanCode` need a person at the kiosk (maintenance mode): their records say only that a card
 * read, or a code's length and symbology. */
export const selfTestNames = [
  'idReader',
  'scanner',
  'a4Printer',
  'a4TestPage',
  'receiptPrinter',
  'testReceipt',
  'gateway',
  'cardRead',
  'scanCode',
] as const;
export type SelfTestName = (typeof selfTestNames)[number];

export type DiagnosticOutcome = 'passed' | 'failed' | 'skipped';
export type DiagnosticDetail = string | number | boolean | null;

/** Who ran a test: a staff id from maintenance mode, or `shell` for `npm run diag`. */
export const ranBySchema = staffIdSchema;

export const diagnosticRecordSchema = z.object({
  id: z.string(),
  test: z.enum(selfTestNames),
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
  by: ranBySchema,
  outcome: z.enum(['passed', 'failed', 'skipped']),
  details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});

export type DiagnosticRecord = z.infer<typeof diagnosticRecordSchema>;

/** What a run asks for: who runs it, and whether paper may be used (a test page, a test receipt). */
export const selfTestRequestSchema = z.strictObject({ by: ranBySchema.default('shell'), print: z.boolean().default(false) });
export type SelfTestRequest = z.infer<typeof selfTestRequestSchema>;
