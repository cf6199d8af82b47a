import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../test/emulators/escpos-stream-decoder';
import { encodeReceipt } from './escpos-encoder';
import type { Receipt, ReceiptLine } from './receipt-printer';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').replace(/(..)/g, '$1 ').trim();

function encoded(receipt: Receipt): Uint8Array {
  const result = encodeReceipt(receipt);
  if (!result.ok) throw new Error(`encoding failed: ${result.error.errorCode}`);
  return result.value;
}

describe('encodeReceipt', () => {
  it('initialises, prints a line in Chinese mode as GB18030, feeds and cuts', () => {
    const bytes = encoded({
      lines: [
        { kind: 'text', text: '浙江', size: 'large', align: 'center' },
        { kind: 'feed', lines: 2 },
      ],
    });
    expect(hex(bytes)).toBe(
      [
        '1b 40', // ESC @
        '1b 61 01', // centre
        '1d 21 11', // double width and height
        '1c 26', // Chinese mode
        'd5 e3 bd ad', // 浙江 in GB18030
        '1c 2e 0a', // leave Chinese mode, print the line
        '1b 64 02', // feed 2
        '1d 56 41 03', // feed to the cutter and cut
      ].join(' '),
    );
  });

  it('prints a bold line right-aligned, emphasis switched off once the line is printed', () => {
    const bytes = encoded({ lines: [{ kind: 'text', text: 'A', align: 'right', bold: true }] });
    expect(hex(bytes)).toBe(
      [
        '1b 40',
        '1b 61 02', // right
        '1d 21 00',
        '1b 45 01', // emphasis on
        '1c 26',
        '41',
        '1c 2e 0a',
        '1b 45 00', // emphasis off
        '1d 56 41 03',
      ].join(' '),
    );
  });

  it('prints a QR code natively: model 2, 4 dots per module, level Q, stored then printed, centred', () => {
    const bytes = encoded({ lines: [{ kind: 'qr', data: 'KQ1:ABC' }] });
    expect(hex(bytes)).toBe(
      [
        '1b 40',
        '1b 61 01',
        '1d 28 6b 04 00 31 41 32 00', // fn 165: model 2
        '1d 28 6b 03 00 31 43 04', // fn 167: module size 4
        '1d 28 6b 03 00 31 45 32', // fn 169: error correction Q
        '1d 28 6b 0a 00 31 50 30 4b 51 31 3a 41 42 43', // fn 180: store 7 bytes (pL = 7 + 3)
        '1d 28 6b 03 00 31 51 30', // fn 181: print
        '0a',
        '1d 56 41 03',
      ].join(' '),
    );
  });

  it('writes the QR store length in two bytes for long data', () => {
    const data = 'A'.repeat(450);
    const bytes = Buffer.from(encoded({ lines: [{ kind: 'qr', data }] }));
    const store = bytes.indexOf(Buffer.from([0x31, 0x50, 0x30])) - 5;
    expect([...bytes.subarray(store, store + 5)]).toEqual([0x1d, 0x28, 0x6b, 453 & 0xff, 453 >> 8]);
  });

  it('encodes characters outside GBK as four-byte GB18030', () => {
    const bytes = Buffer.from(encoded({ lines: [{ kind: 'text', text: '𠀀' }] }));
    expect(bytes.includes(Buffer.from([0x95, 0x32, 0x82, 0x36]))).toBe(true);
  });

  it.each<[string, ReceiptLine, string]>([
    ['a control character in text (would be a printer command)', { kind: 'text', text: 'a\u001b@b' }, 'controlCharacter'],
    ['DLE in text (would be answered as a status query)', { kind: 'text', text: '\u0010\u0004\u0001' }, 'controlCharacter'],
    ['a newline in text', { kind: 'text', text: 'a\nb' }, 'controlCharacter'],
    ['a lone surrogate (would print as ?)', { kind: 'text', text: 'a\ud800' }, 'unencodableText'],
    ['an empty QR code', { kind: 'qr', data: '' }, 'qrEmpty'],
    ['a QR code too long for level Q', { kind: 'qr', data: 'A'.repeat(2421) }, 'qrTooLong'],
    ['binary QR data too long for level Q', { kind: 'qr', data: 'a'.repeat(1664) }, 'qrTooLong'],
    ['DLE in QR data', { kind: 'qr', data: 'a\u0010b' }, 'qrData'],
    ['a negative feed', { kind: 'feed', lines: -1 }, 'feedLines'],
    ['a fractional feed', { kind: 'feed', lines: 1.5 }, 'feedLines'],
    ['a feed over 255 lines', { kind: 'feed', lines: 256 }, 'feedLines'],
  ])('refuses %s as invalidData', (_, line, errorCode) => {
    const result = encodeReceipt({ lines: [{ kind: 'text', text: '标题' }, line] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalidData', errorCode } });
    // The description names the line, never its content.
    expect(result.ok ? '' : result.error.description).toMatch(/^line 2: /);
  });

  it('accepts the largest alphanumeric QR code at level Q', () => {
    expect(encodeReceipt({ lines: [{ kind: 'qr', data: 'A'.repeat(2420) }] }).ok).toBe(true);
  });
});

// Text a receipt may carry: any Unicode scalar except control characters.
const printableText = fc
  .string({ unit: 'grapheme', maxLength: 40 })
  .map((text) => text.replace(/[\u0000-\u001f\u007f]/gu, ''))
  .filter((text) => !/\p{Cs}/u.test(text));
const chineseText = fc.array(fc.integer({ min: 0x4e00, max: 0x9fa5 }), { maxLength: 20 }).map((codes) => String.fromCodePoint(...codes));

const line: fc.Arbitrary<ReceiptLine> = fc.oneof(
  fc
    .record({
      kind: fc.constant('text' as const),
      text: fc.oneof(printableText, chineseText),
      size: fc.constantFrom('normal' as const, 'large' as const),
      align: fc.constantFrom('left' as const, 'center' as const, 'right' as const),
    })
    .chain((text) => fc.boolean().map((bold) => (bold ? { ...text, bold: true } : text))),
  fc.record({
    kind: fc.constant('qr' as const),
    data: fc.oneof(
      printableText.filter((s) => s.length > 0),
      fc.stringMatching(/^KQ1:[0-9A-Z $%*+\-./:]{1,500}$/),
    ),
  }),
  fc.record({ kind: fc.constant('feed' as const), lines: fc.integer({ min: 0, max: 255 }) }),
);

describe('encodeReceipt, properties', () => {
  it('decodes back to the same lines: text through GB18030, QR data, feeds, then one cut', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const { receipts, incompleteTail } = decodeEscPos(encoded({ lines }));
        expect(incompleteTail).toBe(0);
        expect(receipts).toHaveLength(1);
        const [receipt] = receipts;
        expect(receipt!.anomalies).toEqual([]);
        expect(receipt!.cut).toBe('feedThenCut');
        expect(receipt!.lines).toEqual(lines);
      }),
    );
  });

  it('never contains DLE EOT 1–4, which the printer would answer in the middle of the job', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const bytes = Buffer.from(encoded({ lines }));
        for (const n of [1, 2, 3, 4]) expect(bytes.includes(Buffer.from([0x10, 0x04, n]))).toBe(false);
      }),
    );
  });

  it('is GB18030 as iconv-lite writes it, so every character survives', () => {
    fc.assert(
      fc.property(printableText, (text) => {
        expect(iconv.decode(iconv.encode(text, 'gb18030'), 'gb18030')).toBe(text);
      }),
    );
  });
});
