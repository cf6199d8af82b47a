// Issues one certificate: the contract's payload, its KQ1 seal, and the JWS around both, all signed by the
// issuing department's key (ES256 or SM2, as the key is).

import { randomBytes } from 'node:crypto';
import type { CertType } from '../../kiosk/errands/catalogue';
import type { CertificateField, CertificatePayload } from '../../kiosk/gateway/certificate';
import { formatInstant } from '../../kiosk/gateway/contract-time';
import { addDays, endOfShanghaiDay, shanghaiIsoDate } from '../../print-templates/shanghai-date';
import { signJws } from '../../kiosk/gateway/jws';
import { encodeSeal, sealFactKeys } from '../../kiosk/gateway/seal-kq1';
import type { Holder } from '../../kiosk/gateway/wire-format';
import { maskIdNumber } from '../../kiosk/privacy/mask';
import type { IssuerKey } from './simulator-files';

export const VALIDITY_DAYS = 30;

export interface IssueContext {
  requestId: string;
  requestHash: string;
  kioskId: string;
  purpose: string;
  now: Date;
  /** Days from the date of issue to validUntil; default VALIDITY_DAYS. */
  validityDays?: number;
}

export interface CertificateDraft {
  certType: CertType;
  holder: Holder;
  title: string;
  statement: string;
  fields: CertificateField[];
}

/** An issuer-unique id, printed on the paper: department, Shanghai date, random part. */
export function newCertId(prefix: string, now: Date): string {
  return `${prefix}-${shanghaiIsoDate(now).replaceAll('-', '')}-${randomBytes(5).toString('hex').toUpperCase()}`;
}

export function buildCertificatePayload(draft: CertificateDraft, issuer: IssuerKey, context: IssueContext): CertificatePayload {
  const { department, alg, kid, privateKey } = issuer;
  const certId = newCertId(department.certIdPrefix, context.now);
  const validUntil = addDays(shanghaiIsoDate(context.now), context.validityDays ?? VALIDITY_DAYS);
  const facts = Object.fromEntries(
    sealFactKeys(draft.certType).map((key) => [key, draft.fields.find((field) => field.key === key)?.value ?? '']),
  );
  const seal = encodeSeal(
    {
      v: 1,
      t: draft.certType,
      id: certId,
      n: draft.holder.name,
      m: maskIdNumber(draft.holder.idNumber),
      f: facts,
      iat: Math.floor(context.now.getTime() / 1000),
      exp: endOfShanghaiDay(validUntil) / 1000,
    },
    { alg, kid, privateKey },
  );
  return {
    certId,
    certType: draft.certType,
    title: draft.title,
    issuer: { name: department.name, code: department.code },
    holder: { ...draft.holder },
    statement: draft.statement,
    fields: draft.fields,
    issuedAt: formatInstant(context.now),
    validUntil,
    requestId: context.requestId,
    requestHash: context.requestHash,
    kioskId: context.kioskId,
    purpose: context.purpose,
    seal,
  };
}

export function signCertificate(payload: CertificatePayload, issuer: IssuerKey): string {
  return signJws({ alg: issuer.alg, kid: issuer.kid, typ: 'cert+jws' }, payload, issuer.privateKey);
}
