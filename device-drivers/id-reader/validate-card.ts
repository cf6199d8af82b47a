// Every driver, real or simulated, passes what it decoded through here: a bad read is an error, never a citizen.

import { fail, type DeviceResult } from '../device-result';
import { ok } from '../result';
import type { IdCard } from './id-card';
import { checkIdNumber, isCalendarDate, isOldForeignPermanentResidentNumber } from './id-number';

export function validateCard(card: IdCard): DeviceResult<IdCard> {
  if (card.name.trim() === '') return fail('invalidData', 'name', 'card has an empty name');
  if (!isCalendarDate(card.birthDate)) return fail('invalidData', 'birthDate', 'card birth date is not a date');
  if (!isCalendarDate(card.validFrom)) return fail('invalidData', 'validFrom', 'card valid-from is not a date');
  if (card.validTo !== 'long-term' && !isCalendarDate(card.validTo)) {
    return fail('invalidData', 'validTo', 'card valid-to is not a date');
  }
  if (card.cardType === 'foreign-permanent-resident-2017') {
    return isOldForeignPermanentResidentNumber(card.idNumber)
      ? ok(card)
      : fail('invalidData', 'shape', 'permanent-resident number has the wrong shape');
  }
  const check = checkIdNumber(card.idNumber, card);
  return check.ok ? ok(card) : fail('invalidData', check.error, `ID number failed the ${check.error} check`);
}
