// 统一社会信用代码 (GB 32100-2015): 18 characters whose 9th–17th embed an organisation code with its own
// check character (GB 11714), and whose 18th checks the rest. The simulator's departments get valid ones.

const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

function organisationCheck(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += parseInt(first8[i]!, 36) * ORG_WEIGHTS[i]!;
  const check = 11 - (sum % 11);
  return check === 10 ? 'X' : check === 11 ? '0' : String(check);
}

function usccCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARSET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_CHARSET[(31 - (sum % 31)) % 31]!;
}

/**
 * Builds a code from its parts: registration authority and type (e.g. "12" = 机构编制, 事业单位), the
 * 6-digit region code and the 8-character organisation number.
 */
export function makeUscc(authorityAndType: string, region: string, organisation8: string): string {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}$/.test(authorityAndType) || !/^\d{6}$/.test(region) || !/^[0-9A-Z]{8}$/.test(organisation8)) {
    throw new Error('makeUscc: malformed parts');
  }
  const first17 = authorityAndType + region + organisation8 + organisationCheck(organisation8);
  return first17 + usccCheck(first17);
}

export function isValidUscc(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return organisationCheck(code.slice(8, 16)) === code[16] && usccCheck(code.slice(0, 17)) === code[17];
}
