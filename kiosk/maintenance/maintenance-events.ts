// What the touch UI may ask of maintenance mode: a closed list, checked on arrival. Anything else is dropped.
// A PIN travels only over the agent's loopback socket and is never logged or kept.

import { z } from 'zod';

export const maintenanceTests = ['all', 'cardRead', 'scanCode', 'a4TestPage', 'testReceipt', 'gateway'] as const;

export const maintenanceEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('PIN'), pin: z.string().regex(/^\d{4,12}$/) }),
  /** Leave: from the keypad (nothing entered) or from maintenance mode, back to service. */
  z.object({ type: z.literal('LEAVE') }),
  z.object({ type: z.literal('TOUCH') }),
  z.object({ type: z.literal('RUN_TEST'), test: z.enum(maintenanceTests) }),
  z.object({ type: z.literal('REVEAL_SCAN') }),
  z.object({ type: z.literal('PAPER_REFILLED'), printer: z.enum(['a4Printer', 'receiptPrinter']) }),
  z.object({ type: z.literal('SET_SERVICE'), outOfService: z.boolean() }),
  z.object({ type: z.literal('RESTART') }),
]);

export type MaintenanceEvent = z.infer<typeof maintenanceEventSchema>;
