// Commands return a result for conditions that will happen in the field; exceptions are for bugs.
// Vocabulary from CEN/XFS (see shared/reference/devices.md).

import { err, ok, type Result } from './result';

export type CompletionCode =
  | 'deviceNotReady'
  | 'noDevice'
  | 'hardwareError'
  | 'timeOut'
  | 'canceled'
  | 'invalidData'
  | 'userError';

export interface DeviceError {
  code: CompletionCode;
  /** Device-specific reason: `paperOut`, `mediaJammed`, `checksum`, `checkDigit`, … */
  errorCode?: string;
  /** For staff diagnostics. Never holds personal data. */
  description?: string;
}

export type DeviceResult<T> = Result<T, DeviceError>;

export function succeed<T>(value: T): DeviceResult<T> {
  return ok(value);
}

export function fail<T = never>(code: CompletionCode, errorCode?: string, description?: string): DeviceResult<T> {
  const error: DeviceError = { code };
  if (errorCode !== undefined) error.errorCode = errorCode;
  if (description !== undefined) error.description = description;
  return err(error);
}
