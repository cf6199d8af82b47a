// The session's view of the data-sharing gateway: one call per errand, an outcome as a value.

import type { IdCard } from '../../device-drivers/id-reader/id-card';
import type { Result } from '../../device-drivers/result';
import type { CertType } from '../errands/catalogue';
import type { AppCodeEvidence } from './app-code';
import type { VerifiedCertificate } from './certificate';
import type { Holder } from './wire-format';

interface FetchRequestBase {
  certTypes: CertType[];
  /** 事项编码 (X-Issue). */
  issueCode: string;
  /** 用证事由 (X-Purpose). */
  purposeCode: string;
}

/** Who asks: the card read on this kiosk, or the government app's code answering this kiosk's challenge (v1.1). */
export type FetchRequest = FetchRequestBase &
  (
    | { card: IdCard; consent: { method: 'id-card'; grantedAt: Date } }
    | { appCode: AppCodeEvidence; consent: { method: 'app-qr'; grantedAt: Date } }
  );

/** Error codes of the contract, plus what the kiosk itself can run into. */
/** The error codes the contract lets a gateway answer with (sharing-gateway-v1.md). */
export const contractErrorCodes = [
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'CLOCK_SKEW',
  'KIOSK_NOT_AUTHORISED',
  'CONSENT_INVALID',
  'HOLDER_NOT_FOUND',
  'REQUEST_ID_REUSED',
  'TOO_LARGE',
  'RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_TIMEOUT',
  'INTERNAL',
] as const;
export type ContractErrorCode = (typeof contractErrorCodes)[number];

export type GatewayErrorCode =
  | ContractErrorCode
  /** The kiosk's own: no answer in time, no connection, a bad answer, a check that failed, circuit open. */
  | 'TIMEOUT'
  | 'TRANSPORT'
  | 'MALFORMED_RESPONSE'
  | 'VERIFICATION_FAILED'
  | 'CIRCUIT_OPEN'
  | 'CANCELED';

export interface CertificateRefusal {
  certType: CertType;
  /** e.g. NOT_ELIGIBLE */
  code: string;
  retryable: boolean;
}

export type FetchFailure =
  /**
   * The gateway answered, and refused at least one certificate: the citizen is told why, and those it issued
   * (each verified) print only if the citizen then chooses to print them.
   */
  | {
      kind: 'refused';
      refusals: CertificateRefusal[];
      issued: VerifiedCertificate[];
      /** For an app code: who the code named, so that the citizen confirms it is them before hearing why. */
      holder?: Holder;
    }
  /** No usable answer. `detail` is for staff and never holds personal data. */
  | { kind: 'error'; code: GatewayErrorCode; retryable: boolean; detail: string };

/** Every certificate of the errand, verified; or why there is none to print. */
export type FetchOutcome = Result<VerifiedCertificate[], FetchFailure>;

export interface GatewayClient {
  fetchCertificates(request: FetchRequest, signal: AbortSignal): Promise<FetchOutcome>;
  /** False while the circuit breaker is open: errands that need the gateway say "暂不可用" at once. */
  available(): boolean;
  close(): Promise<void>;
}
