// Paper since staff last refilled each printer: when, and how many sheets (A4) or receipts have been printed
// since. Kept in <dataDir>/maintenance/paper.json across restarts; "paper refilled" starts the count again.

import { join } from 'node:path';
import { z } from 'zod';
import { openJsonStateFile } from './json-state-file';
import type { PaperLine } from './maintenance-view';

export type PaperPrinter = PaperLine['printer'];

const lineSchema = z.object({ refilledAt: z.string().nullable(), usedSince: z.number().int().nonnegative() });
const countersSchema = z.object({ a4Printer: lineSchema, receiptPrinter: lineSchema });
type Counters = z.infer<typeof countersSchema>;

const fresh = (): Counters => ({
  a4Printer: { refilledAt: null, usedSince: 0 },
  receiptPrinter: { refilledAt: null, usedSince: 0 },
});

export async function openPaperCounters(maintenanceDir: string) {
  const file = await openJsonStateFile(join(maintenanceDir, 'paper.json'), countersSchema, fresh);
  return {
    lines(): PaperLine[] {
      const counters = file.get();
      return (['a4Printer', 'receiptPrinter'] as const).map((printer) => ({ printer, ...counters[printer] }));
    },
    used(printer: PaperPrinter, count: number): Promise<void> {
      if (!Number.isInteger(count) || count <= 0) return Promise.resolve();
      const counters = file.get();
      return file.set({ ...counters, [printer]: { ...counters[printer], usedSince: counters[printer].usedSince + count } });
    },
    refilled(printer: PaperPrinter, at: Date): Promise<void> {
      return file.set({ ...file.get(), [printer]: { refilledAt: at.toISOString(), usedSince: 0 } });
    },
  };
}

export type PaperCounters = Awaited<ReturnType<typeof openPaperCounters>>;
