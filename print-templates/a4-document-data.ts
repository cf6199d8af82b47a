// The data each kind of A4 document is printed from, as zod schemas (a bundle's sample files are checked
// with them), and how each becomes the engine's pages.

import { z } from 'zod';

import { err, ok, type Result } from '../device-drivers/result';
import type { A4DocumentKind } from './a4-document-kinds';
import type { CertificateDocumentData } from './certificate-document';
import { type A4PageData, certificatePage } from './render-a4';
import { formatDateZh, isIsoDate, shanghaiClockTime, shanghaiDate } from './shanghai-date';

const text = z.string().min(1).max(2000);
const instant = z.iso.datetime({ offset: true });
const field = z.strictObject({ label: text, value: z.string().max(2000) });

export const certificateDataSchema = z.strictObject({
  title: text,
  issuer: z.strictObject({ name: text, code: text }),
  holder: z.strictObject({ name: text, idNumber: text }),
  statement: text,
  fields: z.array(field).max(40),
  certId: text,
  issuedAt: instant,
  validUntil: z.string().refine(isIsoDate, 'a date like 2026-12-23'),
  seal: z.string().regex(/^KQ1:[0-9A-Z $%*+\-./:]+$/, 'a KQ1 seal'),
}) satisfies z.ZodType<CertificateDocumentData>;

/** The cover of a 一件事 packet: the errand and the certificates printed for it. */
export const packetDataSchema = z.strictObject({
  errandName: text,
  holderName: text,
  certificates: z
    .array(z.strictObject({ title: text, certId: text }))
    .min(1)
    .max(20),
  printedAt: instant,
  kioskId: text,
});
export type PacketData = z.infer<typeof packetDataSchema>;

export const testPageDataSchema = z.strictObject({ kioskId: text, printerUri: z.string().max(500), printedAt: instant });
export type TestPageData = z.infer<typeof testPageDataSchema>;

export function packetPage(packet: PacketData): A4PageData {
  return {
    title: packet.errandName,
    values: {
      errandName: packet.errandName,
      holderName: packet.holderName,
      certificateCount: String(packet.certificates.length),
      printedDate: formatDateZh(shanghaiDate(packet.printedAt)),
      kioskId: packet.kioskId,
    },
    fields: packet.certificates.map((c) => ({ label: c.title, value: c.certId })),
  };
}

export function testPageA4(data: TestPageData): A4PageData {
  const at = new Date(data.printedAt);
  return {
    title: '打印测试页',
    values: { kioskId: data.kioskId, printerUri: data.printerUri, printedAt: `${formatDateZh(shanghaiDate(at))} ${shanghaiClockTime(at)}` },
    fields: [
      { label: '终端编号', value: data.kioskId },
      { label: '打印机', value: data.printerUri },
    ],
  };
}

const pagesOfKind: Record<A4DocumentKind, (input: unknown) => Result<A4PageData[], string[]>> = {
  certificate: (input) => checkedPages(certificateDataSchema, input, certificatePage),
  packet: (input) => checkedPages(packetDataSchema, input, packetPage),
  testPage: (input) => checkedPages(testPageDataSchema, input, testPageA4),
};

/** Checks one sample file's data for a kind of document and turns it into pages; problems name their key. */
export function samplePages(kind: A4DocumentKind, input: unknown): Result<A4PageData[], string[]> {
  return pagesOfKind[kind](input);
}

function checkedPages<T>(schema: z.ZodType<T>, input: unknown, toPage: (data: T) => A4PageData): Result<A4PageData[], string[]> {
  const checked = schema.safeParse(input);
  if (checked.success) return ok([toPage(checked.data)]);
  return err(checked.error.issues.map((issue) => `${issue.path.join('.') || '(sample)'}: ${issue.message}`));
}
