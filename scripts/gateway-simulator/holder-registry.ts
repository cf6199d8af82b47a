// The source departments' view of people: found by ID number and name together, as the contract asks.

import { gatewayIdType } from '../../kiosk/gateway/gateway-id-type';
import type { Holder } from '../../kiosk/gateway/wire-format';
import type { SyntheticCitizen } from '../synthetic-population';

export interface HolderRegistry {
  find(holder: Holder): SyntheticCitizen | undefined;
  /** Everyone the sources know, for the wrong-holder fault. */
  known(): Iterable<SyntheticCitizen>;
}

export function createHolderRegistry(population: readonly SyntheticCitizen[]): HolderRegistry {
  const byIdNumber = new Map<string, SyntheticCitizen>();
  for (const citizen of population) if (citizen.known) byIdNumber.set(citizen.card.idNumber, citizen);
  return {
    find(holder) {
      const citizen = byIdNumber.get(holder.idNumber);
      if (!citizen || citizen.card.name !== holder.name || gatewayIdType(citizen.card) !== holder.idType) return undefined;
      return citizen;
    },
    known: () => byIdNumber.values(),
  };
}
