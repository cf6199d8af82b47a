// Faults on demand: the rules an integrator or a test sets (by CLI flag, JSON file or the admin endpoint) to
// make the simulator misbehave the way real gateways do. Each rule applies to the next `count` matching
// requests (all of them when `count` is absent), then drops out.

import { z } from 'zod';
import { certTypeSchema } from '../../kiosk/errands/catalogue';
import { contractErrorCodes, type ContractErrorCode } from '../../kiosk/gateway/gateway-client';

/** The HTTP status the contract's table gives each code. */
export const CONTRACT_STATUS: Record<ContractErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  CLOCK_SKEW: 401,
  KIOSK_NOT_AUTHORISED: 403,
  CONSENT_INVALID: 403,
  HOLDER_NOT_FOUND: 404,
  REQUEST_ID_REUSED: 409,
  TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UPSTREAM_UNAVAILABLE: 503,
  UPSTREAM_TIMEOUT: 504,
  INTERNAL: 500,
};

const common = {
  /** How many matching requests it applies to; absent = every one until cleared. */
  count: z.number().int().positive().optional(),
  /** Default `fetch`: health stays up, so the kiosk's breaker probe can tell the gateway is back. */
  route: z.enum(['fetch', 'health', 'ratings', 'any']).default('fetch'),
  /** Only requests of this kiosk (X-Kiosk-Id / client certificate CN). */
  kioskId: z.string().optional(),
};

export const faultRuleSchema = z.discriminatedUnion('kind', [
  /** Answer only after `ms`. Adds up with the other faults. */
  z.strictObject({ kind: z.literal('latency'), ms: z.number().int().nonnegative(), ...common }),
  /** A 5xx with the contract's error body: a burst when `count` is set. */
  z.strictObject({
    kind: z.literal('5xx'),
    status: z.union([z.literal(500), z.literal(502), z.literal(503), z.literal(504)]).default(503),
    ...common,
  }),
  /** 429 RATE_LIMITED with Retry-After (seconds, as HTTP has it) and retryAfterMs repeating it. */
  z.strictObject({ kind: z.literal('rate-limit'), retryAfterSeconds: z.number().int().nonnegative().default(1), ...common }),
  /** Any error of the contract's table, with its status (or another one, to imitate a broken gateway). */
  z.strictObject({
    kind: z.literal('error'),
    code: z.enum(contractErrorCodes),
    status: z.number().int().min(400).max(599).optional(),
    ...common,
  }),
  /** Reads the request, then never answers; the connection stays open until the kiosk gives up. */
  z.strictObject({ kind: z.literal('hang'), ...common }),
  /** 200 with a body that is not JSON. */
  z.strictObject({ kind: z.literal('malformed-json'), ...common }),
  /** The full Content-Length is announced, half the body sent, then the connection cut. */
  z.strictObject({ kind: z.literal('truncated-body'), ...common }),
  /** Certificates whose JWS signature is damaged (check 3). */
  z.strictObject({ kind: z.literal('bad-signature'), ...common }),
  /** Certificates genuinely signed, but for another person of the population (check 5). */
  z.strictObject({ kind: z.literal('wrong-holder'), ...common }),
  /** Certificates genuinely signed whose validUntil has passed (check 6). */
  z.strictObject({ kind: z.literal('expired'), ...common }),
  /** Certificates genuinely signed over another request hash (check 4). */
  z.strictObject({ kind: z.literal('wrong-request-hash'), ...common }),
  /** Certificates signed by a key that is not in the trust list (check 2). */
  z.strictObject({ kind: z.literal('unknown-kid'), ...common }),
  /** A per-result refusal for one type (or every type) instead of a certificate. */
  z.strictObject({
    kind: z.literal('refuse-result'),
    certType: certTypeSchema.optional(),
    code: z
      .string()
      .regex(/^[A-Z][A-Z0-9_]{0,63}$/)
      .default('UPSTREAM_UNAVAILABLE'),
    retryable: z.boolean().default(true),
    ...common,
  }),
]);

export type FaultRule = z.infer<typeof faultRuleSchema>;
export type FaultRuleInput = z.input<typeof faultRuleSchema>;
export type FaultKind = FaultRule['kind'];
export const faultListSchema = z.strictObject({ faults: z.array(faultRuleSchema) });

export type AnswerFault = Extract<FaultRule, { kind: '5xx' | 'rate-limit' | 'error' | 'hang' }>;
export type WireFault = Extract<FaultRule, { kind: 'malformed-json' | 'truncated-body' }>;
export type CertificateFault = Extract<
  FaultRule,
  { kind: 'bad-signature' | 'wrong-holder' | 'expired' | 'wrong-request-hash' | 'unknown-kid' | 'refuse-result' }
>;

const ANSWER_KINDS: ReadonlySet<FaultKind> = new Set(['5xx', 'rate-limit', 'error', 'hang']);
const WIRE_KINDS: ReadonlySet<FaultKind> = new Set(['malformed-json', 'truncated-body']);

/** What applies to one request: every matching latency, at most one answer or wire fault, certificate faults. */
export interface DrawnFaults {
  latencyMs: number;
  answer: AnswerFault | null;
  wire: WireFault | null;
  certificate: CertificateFault[];
  /** Kinds drawn, for the simulator's log. */
  kinds: FaultKind[];
}

interface ActiveRule {
  rule: FaultRule;
  remaining: number;
}

export class FaultPlan {
  private rules: ActiveRule[] = [];

  /** Replaces every rule. Throws (with the zod reason) on an invalid rule: the caller reports it. */
  set(rules: readonly FaultRuleInput[]): void {
    this.rules = rules.map((input) => {
      const rule = faultRuleSchema.parse(input);
      return { rule, remaining: rule.count ?? Number.POSITIVE_INFINITY };
    });
  }

  add(input: FaultRuleInput): void {
    const rule = faultRuleSchema.parse(input);
    this.rules.push({ rule, remaining: rule.count ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  /** The rules still in force, with how many requests each has left (null = no limit). */
  list(): Array<FaultRule & { remaining: number | null }> {
    return this.rules.map(({ rule, remaining }) => ({ ...rule, remaining: Number.isFinite(remaining) ? remaining : null }));
  }

  /** Picks the faults for one request and uses them up. */
  draw(route: 'fetch' | 'health' | 'ratings' | 'other', kioskId: string | null): DrawnFaults {
    const drawn: DrawnFaults = { latencyMs: 0, answer: null, wire: null, certificate: [], kinds: [] };
    const matching = this.rules.filter(
      ({ rule, remaining }) =>
        remaining > 0 && (rule.route === 'any' || rule.route === route) && (rule.kioskId === undefined || rule.kioskId === kioskId),
    );
    const use = (active: ActiveRule): void => {
      active.remaining--;
      drawn.kinds.push(active.rule.kind);
    };
    for (const active of matching) {
      const { rule } = active;
      if (rule.kind === 'latency') {
        drawn.latencyMs += rule.ms;
        use(active);
      } else if (ANSWER_KINDS.has(rule.kind)) {
        if (drawn.answer === null) {
          drawn.answer = rule as AnswerFault;
          use(active);
        }
      }
    }
    // A replaced answer has no body or certificates to spoil: those rules wait for a later request.
    if (drawn.answer === null) {
      for (const active of matching) {
        const { rule } = active;
        if (WIRE_KINDS.has(rule.kind)) {
          if (drawn.wire === null) {
            drawn.wire = rule as WireFault;
            use(active);
          }
        } else if (rule.kind !== 'latency' && !ANSWER_KINDS.has(rule.kind) && route === 'fetch') {
          drawn.certificate.push(rule as CertificateFault);
          use(active);
        }
      }
    }
    this.rules = this.rules.filter(({ remaining }) => remaining > 0);
    return drawn;
  }
}
