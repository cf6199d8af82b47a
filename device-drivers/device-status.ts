// One status vocabulary for every device (shared/reference/devices.md).

export type DeviceState = 'online' | 'offline' | 'powerOff' | 'noDevice' | 'hardwareError' | 'userError' | 'busy' | 'starting';

export type MediaState = 'present' | 'notPresent' | 'jammed' | 'unknown';
export type PaperState = 'full' | 'low' | 'out' | 'jammed' | 'unknown';
export type TonerState = 'full' | 'low' | 'out' | 'unknown';

/** Fails to compile when a switch misses a case of a union. */
export function assertNever(value: never): never {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
}
