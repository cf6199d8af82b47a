// What a card chip holds, laid out as the reader's 256-byte text block. Written from the field tables in
// shared/reference/id-card-reader.md independently of the driver's decoder, so that a shared misreading of
// the layout cannot hide.

import type { IdCard, Sex } from '../../device-drivers/id-reader/id-card';

export type CardOnChip = Omit<IdCard, 'photo'>;

const SEX_CODES: Record<Sex, string> = { unknown: '0', male: '1', female: '2', unspecified: '9' };
/** The nations the test cards use (GB 3304). */
const NATION_CODES: Record<string, string> = { 汉: '01', 蒙古: '02', 回: '03', 藏: '04', 维吾尔: '05', 苗: '06', 壮: '08', 满: '11' };

/** YYYY-MM-DD → YYYYMMDD; 'long-term' → 长期. */
function chipDate(value: string): string {
  return value === 'long-term' ? '长期' : value.replaceAll('-', '');
}

class TextBlock {
  readonly bytes = new Uint8Array(256);
  constructor() {
    this.put(0, 256, ''); // everything blank (spaces) until written
  }
  /** A UCS-2LE field right-padded with spaces; too long a value is a bug in the test. */
  put(offset: number, length: number, value: string): this {
    const units = Buffer.from(value, 'utf16le');
    if (units.length > length) throw new Error(`test card field at ${offset} is longer than ${length} bytes`);
    this.bytes.set(units, offset);
    for (let i = offset + units.length; i < offset + length; i += 2) {
      this.bytes[i] = 0x20;
      this.bytes[i + 1] = 0x00;
    }
    return this;
  }
}

export function encodeCardText(card: CardOnChip): Uint8Array {
  const block = new TextBlock();
  const sex = SEX_CODES[card.sex];
  switch (card.cardType) {
    case 'resident':
    case 'hmt-residence-permit': {
      block
        .put(0, 30, card.name)
        .put(30, 2, sex)
        .put(36, 16, chipDate(card.birthDate))
        .put(52, 70, card.address ?? '')
        .put(122, 36, card.idNumber)
        .put(158, 30, card.issuingAuthority ?? '')
        .put(188, 16, chipDate(card.validFrom))
        .put(204, 16, chipDate(card.validTo));
      if (card.cardType === 'resident') {
        const nation = NATION_CODES[card.nation ?? ''];
        if (!nation) throw new Error('test card nation missing from the encoder table');
        block.put(32, 4, nation);
      } else {
        block
          .put(220, 18, card.passNumber ?? '')
          .put(238, 4, card.issueCount ?? '')
          .put(248, 2, 'J');
      }
      break;
    }
    case 'foreign-permanent-resident-2017':
      block
        .put(0, 120, card.englishName ?? '')
        .put(120, 2, sex)
        .put(122, 30, card.idNumber)
        .put(152, 6, card.nationality ?? '')
        .put(158, 30, card.name)
        .put(188, 16, chipDate(card.validFrom))
        .put(204, 16, chipDate(card.validTo))
        .put(220, 16, chipDate(card.birthDate))
        .put(236, 4, '01')
        .put(240, 8, '1100')
        .put(248, 2, 'I');
      break;
    case 'foreign-permanent-resident-2023': {
      const english = card.englishName ?? '';
      block
        .put(0, 30, card.name)
        .put(30, 2, sex)
        .put(32, 4, '00')
        .put(36, 16, chipDate(card.birthDate))
        .put(52, 70, english.slice(0, 35))
        .put(122, 36, card.idNumber)
        .put(188, 16, chipDate(card.validFrom))
        .put(204, 16, chipDate(card.validTo))
        .put(220, 22, english.slice(35))
        .put(242, 6, card.nationality ?? '')
        .put(248, 2, 'Y');
      break;
    }
  }
  return block.bytes;
}

/**
 * A stand-in for the 1024-byte WLT photo: deterministic bytes that include a frame preamble and its
 * pieces, so a parser that hunts for preambles inside a frame would trip on it.
 */
export function syntheticPhoto(): Uint8Array {
  const photo = new Uint8Array(1024);
  let state = 0x2545f491;
  for (let i = 0; i < photo.length; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    photo[i] = state & 0xff;
  }
  photo.set([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x05, 0x08], 100);
  photo.set([0xaa, 0xaa, 0xaa], 1021);
  return photo;
}
