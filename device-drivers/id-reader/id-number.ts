// GB 11643-1999 citizen ID numbers: ISO 7064 MOD 11-2 check digit, embedded birth date and sex.
// A number that disagrees with the card's other fields is a bad read, never a citizen.

import { err, ok, type Result } from '../result';
import type { IdCard } from './id-card';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARACTERS = '10X98765432';

/** The check character for the first 17 digits. */
export function idCheckCharacter(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('idCheckCharacter needs exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARACTERS[sum % 11]!;
}

export type IdNumberProblem = 'shape' | 'checkDigit' | 'birthDate' | 'sex';

/** Checks an 18-character number against itself and, when given, the card's birth date and sex. */
export function checkIdNumber(idNumber: string, card?: Pick<IdCard, 'birthDate' | 'sex'>): Result<void, IdNumberProblem> {
  if (!/^\d{17}[\dX]$/.test(idNumber)) return err('shape');
  if (idCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return err('checkDigit');
  const birth = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`;
  if (!isCalendarDate(birth)) return err('birthDate');
  if (card) {
    if (card.birthDate !== birth) return err('birthDate');
    const male = Number(idNumber[16]) % 2 === 1;
    if ((card.sex === 'male' && !male) || (card.sex === 'female' && male)) return err('sex');
  }
  return ok(undefined);
}

/** The old foreign permanent-resident card (I) has a 15-character number with no check digit. */
export function isOldForeignPermanentResidentNumber(value: string): boolean {
  return /^[A-Z]{3}\d{12}$/.test(value);
}

/** YYYY-MM-DD that names a real day. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
