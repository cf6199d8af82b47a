// `sign-trust-list`: the offline step for the trust list. Adds the signed list (a trust+jws, as its publisher's
// root key signed it) as the target `trust/trust-list.jws` with `{ "version": n }` read from its payload, and signs
// a new targets metadata. The targets key only carries it: each kiosk verifies the list against its own pinned
// trust root, so this step cannot make a list trusted, and it does not try to.

import { readFile } from 'node:fs/promises';
import { jwsPayloadJson, parseJws } from '../../kiosk/gateway/jws';
import { TRUST_LIST_TARGET } from '../../kiosk/templates/tuf-bundle-source';
import { addTarget, signNextTargets, type TargetsSigning } from './targets-signing';

export interface SignTrustListOptions extends TargetsSigning {
  /** The trust list file (compact JWS). */
  trustList: string;
}

export async function signTrustList(options: SignTrustListOptions): Promise<{ version: number; targetsVersion: number }> {
  const bytes = await readFile(options.trustList);
  const parsed = parseJws(bytes.toString('utf8').trim(), 'trust+jws');
  if (!parsed.ok) throw new Error(`${options.trustList}: not a signed trust list (${parsed.error})`);
  const version = (jwsPayloadJson(parsed.value) as { version?: unknown } | undefined)?.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    throw new Error(`${options.trustList}: the list holds no version`);
  const targetsVersion = await signNextTargets(options, async (targets) => {
    const signedVersion = targets.targets[TRUST_LIST_TARGET]?.custom.version;
    // Kiosks refuse a lower version anyway; refusing it here tells the operator before any kiosk does.
    if (typeof signedVersion === 'number' && version < signedVersion)
      throw new Error(`${options.trustList}: version ${version} is lower than the signed ${signedVersion}`);
    // A newer list replaces the signed one; the same version again must be the same bytes.
    if (signedVersion !== version) delete targets.targets[TRUST_LIST_TARGET];
    await addTarget(
      options.repo,
      targets,
      TRUST_LIST_TARGET,
      bytes,
      { version },
      `${options.trustList}: version ${version} was signed with other bytes`,
    );
  });
  return { version, targetsVersion };
}
