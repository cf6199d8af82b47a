// The government app's platform (浙里办) as the simulator plays it for its test citizens (sharing-gateway-v1.1):
// a citizen who scanned a kiosk's challenge and confirmed gets a one-time code, `ZLB1:` and a compact JWS the
// platform signed over the kiosk id and the challenge's nonce. The gateway side redeems it once: a used, stale,
// foreign-kiosk or wrong-nonce code is refused. The code names the citizen by a platform account id only.

import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import { err, ok, type Result } from '../../device-drivers/result';
import { APP_CHALLENGE_LIFETIME_MS, APP_CODE_PREFIX, parseAppChallenge } from '../../kiosk/gateway/app-code';
import { jwsPayloadJson, signCompactJws, splitCompactJws, verifyJwsSignature } from '../../kiosk/gateway/jws';
import type { SyntheticCitizen } from '../synthetic-population';

/** The good code, and one for each way the gateway refuses a code. */
export const appCodeVariants = ['valid', 'reused', 'expired', 'foreignKiosk', 'wrongNonce'] as const;
export type AppCodeVariant = (typeof appCodeVariants)[number];

const TYP = 'zlb+jws';
const FOREIGN_KIOSK = 'kiosk-elsewhere';

interface AppCodeClaims {
  /** The platform's account id: no personal data in the code. */
  sub: string;
  kiosk: string;
  nonce: string;
  /** Seconds since the epoch. */
  iat: number;
  jti: string;
}

export interface AppPlatform {
  /**
   * The code the app shows `citizenKey` for the challenge on the kiosk's screen, spoilt as `variant` says
   * (`reused`: the citizen's last code the gateway took). Err: why there is none (for the dev panel).
   */
  codeFor(citizenKey: string, challengeText: string, variant: AppCodeVariant, now: Date): Result<string, string>;
  /** The gateway's side: the citizen a good code names, once; else why not (no personal data). */
  redeem(token: string, kioskId: string, nonce: string, now: Date): Result<SyntheticCitizen, string>;
}

export function createAppPlatform(citizens: readonly SyntheticCitizen[]): AppPlatform {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const accounts = new Map<string, SyntheticCitizen>();
  const accountOf = new Map<string, string>();
  for (const citizen of citizens) {
    const account = randomUUID();
    accounts.set(account, citizen);
    accountOf.set(citizen.key, account);
  }
  const used = new Set<string>();
  const lastRedeemed = new Map<string, string>();

  const sign = (claims: AppCodeClaims) => `${APP_CODE_PREFIX}${signCompactJws('ES256', { alg: 'ES256', typ: TYP }, claims, privateKey)}`;

  return {
    codeFor(citizenKey, challengeText, variant, now) {
      const account = accountOf.get(citizenKey);
      if (!account) return err(`no test citizen "${citizenKey}"`);
      if (variant === 'reused') {
        const last = lastRedeemed.get(account);
        return last ? ok(last) : err('this citizen has no used code yet: use a valid one first');
      }
      const challenge = parseAppChallenge(challengeText);
      if (!challenge) return err('not a kiosk challenge (ZLBK1:<kioskId>:<nonce>)');
      const nowS = Math.floor(now.getTime() / 1000);
      const claims: AppCodeClaims = { sub: account, kiosk: challenge.kioskId, nonce: challenge.nonce, iat: nowS, jti: randomUUID() };
      switch (variant) {
        case 'valid':
          return ok(sign(claims));
        case 'expired':
          return ok(sign({ ...claims, iat: nowS - APP_CHALLENGE_LIFETIME_MS / 1000 - 1 }));
        case 'foreignKiosk':
          return ok(sign({ ...claims, kiosk: challenge.kioskId === FOREIGN_KIOSK ? `${FOREIGN_KIOSK}-2` : FOREIGN_KIOSK }));
        case 'wrongNonce':
          return ok(sign({ ...claims, nonce: randomBytes(16).toString('hex') }));
      }
    },

    redeem(token, kioskId, nonce, now) {
      if (!token.startsWith(APP_CODE_PREFIX)) return err('not an app code');
      const split = splitCompactJws(token.slice(APP_CODE_PREFIX.length));
      if (!split.ok || split.value.header.typ !== TYP || split.value.header.alg !== 'ES256') return err('app code malformed');
      if (!verifyJwsSignature(split.value, 'ES256', publicKey)) return err("app code not signed by the app's platform");
      const claims = jwsPayloadJson(split.value) as Partial<AppCodeClaims> | undefined;
      const citizen = typeof claims?.sub === 'string' ? accounts.get(claims.sub) : undefined;
      if (!claims || !citizen || typeof claims.jti !== 'string' || typeof claims.iat !== 'number') return err('app code malformed');
      if (used.has(claims.jti)) return err('app code already used');
      if (claims.kiosk !== kioskId) return err('app code made for another kiosk');
      if (claims.nonce !== nonce) return err('app code made for another challenge (nonce)');
      const ageMs = now.getTime() - claims.iat * 1000;
      if (ageMs > APP_CHALLENGE_LIFETIME_MS || ageMs < -APP_CHALLENGE_LIFETIME_MS) return err('app code older than 120 s');
      used.add(claims.jti);
      lastRedeemed.set(claims.sub!, token);
      return ok(citizen);
    },
  };
}
