// Every piece of a synthetic citizen's card that must never reach a log, a metric or a file: the names (whole
// and each part of a name written with a middle dot), the ID number and its birth-date digits, the birth date,
// the address. Masked forms (张*三, 330106********1234) are the screen's, and are not searched for.

import type { SyntheticCitizen } from '../../scripts/synthetic-population';

export function personalStringsOf(citizen: SyntheticCitizen): string[] {
  const { card } = citizen;
  const names = [card.name, ...card.name.split('·'), card.englishName ?? ''];
  return [
    ...names,
    card.idNumber,
    card.idNumber.slice(6, 14), // the birth date inside the ID number
    card.birthDate,
    card.address ?? '',
    card.passNumber ?? '',
  ].filter((text) => text.length >= 2);
}

/** The personal strings of `citizens` that occur in `text` (an empty list when none does). */
export function personalDataFoundIn(text: string, citizens: readonly SyntheticCitizen[]): string[] {
  return citizens.flatMap((citizen) => personalStringsOf(citizen)).filter((personal) => text.includes(personal));
}
