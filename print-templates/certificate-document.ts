// What the A4 engine needs from a certificate. A structural subset of the gateway's CertificatePayload
// (kiosk/gateway/certificate.ts), declared here so that print-templates depends on nothing in kiosk/.

export interface CertificateDocumentData {
  title: string;
  issuer: { name: string; code: string };
  holder: { name: string; idNumber: string };
  statement: string;
  fields: ReadonlyArray<{ label: string; value: string }>;
  /** Printed in the footer; the seal carries the same id. */
  certId: string;
  /** RFC 3339 UTC; printed as its Asia/Shanghai date. */
  issuedAt: string;
  /** YYYY-MM-DD, already an Asia/Shanghai date. */
  validUntil: string;
  /** The KQ1 QR payload. */
  seal: string;
  /**
   * The issuer's stamp from the trust-list entry whose key verified this certificate, drawn over the issuer's
   * name; absent or null: no stamp is printed.
   */
  stamp?: IssuerStampArt | null;
  /** Verified under a `test` trust list: the page carries the specimen watermark and `样本` in the stamp. */
  specimen?: boolean;
}

/** A stamp as shapes: SVG path data in a view box of width × height (y down), one colour `#rrggbb`. */
export interface IssuerStampArt {
  paths: readonly string[];
  viewBox: readonly [number, number];
  color: string;
}
