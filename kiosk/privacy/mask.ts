// The one rule for showing a person's data in part: on every screen but the preview, in a seal's `m`, and in
// the command lines. Masks count characters, not UTF-16 units, so a rare character (𠮷) is one character.

/** 张三 → 张*, 王小明 → 王*明, 阿依古丽·买买提 → 阿******提 (the · is masked too: it would tell where a name splits). */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return '*';
  if (chars.length === 2) return `${chars[0]}*`;
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1];
}

const ID_KEPT_HEAD = 6;
const ID_KEPT_TAIL = 4;

/**
 * First 6 and last 4 kept, every other character `*` (seal-kq1.md): 330106********123X. A number of 10
 * characters or fewer (a pass number, H12345678) keeps nothing, since 6 + 4 would show all of it.
 */
export function maskIdNumber(idNumber: string): string {
  const chars = Array.from(idNumber);
  if (chars.length <= ID_KEPT_HEAD + ID_KEPT_TAIL) return '*'.repeat(chars.length);
  return (
    chars.slice(0, ID_KEPT_HEAD).join('') + '*'.repeat(chars.length - ID_KEPT_HEAD - ID_KEPT_TAIL) + chars.slice(-ID_KEPT_TAIL).join('')
  );
}

const MASKED_ID_NUMBER = /^.{6}\*+.{4}$/u;

/** Whether a text has the form `maskIdNumber` gives a number longer than 10 characters. */
export function isMaskedIdNumber(text: string): boolean {
  return MASKED_ID_NUMBER.test(text);
}

/** 1990-01-01 → 1990-**-**: the year is enough to tell an adult; the day is inside the ID number. */
export function maskBirthDate(date: string): string {
  return `${date.slice(0, 4)}-**-**`;
}

/** The first three characters, then …: enough to tell a province or a city, not a door. */
export function maskAddress(address: string): string {
  return `${Array.from(address).slice(0, 3).join('')}…`;
}
