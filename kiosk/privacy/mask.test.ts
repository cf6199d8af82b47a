import { describe, expect, it } from 'vitest';
import { isMaskedIdNumber, maskAddress, maskBirthDate, maskIdNumber, maskName } from './mask';

describe('maskName', () => {
  it('keeps the first character, and the last of three or more', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王小明')).toBe('王*明');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
  });

  it('shows nothing of a one-character name, nor of an empty one', () => {
    expect(maskName('李')).toBe('*');
    expect(maskName('')).toBe('*');
  });

  it('masks the · of a minority name with the rest, so the name does not show where it splits', () => {
    expect(maskName('阿依古丽·买买提')).toBe('阿******提');
    expect(maskName('次仁·多吉')).toBe('次***吉');
  });

  it('masks foreign names letter by letter, spaces included', () => {
    expect(maskName('JOHN SMITH')).toBe('J********H');
    expect(maskName('MÜLLER')).toBe('M****R');
  });

  it('counts a character outside the BMP as one', () => {
    expect(maskName('𠮷野')).toBe('𠮷*');
    expect(maskName('王𠮷明')).toBe('王*明');
  });
});

describe('maskIdNumber', () => {
  it('keeps the first 6 and the last 4 of an 18-character number', () => {
    expect(maskIdNumber('33010619900101123X')).toBe('330106********123X');
    expect(isMaskedIdNumber(maskIdNumber('33010619900101123X'))).toBe(true);
  });

  it('does the same for a 15-character number: first-generation cards and the old foreign permanent-resident card', () => {
    expect(maskIdNumber('330106900101123')).toBe('330106*****1123');
    expect(maskIdNumber('USA330106900101')).toBe('USA330*****0101');
  });

  it('treats the HMT residence permit number like a resident number, and hides a short pass number whole', () => {
    expect(maskIdNumber('810000199001011234')).toBe('810000********1234');
    expect(maskIdNumber('H12345678')).toBe('*********');
    expect(maskIdNumber('0123456789')).toBe('**********');
  });

  it('knows the masked form from a full number', () => {
    expect(isMaskedIdNumber('330106********123X')).toBe(true);
    expect(isMaskedIdNumber('33010619900101123X')).toBe(false);
    expect(isMaskedIdNumber('*********')).toBe(false);
  });
});

describe('other card fields', () => {
  it('keeps the year of a birth date and the start of an address', () => {
    expect(maskBirthDate('1990-01-01')).toBe('1990-**-**');
    expect(maskAddress('浙江省杭州市西湖区文三路1号')).toBe('浙江省…');
  });
});
