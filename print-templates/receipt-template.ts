// The receipt template format: the 80 mm 凭条 as data an operator may change — wording, order, alignment, size,
// emphasis, separators, lines printed only in some cases, and a QR code. It can place only the facts below
// (never an ID number: there is no such placeholder) and its QR code can hold only an address, the public
// verifier page's or the errand's guide: never a seal, never personal data.
//
// Text lines take `{placeholder}`s. Lines with `forEach: "certificate"` may also use the certificate's own
// placeholders; consecutive ones form a group printed once per certificate of the session, in order. `when`
// prints a line only in one case. The
// printer wraps a line longer than the paper; `columns` (characters of normal size across the paper, 48 on
// 80 mm paper at 203 dpi) is the length of a separator.

import { z } from 'zod';

import { err, ok, type Result } from '../device-drivers/result';
import { placeholdersIn } from './placeholders';
import { keyPath } from './template-schema';

export const receiptTemplateFormat = 'kiosk-receipt-template/1';

/** The facts of the session a receipt may print. `maskedName` is the only personal data, and it is masked. */
export const receiptPlaceholderNames = [
  'kioskId',
  'time',
  'errandName',
  'errandNameEn',
  'maskedName',
  'result',
  'resultEn',
  'nextStep',
  'nextStepEn',
] as const;
/** Only in `forEach: "certificate"` lines. */
export const certificatePlaceholderNames = ['certName', 'certNameEn', 'certId'] as const;
export type ReceiptPlaceholderName = (typeof receiptPlaceholderNames)[number] | (typeof certificatePlaceholderNames)[number];

/** A template may reword these facts, never leave them out. */
export const requiredReceiptPlaceholders: readonly ReceiptPlaceholderName[] = [
  'kioskId',
  'time',
  'errandName',
  'maskedName',
  'result',
  'nextStep',
  'certId',
];

/**
 * `printed`: the A4 paper came out; `hasNextStep`: the errand (or the failure) says what to do next;
 * `hasVerifierUrl`, `hasErrandGuide`: the address a QR code would hold is known (for a caption under it).
 */
export const receiptConditions = ['printed', 'notPrinted', 'hasCertificates', 'hasNextStep', 'hasVerifierUrl', 'hasErrandGuide'] as const;
export type ReceiptCondition = (typeof receiptConditions)[number];

/** Where a QR code's address comes from: the configured `verifier.url`, or the errand's `guideUrl`. */
export const receiptQrContents = ['verifierUrl', 'errandGuide'] as const;

const when = z.enum(receiptConditions).optional();

const textLine = z.strictObject({
  kind: z.literal('text'),
  // A control character would reach the printer as a command of the template's choosing.
  text: z
    .string()
    .min(1)
    .max(500)
    .regex(/^\P{Cc}*$/u, 'no control characters: a template cannot send printer commands'),
  size: z.enum(['normal', 'large']).default('normal'),
  align: z.enum(['left', 'center', 'right']).default('left'),
  bold: z.boolean().default(false),
  forEach: z.literal('certificate').optional(),
  when,
});

/** A line of one character across the paper. */
const separatorLine = z.strictObject({
  kind: z.literal('separator'),
  char: z.enum(['-', '=', '*', '.', '_', '~']).default('-'),
  when,
});

const feedLine = z.strictObject({ kind: z.literal('feed'), lines: z.number().int().min(1).max(10), when });

/** Printed only when its address is known (a kiosk without `verifier.url`, an errand without a guide: no code). */
const qrLine = z.strictObject({ kind: z.literal('qr'), content: z.enum(receiptQrContents), when });

const receiptLine = z.discriminatedUnion('kind', [textLine, separatorLine, feedLine, qrLine]);

export const receiptTemplateSchema = z
  .strictObject({
    format: z.literal(receiptTemplateFormat),
    id: z.string().regex(/^[a-z0-9-]{1,64}$/),
    version: z.string().regex(/^[0-9A-Za-z.+-]{1,32}$/),
    columns: z.number().int().min(32).max(64).default(48),
    lines: z.array(receiptLine).min(1).max(100),
  })
  .superRefine((template, ctx) => {
    const used = new Set<string>();
    template.lines.forEach((line, i) => {
      if (line.kind !== 'text') return;
      const known: readonly string[] =
        line.forEach === 'certificate' ? [...receiptPlaceholderNames, ...certificatePlaceholderNames] : receiptPlaceholderNames;
      for (const name of placeholdersIn(line.text)) {
        used.add(name);
        if (known.includes(name)) continue;
        const hint = (certificatePlaceholderNames as readonly string[]).includes(name)
          ? 'a certificate placeholder needs forEach: "certificate"'
          : `known: ${receiptPlaceholderNames.join(', ')}; per certificate: ${certificatePlaceholderNames.join(', ')}`;
        ctx.addIssue({ code: 'custom', path: ['lines', i, 'text'], message: `unknown placeholder {${name}}; ${hint}` });
      }
    });
    for (const name of requiredReceiptPlaceholders) {
      if (!used.has(name)) ctx.addIssue({ code: 'custom', path: ['lines'], message: `no line prints {${name}}` });
    }
  });

export type ReceiptTemplate = z.output<typeof receiptTemplateSchema>;
export type ReceiptTemplateLine = ReceiptTemplate['lines'][number];

/** Validates a parsed receipt template; each problem names the key it is about, e.g. `lines[3].text: …`. */
export function checkReceiptTemplate(input: unknown): Result<ReceiptTemplate, string[]> {
  const result = receiptTemplateSchema.safeParse(input);
  if (result.success) return ok(result.data);
  return err(result.error.issues.map((issue) => `${keyPath(issue.path)}: ${issue.message}`));
}
