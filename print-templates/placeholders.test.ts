import { describe, expect, it } from 'vitest';

import { zhangSanNoPropertyProof } from './fixtures/synthetic-certificates';
import { fillPlaceholders, placeholderValues, placeholdersIn } from './placeholders';

describe('placeholders', () => {
  const values = placeholderValues(zhangSanNoPropertyProof);

  it('fills certificate data, dates as Shanghai dates in Chinese', () => {
    expect(fillPlaceholders('出具日期：{issuedDate}，有效期至{validUntil}。编号{certId}', values)).toBe(
      '出具日期：2026年11月23日，有效期至2026年12月23日。编号HZBDC-NPP-330100-20261123-000042',
    );
  });

  it('never reads data as a placeholder (one pass)', () => {
    const tricky = placeholderValues({ ...zhangSanNoPropertyProof, holder: { name: '{certId}', idNumber: 'x' } });
    expect(fillPlaceholders('{holderName}', tricky)).toBe('{certId}');
  });

  it('lists the names written in a text, known or not', () => {
    expect(placeholdersIn('{certId} {certID} {} {1x}')).toEqual(['certId', 'certID']);
  });
});
