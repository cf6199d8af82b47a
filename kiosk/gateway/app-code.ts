// Identity by the government app's code (sharing-gateway-v1.1, `app-qr`): the challenge the kiosk shows
// (`ZLBK1:<kioskId>:<nonce>`) and the shape of the one-time code (亮证码) the citizen's phone shows back. The
// code itself is opaque to the kiosk: only the gateway can tell whether it is genuine.

import { randomBytes } from 'node:crypto';

export const APP_CHALLENGE_PREFIX = 'ZLBK1:';
export const APP_CODE_PREFIX = 'ZLB1:';
/** A challenge's nonce is good for 120 s, and so is the code made for it. */
export const APP_CHALLENGE_LIFETIME_MS = 120_000;

const NONCE = /^[0-9a-f]{32}$/;
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

export interface AppChallenge {
  /** What the QR on the screen carries. */
  text: string;
  /** 16 random bytes, lowercase hex, new for every attempt. */
  nonce: string;
  expiresAt: Date;
}

/** What the request's consent carries for an app code: the scanned text and the nonce it answers. */
export interface AppCodeEvidence {
  token: string;
  nonce: string;
}

export function newAppChallenge(kioskId: string, now: Date, random: (size: number) => Uint8Array = randomBytes): AppChallenge {
  const nonce = Buffer.from(random(16)).toString('hex');
  return {
    text: `${APP_CHALLENGE_PREFIX}${kioskId}:${nonce}`,
    nonce,
    expiresAt: new Date(now.getTime() + APP_CHALLENGE_LIFETIME_MS),
  };
}

/** The kiosk id and nonce of a challenge's text (the app's side reads it so); null for anything else. */
export function parseAppChallenge(text: string): { kioskId: string; nonce: string } | null {
  if (!text.startsWith(APP_CHALLENGE_PREFIX)) return null;
  const rest = text.slice(APP_CHALLENGE_PREFIX.length);
  const colon = rest.lastIndexOf(':');
  if (colon <= 0) return null;
  const kioskId = rest.slice(0, colon);
  const nonce = rest.slice(colon + 1);
  return NONCE.test(nonce) && PRINTABLE_ASCII.test(kioskId) ? { kioskId, nonce } : null;
}

export function isAppChallengeNonce(value: string): boolean {
  return NONCE.test(value);
}

/** An app code by its shape: 16–2048 characters of printable ASCII, prefixed `ZLB1:`. Anything else is not one. */
export function isAppCode(text: string): boolean {
  return text.startsWith(APP_CODE_PREFIX) && text.length >= 16 && text.length <= 2048 && PRINTABLE_ASCII.test(text);
}
