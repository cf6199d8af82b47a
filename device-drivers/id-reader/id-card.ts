// What an ID card reader yields: the decoded card. Lives in memory for one session only.

export type IdCardType =
  | 'resident' // 居民身份证
  | 'hmt-residence-permit' // 港澳台居民居住证 (J)
  | 'foreign-permanent-resident-2017' // 外国人永久居留身份证, old (I)
  | 'foreign-permanent-resident-2023'; // 外国人永久居留身份证, 2023 (Y)

export type Sex = 'unknown' | 'male' | 'female' | 'unspecified';

export interface IdCard {
  cardType: IdCardType;
  /** The Chinese name (for a foreign card without one, the English name). Trailing spaces removed, NFC. */
  name: string;
  englishName?: string;
  sex: Sex;
  /** Nation (民族) in words, resident cards only. */
  nation?: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  address?: string;
  idNumber: string;
  issuingAuthority?: string;
  /** YYYY-MM-DD. */
  validFrom: string;
  /** YYYY-MM-DD, or 'long-term' for 长期. */
  validTo: string;
  /** HMT permit: pass number and issue count. */
  passNumber?: string;
  issueCount?: string;
  /** Foreign cards: ISO 3166 alpha-3 nationality. */
  nationality?: string;
  /** Vendor-compressed WLT photo; opaque, never stored. */
  photo: Uint8Array;
}
