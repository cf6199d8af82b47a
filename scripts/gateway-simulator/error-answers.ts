// The gateway's error body (sharing-gateway-v1.md, "Errors"). Messages are for staff and hold no personal data.

import { randomBytes } from 'node:crypto';
import type { GatewayErrorCode } from '../../kiosk/gateway/gateway-client';

export interface SimulatorAnswer {
  status: number;
  body: Buffer;
  headers?: Record<string, string>;
  /** For the simulator's own log. */
  code: string;
}

export function jsonAnswer(status: number, value: unknown, code = 'OK'): SimulatorAnswer {
  return { status, body: Buffer.from(JSON.stringify(value), 'utf8'), code };
}

export function errorAnswer(
  status: number,
  code: Exclude<GatewayErrorCode, 'TIMEOUT' | 'TRANSPORT' | 'MALFORMED_RESPONSE' | 'VERIFICATION_FAILED' | 'CIRCUIT_OPEN' | 'CANCELED'>,
  message: string,
  extra: { retryable?: boolean; serverTime?: string; retryAfterMs?: number } = {},
): SimulatorAnswer {
  const error: Record<string, unknown> = {
    code,
    message,
    retryable: extra.retryable ?? false,
    traceId: randomBytes(8).toString('hex'),
  };
  if (extra.retryAfterMs !== undefined) error.retryAfterMs = extra.retryAfterMs;
  if (extra.serverTime !== undefined) error.serverTime = extra.serverTime;
  return jsonAnswer(status, { error }, code);
}
