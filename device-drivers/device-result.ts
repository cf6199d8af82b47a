// Commands return a result for conditions that will happen in the field; exceptions are for bugs.
// Vocabulary from CEN/XFS (see shared/reference/devices.md).

import { err, type Result } from './result';

export type CompletionCode = 'deviceNotReady' | 'noDevice' | 'hardwareError' | 'timeOut' | 'canceled' | 'invalidData' | 'userError';

export interface DeviceError {
  code: CompletionCode;
  /** Device-specific reason: `paperOut`, `mediaJammed`, `checksum`, `checkDigit`, … */
  errorCode?: string;
  /** For staff diagnostics. Never holds personal data. */
  description?: string;
}

export type DeviceResult<T> = Result<T, DeviceError>;

/** A failure in devices.md's shape. With an `errorCode`, its type keeps that word, so a device kind can list its own. */
export function fail<C extends string>(
  code: CompletionCode,
  errorCode: C,
  description?: string,
): Result<never, DeviceError & { errorCode: C }>;
export function fail(code: CompletionCode, errorCode?: string, description?: string): DeviceResult<never>;
export function fail(code: CompletionCode, errorCode?: string, description?: string): DeviceResult<never> {
  const error: DeviceError = { code };
  if (errorCode !== undefined) error.errorCode = errorCode;
  if (description !== undefined) error.description = description;
  return err(error);
}
