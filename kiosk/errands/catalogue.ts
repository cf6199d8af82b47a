// The errand catalogue is data (errands.json), checked against this schema when the agent starts.

import { z } from 'zod';
import { certTypeWords } from '../../verifier/claim-words';
import catalogueJson from './errands.json';

const code = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'codes are A-Z a-z 0-9 - and at most 64 characters');
const text = z.object({ zh: z.string().min(1), en: z.string().min(1) });

export const certTypeSchema = z.enum(['no-property-proof', 'social-security-record', 'residence-proof', 'household-registration-proof']);
export type CertType = z.infer<typeof certTypeSchema>;

/** Certificate names for screens and audit-free messages. */
export const certTypeNames: Record<CertType, { zh: string; en: string }> = certTypeWords;

export const errandSchema = z.object({
  id: code,
  name: text,
  summary: text,
  certTypes: z.array(certTypeSchema).min(1),
  /** 事项编码, sent as X-Issue. */
  issueCode: code,
  /** 用证事由, sent as X-Purpose. */
  purposeCode: code,
  bring: z.array(text).min(1),
  sources: z.array(text).min(1),
  /** What the citizen does with the paper, printed on the receipt: "请持本证明到公积金中心办理提取". */
  nextStep: text,
  /** The errand's public guide (https), which a receipt template may print as a QR code. */
  guideUrl: z.url({ protocol: /^https$/ }).optional(),
});
export type Errand = z.infer<typeof errandSchema>;

export const catalogueSchema = z.object({ errands: z.array(errandSchema).min(1) });

/** The bundled catalogue, in the order the home screen shows it (most used first). */
export function loadCatalogue(): Errand[] {
  return catalogueSchema.parse(catalogueJson).errands;
}
