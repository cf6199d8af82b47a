// The words a template may use to place certificate data in its text: `{certId}`, `{holderName}`, …
// Filling is a single pass, so data that happens to contain braces is never read as a placeholder.

import type { CertificateDocumentData } from './certificate-document';
import { formatDateZh, shanghaiDate } from './shanghai-date';

export const placeholderNames = [
  'title',
  'holderName',
  'holderIdNumber',
  'statement',
  'issuerName',
  'issuerCode',
  'issuedDate',
  'validUntil',
  'certId',
] as const;
export type PlaceholderName = (typeof placeholderNames)[number];
export type PlaceholderValues = Record<PlaceholderName, string>;

/** A template must print each of these somewhere: wording may change, the facts on the paper may not. */
export const requiredPlaceholders: readonly PlaceholderName[] = [
  'title',
  'holderName',
  'holderIdNumber',
  'statement',
  'issuerName',
  'issuedDate',
  'validUntil',
  'certId',
];

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** Every `{name}` written in a text, known or not. */
export function placeholdersIn(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

export function placeholderValues(certificate: CertificateDocumentData): PlaceholderValues {
  return {
    title: certificate.title,
    holderName: certificate.holder.name,
    holderIdNumber: certificate.holder.idNumber,
    statement: certificate.statement,
    issuerName: certificate.issuer.name,
    issuerCode: certificate.issuer.code,
    issuedDate: formatDateZh(shanghaiDate(certificate.issuedAt)),
    validUntil: formatDateZh(shanghaiDate(certificate.validUntil)),
    certId: certificate.certId,
  };
}

/** One pass for any set of names (a template's, the receipt's); a name not among `values` is left as written. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (written, name: string) => (Object.hasOwn(values, name) ? (values[name] ?? written) : written));
}
