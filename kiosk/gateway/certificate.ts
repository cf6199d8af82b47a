// A certificate as the gateway issues it (the JWS payload of shared/contracts/sharing-gateway-v1.md).

import type { CertType } from '../errands/catalogue';
import type { IssuerStamp } from '../../verifier/issuer-stamp';

export interface CertificateField {
  key: string;
  label: string;
  value: string;
}

export interface CertificatePayload {
  certId: string;
  certType: CertType;
  title: string;
  issuer: { name: string; code: string };
  holder: { name: string; idType: 'resident-id' | 'hmt-residence-permit' | 'foreign-permanent-resident'; idNumber: string };
  statement: string;
  fields: CertificateField[];
  /** RFC 3339 UTC. */
  issuedAt: string;
  /** YYYY-MM-DD, the whole day in Asia/Shanghai. */
  validUntil: string;
  requestId: string;
  requestHash: string;
  kioskId: string;
  purpose: string;
  /** The KQ1 QR payload (shared/contracts/seal-kq1.md). */
  seal: string;
}

/** A certificate whose every check passed: the only kind that may be printed. */
export interface VerifiedCertificate extends CertificatePayload {
  readonly verified: true;
  /**
   * The stamp of the trust-list entry whose key verified this certificate, when that entry has one and its name
   * is the certificate's issuer name; null: no stamp is printed, and staff are told.
   */
  readonly stamp: IssuerStamp | null;
  /** Verified under a `test` trust list: printed as a specimen. */
  readonly specimen: boolean;
}
