// The 256-byte text block of a GA 467 read (shared/reference/id-card-reader.md): UCS-2 little-endian fields at
// fixed offsets, one layout per card kind, chosen by the type flag at offset 248. Decoding checks the form of
// each field; validateCard() checks that they agree (check digit, dates, sex).

import { err, ok, type Result } from '../result';
import type { IdCard, Sex } from './id-card';

export const TEXT_BLOCK_LENGTH = 256;

export type TextBlockError =
  { type: 'length'; length: number } | { type: 'cardType' } | { type: 'encoding'; field: string } | { type: 'field'; field: string };

export type TextBlockResult = Result<Omit<IdCard, 'photo'>, TextBlockError>;

/** GB 3304 nation codes. */
export const NATIONS: Readonly<Record<string, string>> = {
  '01': '汉',
  '02': '蒙古',
  '03': '回',
  '04': '藏',
  '05': '维吾尔',
  '06': '苗',
  '07': '彝',
  '08': '壮',
  '09': '布依',
  '10': '朝鲜',
  '11': '满',
  '12': '侗',
  '13': '瑶',
  '14': '白',
  '15': '土家',
  '16': '哈尼',
  '17': '哈萨克',
  '18': '傣',
  '19': '黎',
  '20': '傈僳',
  '21': '佤',
  '22': '畲',
  '23': '高山',
  '24': '拉祜',
  '25': '水',
  '26': '东乡',
  '27': '纳西',
  '28': '景颇',
  '29': '柯尔克孜',
  '30': '土',
  '31': '达斡尔',
  '32': '仫佬',
  '33': '羌',
  '34': '布朗',
  '35': '撒拉',
  '36': '毛南',
  '37': '仡佬',
  '38': '锡伯',
  '39': '阿昌',
  '40': '普米',
  '41': '塔吉克',
  '42': '怒',
  '43': '乌孜别克',
  '44': '俄罗斯',
  '45': '鄂温克',
  '46': '德昂',
  '47': '保安',
  '48': '裕固',
  '49': '京',
  '50': '塔塔尔',
  '51': '独龙',
  '52': '鄂伦春',
  '53': '赫哲',
  '54': '门巴',
  '55': '珞巴',
  '56': '基诺',
  '97': '其他',
  '98': '外国血统中国籍人士',
};

const SEXES: Readonly<Record<string, Sex>> = { '0': 'unknown', '1': 'male', '2': 'female', '9': 'unspecified' };

/** Thrown only inside this module, turned into a TextBlockError at its edge. */
class FieldProblem extends Error {
  constructor(readonly problem: TextBlockError) {
    super(problem.type);
  }
}

const utf16 = new TextDecoder('utf-16le', { fatal: true });

export function decodeTextBlock(block: Uint8Array): TextBlockResult {
  if (block.length !== TEXT_BLOCK_LENGTH) return err({ type: 'length', length: block.length });
  try {
    const text = (field: string, offset: number, length: number) => readText(block, field, offset, length);
    const flag = text('type', 248, 2);
    switch (flag) {
      case '':
      case '\u0000': // some cards leave the reserved tail zeroed rather than blank
        return ok(decodeResident(text));
      case 'J':
        return ok(decodeResidencePermit(text));
      case 'I':
        return ok(decodeOldForeignPermanentResident(text));
      case 'Y':
        return ok(decodeForeignPermanentResident2023(text));
      default:
        return err({ type: 'cardType' });
    }
  } catch (error) {
    if (error instanceof FieldProblem) return err(error.problem);
    throw error;
  }
}

type TextReader = (field: string, offset: number, length: number) => string;

/** The layout a resident card and an HMT residence permit share, up to offset 220 (nation aside). */
function mainlandLayoutFields(text: TextReader) {
  return {
    name: required(text('name', 0, 30), 'name'),
    sex: sex(text('sex', 30, 2)),
    birthDate: date(text('birthDate', 36, 16), 'birthDate'),
    address: text('address', 52, 70),
    idNumber: text('idNumber', 122, 36),
    issuingAuthority: text('issuingAuthority', 158, 30),
    validFrom: date(text('validFrom', 188, 16), 'validFrom'),
    validTo: validTo(text('validTo', 204, 16)),
  };
}

function decodeResident(text: TextReader): Omit<IdCard, 'photo'> {
  const fields = mainlandLayoutFields(text);
  const nationCode = text('nation', 32, 4);
  const nation = NATIONS[nationCode];
  if (!nation) throw new FieldProblem({ type: 'field', field: 'nation' });
  return { cardType: 'resident', ...fields, nation };
}

function decodeResidencePermit(text: TextReader): Omit<IdCard, 'photo'> {
  return {
    cardType: 'hmt-residence-permit',
    ...mainlandLayoutFields(text),
    passNumber: text('passNumber', 220, 18),
    issueCount: text('issueCount', 238, 4),
  };
}

function decodeOldForeignPermanentResident(text: TextReader): Omit<IdCard, 'photo'> {
  const englishName = text('englishName', 0, 120);
  const chineseName = text('name', 158, 30);
  return {
    cardType: 'foreign-permanent-resident-2017',
    name: required(chineseName || englishName, 'name'),
    englishName,
    sex: sex(text('sex', 120, 2)),
    idNumber: text('idNumber', 122, 30),
    nationality: text('nationality', 152, 6),
    validFrom: date(text('validFrom', 188, 16), 'validFrom'),
    validTo: validTo(text('validTo', 204, 16)),
    birthDate: date(text('birthDate', 220, 16), 'birthDate'),
  };
}

function decodeForeignPermanentResident2023(text: TextReader): Omit<IdCard, 'photo'> {
  // The English name runs on from offset 52 into 220; each part is space-padded only at the very end.
  const englishName = trimTrailingSpaces(text('englishName', 52, 70) + text('englishName', 220, 22));
  const chineseName = text('name', 0, 30);
  return {
    cardType: 'foreign-permanent-resident-2023',
    name: required(chineseName || englishName, 'name'),
    englishName,
    sex: sex(text('sex', 30, 2)),
    birthDate: date(text('birthDate', 36, 16), 'birthDate'),
    idNumber: text('idNumber', 122, 36),
    validFrom: date(text('validFrom', 188, 16), 'validFrom'),
    validTo: validTo(text('validTo', 204, 16)),
    nationality: text('nationality', 242, 6),
  };
}

/**
 * One field: UCS-2LE (surrogate pairs allowed for rare characters), trailing spaces removed and nothing else,
 * NFC. Control characters other than a lone NUL flag are a bad read. `readText` for the flag keeps NUL.
 */
function readText(block: Uint8Array, field: string, offset: number, length: number): string {
  let raw: string;
  try {
    raw = utf16.decode(block.subarray(offset, offset + length));
  } catch {
    throw new FieldProblem({ type: 'encoding', field });
  }
  const value = trimTrailingSpaces(raw);
  if (field !== 'type' && /[\u0000-\u001f\u007f]/.test(value)) throw new FieldProblem({ type: 'encoding', field });
  return value.normalize('NFC');
}

function trimTrailingSpaces(value: string): string {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 0x20) end--;
  return value.slice(0, end);
}

function required(value: string, field: string): string {
  if (value === '') throw new FieldProblem({ type: 'field', field });
  return value;
}

function sex(code: string): Sex {
  const value = SEXES[code];
  if (!value) throw new FieldProblem({ type: 'field', field: 'sex' });
  return value;
}

/** YYYYMMDD → YYYY-MM-DD; whether it names a real day is validateCard's concern. */
function date(value: string, field: string): string {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(value);
  if (!match) throw new FieldProblem({ type: 'field', field });
  return `${match[1]}-${match[2]}-${match[3]}`;
}

function validTo(value: string): string {
  return value === '长期' ? 'long-term' : date(value, 'validTo');
}
