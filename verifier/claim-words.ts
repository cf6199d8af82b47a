// A seal's claims in plain words, Chinese and English, for every verifier that shows them (the kiosk's
// 核验证明 screen, the verifier page): the certificate types and the contract's fact keys (seal-kq1.md, `f`).

export interface ClaimWords {
  zh: string;
  en: string;
}

/** The certificate types a kiosk prints; the errand catalogue names its types with these words. */
export const certTypeWords = {
  'no-property-proof': { zh: '无房证明', en: 'No-property proof' },
  'social-security-record': { zh: '社会保险参保证明', en: 'Social-security record' },
  'residence-proof': { zh: '居住证明', en: 'Residence proof' },
  'household-registration-proof': { zh: '户籍证明', en: 'Household-registration proof' },
} as const satisfies Record<string, ClaimWords>;

const factWords: Readonly<Record<string, ClaimWords>> = {
  region: { zh: '地区', en: 'Region' },
  months: { zh: '缴费月数', en: 'Contribution months' },
  lastPaidMonth: { zh: '最近缴费月份', en: 'Last month paid' },
  since: { zh: '居住起始日期', en: 'Resident since' },
};

/** A type the words do not know is shown as its code. */
export function certTypeName(type: string): ClaimWords {
  return (certTypeWords as Readonly<Record<string, ClaimWords>>)[type] ?? { zh: type, en: type };
}

/** A fact key the contract does not name is shown as it is. */
export function factName(key: string): ClaimWords {
  return factWords[key] ?? { zh: key, en: key };
}
