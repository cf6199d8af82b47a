import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { misreadCard } from '../../scripts/synthetic-population';
import { encodeCardText } from '../../test/emulators/ga467-card-encoder';
import { emulatorCards } from '../../test/emulators/id-reader-emulator';
import { NATIONS, decodeTextBlock } from './ga467-text-block';
import { validateCard } from './validate-card';

const cards = emulatorCards();

/** Writes a UCS-2LE string into a block at a byte offset (for hand-made and damaged blocks). */
function write(block: Uint8Array, offset: number, value: string): Uint8Array {
  block.set(Buffer.from(value, 'utf16le'), offset);
  return block;
}
function blank(): Uint8Array {
  return write(new Uint8Array(256), 0, ' '.repeat(128));
}

describe('decodeTextBlock', () => {
  it('decodes a hand-laid resident block at the reference offsets', () => {
    const block = blank();
    write(block, 0, '张三');
    write(block, 30, '1');
    write(block, 32, '01');
    write(block, 36, '19900101');
    write(block, 52, '浙江省杭州市西湖区文三路100号');
    write(block, 122, '330106199001011239');
    write(block, 158, '杭州市公安局西湖分局');
    write(block, 188, '20150301');
    write(block, 204, '长期');
    expect(decodeTextBlock(block)).toEqual({
      ok: true,
      value: {
        cardType: 'resident',
        name: '张三',
        sex: 'male',
        nation: '汉',
        birthDate: '1990-01-01',
        address: '浙江省杭州市西湖区文三路100号',
        idNumber: '330106199001011239',
        issuingAuthority: '杭州市公安局西湖分局',
        validFrom: '2015-03-01',
        validTo: 'long-term',
      },
    });
  });

  it.each(Object.entries(cards))('round-trips the %s test card', (_, card) => {
    const decoded = decodeTextBlock(encodeCardText(card));
    expect(decoded).toEqual({ ok: true, value: card });
  });

  it('keeps a minority name with its middle dot, and a rare character outside the BMP', () => {
    const name = '阿依古丽·买买提';
    expect(decodeTextBlock(encodeCardText({ ...cards.minority, name }))).toMatchObject({ ok: true, value: { name, nation: '维吾尔' } });
    const rare = '𠮷野家';
    expect(decodeTextBlock(encodeCardText({ ...cards.resident, name: rare }))).toMatchObject({ ok: true, value: { name: rare } });
  });

  it('trims trailing spaces only and normalises to NFC', () => {
    const block = encodeCardText(cards.resident);
    write(block, 52, ' 浙江省 杭州市  '.padEnd(35, ' '));
    write(block, 0, 'Zoe\u0301');
    const decoded = decodeTextBlock(block);
    expect(decoded).toMatchObject({ ok: true, value: { address: ' 浙江省 杭州市', name: 'Zoé' } });
  });

  it('reads a 2023 foreign card whose English name runs into the continuation field', () => {
    const englishName = 'VAN DER BERG-SCHMIDT, ANNA KATHARINA MARIA';
    const decoded = decodeTextBlock(encodeCardText({ ...cards.foreign2023, englishName }));
    expect(decoded).toMatchObject({ ok: true, value: { englishName, name: '施安娜', nationality: 'DEU' } });
  });

  it('uses the English name when an old foreign card has no Chinese name', () => {
    const decoded = decodeTextBlock(encodeCardText({ ...cards.foreign2017, name: '' }));
    expect(decoded).toMatchObject({ ok: true, value: { name: 'SMITH, JOHN WILLIAM', idNumber: 'USA330619900101' } });
  });

  it('has the whole nation table', () => {
    expect(Object.keys(NATIONS)).toHaveLength(58);
    expect(NATIONS['98']).toBe('外国血统中国籍人士');
  });

  it('a misread number decodes, then validateCard refuses it', () => {
    const decoded = decodeTextBlock(encodeCardText(misreadCard));
    expect(decoded.ok).toBe(true);
    if (decoded.ok)
      expect(validateCard({ ...decoded.value, photo: new Uint8Array(0) })).toMatchObject({
        ok: false,
        error: { code: 'invalidData', errorCode: 'checkDigit' },
      });
  });

  it.each([
    ['an unknown card type', (b: Uint8Array) => write(b, 248, 'Q'), { type: 'cardType' }],
    ['an unknown sex code', (b: Uint8Array) => write(b, 30, '5'), { type: 'field', field: 'sex' }],
    ['an unknown nation', (b: Uint8Array) => write(b, 32, '77'), { type: 'field', field: 'nation' }],
    ['a date that is not digits', (b: Uint8Array) => write(b, 36, '1990-1-1'), { type: 'field', field: 'birthDate' }],
    ['a blank name', (b: Uint8Array) => write(b, 0, ' '.repeat(15)), { type: 'field', field: 'name' }],
    ['a lone surrogate', (b: Uint8Array) => write(b, 0, '\ud800'), { type: 'encoding', field: 'name' }],
    ['a control character', (b: Uint8Array) => write(b, 122, '\u0001'), { type: 'encoding', field: 'idNumber' }],
  ])('refuses %s with a typed error', (_, damage, error) => {
    expect(decodeTextBlock(damage(encodeCardText(cards.resident)))).toEqual({ ok: false, error });
  });

  it('refuses a block of the wrong size', () => {
    expect(decodeTextBlock(new Uint8Array(255))).toEqual({ ok: false, error: { type: 'length', length: 255 } });
  });
});

describe('decodeTextBlock properties', () => {
  const isTyped = (result: ReturnType<typeof decodeTextBlock>) =>
    result.ok || ['length', 'cardType', 'encoding', 'field'].includes(result.error.type);

  it('random bytes give a card or a typed error, never an exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 256, maxLength: 256 }), (block) => {
        expect(isTyped(decodeTextBlock(block))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('mutated real blocks give a card or a typed error; a decoded card always passes or fails validateCard cleanly', () => {
    const blocks = Object.values(cards).map(encodeCardText);
    fc.assert(
      fc.property(
        fc.constantFrom(...blocks),
        fc.array(fc.tuple(fc.nat(255), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        (original, mutations) => {
          const block = original.slice();
          for (const [at, value] of mutations) block[at] = value;
          const result = decodeTextBlock(block);
          expect(isTyped(result)).toBe(true);
          if (result.ok) {
            const checked = validateCard({ ...result.value, photo: new Uint8Array(0) });
            expect(checked.ok || checked.error.code === 'invalidData').toBe(true);
            expect(result.value.name).toBe(result.value.name.normalize('NFC'));
            expect(result.value.name.endsWith(' ')).toBe(false);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('random arbitrary-length input never throws', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (block) => {
        expect(isTyped(decodeTextBlock(block))).toBe(true);
      }),
    );
  });
});
