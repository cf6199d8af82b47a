// The maintenance code staff scan on the home screen: a compact JWS signed with the operator's maintenance key,
// ES256 (P-256, signature as raw r||s), header exactly {"alg":"ES256","typ":"kiosk-maintenance+jws"}, claims
// {sub: staff id, aud: kiosk id or a list of them, exp: seconds} (+ optional iat). It opens the PIN keypad, no more.

import type { KeyObject } from 'node:crypto';
import { z } from 'zod';
import { err, ok, type Result } from '../../device-drivers/result';
import { jwsPayloadJson, signCompactJws, splitCompactJws, verifyJwsSignature } from '../gateway/jws';
import type { CodeRefusal } from './maintenance-view';
import { staffIdSchema } from './staff-id';

export interface MaintenanceKey {
  publicKey: KeyObject;
  /** staff id → PIN hash */
  staff: Record<string, string>;
}

export interface MaintenanceEntry {
  staffId: string;
  expiresAt: Date;
}

export const MAINTENANCE_CODE_TYP = 'kiosk-maintenance+jws';
/** A code lives at most this long: a lost code stops working by the next shift. */
export const MAX_CODE_LIFETIME_MS = 12 * 60 * 60 * 1000;
/** The kiosk's clock and the signer's may differ this much either way. */
export const CLOCK_SKEW_MS = 60 * 1000;
/** The scan router's bound for a code of this shape. */
const MAX_CODE_LENGTH = 4096;

const kioskIdSchema = z.string().min(1).max(64);

const claimsSchema = z
  .object({
    sub: staffIdSchema,
    aud: z.union([kioskIdSchema, z.array(kioskIdSchema).min(1)]),
    exp: z.number().int().positive(),
    iat: z.number().int().positive().optional(),
  })
  .strict();

export function verifyMaintenanceCode(
  code: string,
  options: { key: MaintenanceKey; kioskId: string; now: Date },
): Result<MaintenanceEntry, Exclude<CodeRefusal, 'locked' | 'notConfigured'>> {
  if (code.length > MAX_CODE_LENGTH) return err('malformed');
  const split = splitCompactJws(code);
  if (!split.ok) return err('malformed');
  const { header } = split.value;
  const members = Object.keys(header).sort();
  if (members.length !== 2 || members[0] !== 'alg' || members[1] !== 'typ') return err('malformed');
  if (header.alg !== 'ES256' || header.typ !== MAINTENANCE_CODE_TYP) return err('malformed');
  // The signature first: nothing the claims say counts before the key vouches for them.
  if (!verifyJwsSignature(split.value, 'ES256', options.key.publicKey)) return err('badSignature');

  const claims = claimsSchema.safeParse(jwsPayloadJson(split.value));
  if (!claims.success) return err('malformed');
  const { sub, aud, exp } = claims.data;
  const expiresAtMs = exp * 1000;
  const nowMs = options.now.getTime();
  if (nowMs >= expiresAtMs + CLOCK_SKEW_MS) return err('expired');
  if (expiresAtMs > nowMs + MAX_CODE_LIFETIME_MS + CLOCK_SKEW_MS) return err('tooLongLived');
  const audience = typeof aud === 'string' ? [aud] : aud;
  if (!audience.includes(options.kioskId)) return err('otherKiosk');
  // Own members only: `constructor` or `__proto__` is nobody's staff id.
  if (!Object.hasOwn(options.key.staff, sub)) return err('unknownStaff');
  return ok({ staffId: sub, expiresAt: new Date(expiresAtMs) });
}

export function signMaintenanceCode(claims: { sub: string; aud: string | string[]; exp: number }, privateKey: KeyObject): string {
  // Members in a fixed order, and only these: the kiosk refuses any other header.
  return signCompactJws(
    'ES256',
    { alg: 'ES256', typ: MAINTENANCE_CODE_TYP },
    { sub: claims.sub, aud: claims.aud, exp: claims.exp },
    privateKey,
  );
}
