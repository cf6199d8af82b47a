// The request body of POST /v1/certificates:fetch, built from what the card reader decoded.

import type { IdCard } from '../../device-drivers/id-reader/id-card';
import { formatInstant } from './contract-time';
import type { FetchRequest } from './gateway-client';
import { gatewayIdType } from './gateway-id-type';
import type { FetchRequestBody, Holder } from './wire-format';

/** As decoded from the card: trailing spaces removed and NFC, nothing else changed (a middle dot stays). */
function asOnCard(value: string): string {
  return value.replace(/ +$/u, '').normalize('NFC');
}

/** The holder as the gateway knows them. A foreign card gives the Chinese name when it has one. */
export function holderFromCard(card: Pick<IdCard, 'cardType' | 'name' | 'englishName' | 'idNumber'>): Holder {
  const idType = gatewayIdType(card);
  const chinese = asOnCard(card.name);
  const name = idType === 'foreign-permanent-resident' && chinese === '' ? asOnCard(card.englishName ?? '') : chinese;
  return { idType, idNumber: asOnCard(card.idNumber), name };
}

export function buildFetchRequestBody(request: FetchRequest): FetchRequestBody {
  const consent = { grantedAt: formatInstant(request.consent.grantedAt), purpose: request.purposeCode, scope: [...request.certTypes] };
  if ('appCode' in request) {
    // v1.1: the holder is whoever the code names; the kiosk passes the scanned text on untouched.
    return {
      certTypes: [...request.certTypes],
      holder: { idType: 'app-token' },
      consent: { method: 'app-qr', ...consent, evidence: { token: request.appCode.token, nonce: request.appCode.nonce } },
    };
  }
  return {
    certTypes: [...request.certTypes],
    holder: holderFromCard(request.card),
    consent: { method: 'id-card', ...consent, evidence: {} },
  };
}

/** The exact bytes sent, hashed and kept for retries: a retry re-sends these, never a re-serialisation. */
export function encodeBody(body: unknown): Buffer {
  return Buffer.from(JSON.stringify(body), 'utf8');
}
