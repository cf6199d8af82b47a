import { Tagged } from 'cborg';
import { describe, expect, it } from 'vitest';
import { decodeStrictCbor } from './strict-cbor';

const hex = (text: string) => Buffer.from(text.replaceAll(' ', ''), 'hex');

describe('strict CBOR', () => {
  it('reads maps as Map, byte strings as Uint8Array, and an allowed tag as Tagged', () => {
    const decoded = decodeStrictCbor(hex('a2 01 26 04 42 abcd'));
    expect(decoded).toEqual({
      ok: true,
      value: new Map<number, unknown>([
        [1, -7],
        [4, new Uint8Array([0xab, 0xcd])],
      ]),
    });
    const tagged = decodeStrictCbor(hex('d2 80'), [18]);
    expect(tagged.ok && tagged.value).toBeInstanceOf(Tagged);
    expect(tagged.ok && (tagged.value as Tagged).tag).toBe(18);
  });

  // Each refusal is pinned to its code: cborg words them in prose, and a new wording must not pass as "malformed".
  it.each([
    ['a duplicate map key', 'a2 61 6e 01 61 6e 02', 'duplicate-map-key'],
    ['an indefinite-length array', '9f 01 ff', 'indefinite-length'],
    ['an indefinite-length map', 'bf 61 6e 01 ff', 'indefinite-length'],
    ['trailing bytes after the item', '81 01 00', 'trailing-bytes'],
    ['an integer longer than it needs', '18 01', 'not-shortest-form'],
    ['a length longer than it needs', '98 01 01', 'not-shortest-form'],
    ['a tag nobody allowed', 'c1 00', 'tag-not-allowed'],
    ['tag 18 where it is not allowed', 'd2 80', 'tag-not-allowed'],
    ['undefined', 'f7', 'value-not-allowed'],
    ['NaN', 'f9 7e00', 'value-not-allowed'],
    ['an integer beyond the safe range', '1b 0020000000000000', 'value-not-allowed'],
    ['a truncated item', '82 01', 'malformed'],
    ['nothing at all', '', 'malformed'],
  ] as const)('refuses %s', (_, bytes, problem) => {
    expect(decodeStrictCbor(hex(bytes))).toEqual({ ok: false, error: problem });
  });
});
