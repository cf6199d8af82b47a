// What every device command prints: JSON on stdout for results, one plain line on stderr for failures.

import type { DeviceError } from '../../device-drivers/device-result';

/** A failure the engineer should read: printed as is, with its exit code. */
export class CliFailure extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function printJson(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

/** A device error as a sentence: "deviceNotReady (paperOut): paper out". */
export function deviceFailure(what: string, error: DeviceError): CliFailure {
  const reason = [error.code, error.errorCode ? `(${error.errorCode})` : ''].filter(Boolean).join(' ');
  return new CliFailure(`${what} failed: ${reason}${error.description ? `: ${error.description}` : ''}`);
}

export function writeFailure(error: unknown): number {
  if (error instanceof CliFailure) {
    process.stderr.write(error.message + '\n');
    return error.exitCode;
  }
  process.stderr.write(`unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}
