// What each outcome code tells staff (logs, health, the fleet console): what happened and what to do, with
// no personal data. The citizen's side of the same codes is kiosk/session/fetch-failure.ts.

import type { GatewayErrorCode } from './gateway-client';

export type StaffAction = 'none' | 'watch' | 'staff-alert' | 'bug-report';

export interface StaffDiagnostic {
  action: StaffAction;
  text: string;
}

export function staffDiagnostic(code: GatewayErrorCode): StaffDiagnostic {
  switch (code) {
    case 'BAD_REQUEST':
      return {
        action: 'bug-report',
        text: 'Gateway refused the request as malformed (400): a kiosk software fault; report it with the trace id.',
      };
    case 'UNAUTHENTICATED':
      return {
        action: 'staff-alert',
        text: 'Gateway refused the request signature or identity (401): check the signing key, its algorithm and the kiosk id registered with the gateway.',
      };
    case 'CLOCK_SKEW':
      return {
        action: 'staff-alert',
        text: 'Kiosk clock is more than 300 s off the gateway (401): check NTP; the client corrected its offset once for this call.',
      };
    case 'KIOSK_NOT_AUTHORISED':
      return {
        action: 'staff-alert',
        text: 'Gateway says this kiosk may not do this errand (403): ask the gateway operator, or hide the errand on this kiosk.',
      };
    case 'CONSENT_INVALID':
      return {
        action: 'bug-report',
        text: 'Gateway refused the consent (403): stale grantedAt, purpose or scope mismatch; if it repeats, report it.',
      };
    case 'HOLDER_NOT_FOUND':
      return {
        action: 'none',
        text: 'Source departments hold no record for the card presented (404); the citizen was told and sent to a staffed window.',
      };
    case 'REQUEST_ID_REUSED':
      return { action: 'bug-report', text: 'Gateway saw a request id reused with another body (409): a kiosk software fault; report it.' };
    case 'TOO_LARGE':
      return { action: 'bug-report', text: 'Request over 64 KiB (413): a kiosk software fault; report it.' };
    case 'RATE_LIMITED':
      return {
        action: 'watch',
        text: 'Gateway rate-limited this kiosk (429) beyond the retry budget: check for a runaway loop or a misconfigured quota.',
      };
    case 'UPSTREAM_UNAVAILABLE':
      return { action: 'watch', text: 'A source department is down (502/503) after retries; it counts toward the circuit breaker.' };
    case 'UPSTREAM_TIMEOUT':
      return { action: 'watch', text: 'A source department timed out (504) after retries; it counts toward the circuit breaker.' };
    case 'INTERNAL':
      return { action: 'watch', text: 'Gateway fault (500) after retries; it counts toward the circuit breaker.' };
    case 'TIMEOUT':
      return { action: 'watch', text: 'No complete answer from the gateway within the deadlines; check the network and the gateway.' };
    case 'TRANSPORT':
      return {
        action: 'staff-alert',
        text: 'No HTTPS exchange with the gateway: network down, connection cut, or the TLS handshake refused (client certificate or gateway CA); the detail says which.',
      };
    case 'MALFORMED_RESPONSE':
      return {
        action: 'bug-report',
        text: 'Gateway (or a proxy in front of it) answered an error without a contract error body; check the URL and any proxy.',
      };
    case 'VERIFICATION_FAILED':
      return {
        action: 'staff-alert',
        text: 'An answer failed a check before printing; nothing was printed. The detail names the check; repeated failures may mean tampering or a stale trust list.',
      };
    case 'CIRCUIT_OPEN':
      return {
        action: 'watch',
        text: 'Circuit breaker open after repeated gateway failures; errands that need the gateway are shown as unavailable until a probe succeeds.',
      };
    case 'CANCELED':
      return { action: 'none', text: 'The session ended the fetch (citizen left or cancelled); nothing to do.' };
  }
}
