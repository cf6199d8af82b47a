// The trust list through the template repository: when the signed targets name a newer list, it is downloaded
// through tuf-js and then handed to the gateway client, which verifies it against the kiosk's own pinned trust
// root exactly as at the start. TUF's say-so is not enough: a compromised template key can publish a list, but
// one the trust root did not sign is refused with a staff alert, and the list in use stays.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Result } from '../../device-drivers/result';
import type { TrustList, TrustListRefusal } from '../gateway/trust-list';
import type { Logger } from '../logger';
import type { TufBundleSource } from './tuf-bundle-source';

/** The gateway client's side: the list in use, and the replacing of it (verify, keep on disk, then use). */
export interface TrustListHolder {
  readonly trustList: TrustList;
  installTrustList(token: string): Promise<Result<TrustList, TrustListRefusal>>;
}

export type TrustListOutcome =
  | { kind: 'upToDate' }
  | { kind: 'installed'; version: number }
  | { kind: 'refused'; version: number; reason: string }
  | { kind: 'downloadFailed'; version: number; problem: string };

export function createTrustListUpdate(holder: TrustListHolder, logger: Logger) {
  // By the target's hash: the same refused bytes are neither downloaded nor alerted on again.
  const refused = new Set<string>();

  /** After a metadata refresh: installs the list the signed targets name, if it says it is newer. */
  return async function updateTrustList(source: TufBundleSource): Promise<TrustListOutcome> {
    const offer = source.trustListOffer();
    if (!offer || offer.version <= holder.trustList.version || refused.has(offer.target.hashes.sha256 ?? '')) return { kind: 'upToDate' };
    const dir = await mkdtemp(join(tmpdir(), 'kiosk-trust-list-'));
    try {
      const downloaded = await source.trustList(offer.target, join(dir, 'trust-list.jws'));
      if (!downloaded.ok) {
        logger.event('templates.trust_list', 'failure', { version: offer.version, step: 'download', problem: downloaded.error });
        return { kind: 'downloadFailed', version: offer.version, problem: downloaded.error };
      }
      const previous = holder.trustList.version;
      const installed = await holder.installTrustList(downloaded.value);
      if (!installed.ok) {
        refused.add(offer.target.hashes.sha256 ?? '');
        logger.event('templates.trust_list', 'failure', { version: offer.version, step: 'verify', problem: installed.error.reason });
        logger.event('staff.alert', 'failure', { reason: 'trustListRefused', version: offer.version });
        return { kind: 'refused', version: offer.version, reason: installed.error.reason };
      }
      logger.event('templates.trust_list', 'success', { version: installed.value.version, previous });
      return { kind: 'installed', version: installed.value.version };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}

export type TrustListUpdate = ReturnType<typeof createTrustListUpdate>;
