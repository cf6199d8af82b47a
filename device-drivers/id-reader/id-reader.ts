// The ID card reader adapter: one interface for the serial GA 467 reader and its simulated twin.

import type { DeviceResult } from '../device-result';
import type { DeviceEvents } from '../event-hub';
import type { IdCard } from './id-card';

/**
 * In shared/reference/devices.md's words. `media` is `present` only while a working reader finds a fresh, unread
 * card: a read card is halted and reads as absent.
 */
export type IdReaderStatus =
  | { device: 'online'; media: 'present' | 'notPresent' }
  | { device: 'starting' | 'offline' | 'noDevice' | 'hardwareError'; media: 'notPresent' };

/** The reader can read a card now. */
export function idReaderUsable(status: IdReaderStatus): boolean {
  return status.device === 'online';
}

export interface IdReaderEvents extends Record<string, unknown> {
  /** Only the fields that changed. */
  statusChanged: Partial<IdReaderStatus>;
  /** A card that has not been read yet was placed. */
  mediaDetected: Record<string, never>;
}

export interface IdReader {
  readonly kind: 'id-reader';
  readonly events: DeviceEvents<IdReaderEvents>;
  status(): IdReaderStatus;
  open(): Promise<void>;
  close(): Promise<void>;
  reset(): Promise<DeviceResult<void>>;
  /**
   * Waits for a fresh card, then reads it. Resolves with the validated card, or an error:
   * `invalidData` for a bad read (wrong check digit, unreadable card: the citizen may place it again),
   * `noDevice` / `hardwareError` when the reader cannot work, `canceled` when the signal aborts.
   */
  readCard(signal: AbortSignal): Promise<DeviceResult<IdCard>>;
}
