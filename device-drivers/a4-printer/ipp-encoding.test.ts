import { describe, expect, it } from 'vitest';
import { decodeIppMessage, encodeIppMessage, GroupTag, IppDecodeError, ValueTag, type IppMessage } from './ipp-encoding';

const hex = (text: string) => Uint8Array.from(Buffer.from(text.replace(/\s+/g, ''), 'hex'));
const ascii = (text: string) => Buffer.from(text, 'latin1').toString('hex');
const len16 = (n: number) => n.toString(16).padStart(4, '0');
/** tag, name, value — one attribute value in wire form. */
const attr = (tag: number, name: string, valueHex: string) =>
  `${tag.toString(16).padStart(2, '0')}${len16(name.length)}${ascii(name)}${len16(valueHex.length / 2)}${valueHex}`;

function decoded(bytes: Uint8Array): IppMessage {
  const result = decodeIppMessage(bytes);
  if (!result.ok) throw result.error;
  return result.value;
}

function failure(bytes: Uint8Array): IppDecodeError {
  const result = decodeIppMessage(bytes);
  if (result.ok) throw new Error('expected a decode error');
  return result.error;
}

describe('encodeIppMessage', () => {
  it('writes a Get-Printer-Attributes request byte for byte as RFC 8010 lays it out', () => {
    const bytes = encodeIppMessage({
      version: { major: 1, minor: 1 },
      code: 0x000b,
      requestId: 1,
      groups: [
        {
          tag: GroupTag.operation,
          attributes: [
            { name: 'attributes-charset', values: [{ tag: ValueTag.charset, value: 'utf-8' }] },
            { name: 'attributes-natural-language', values: [{ tag: ValueTag.naturalLanguage, value: 'en' }] },
            { name: 'printer-uri', values: [{ tag: ValueTag.uri, value: 'ipp://p/ipp/print' }] },
            {
              name: 'requested-attributes',
              values: [
                { tag: ValueTag.keyword, value: 'printer-state' },
                { tag: ValueTag.keyword, value: 'printer-state-reasons' },
              ],
            },
          ],
        },
      ],
      data: new Uint8Array(0),
    });
    const expected =
      '0101 000b 00000001 01' +
      attr(0x47, 'attributes-charset', ascii('utf-8')) +
      attr(0x48, 'attributes-natural-language', ascii('en')) +
      attr(0x45, 'printer-uri', ascii('ipp://p/ipp/print')) +
      attr(0x44, 'requested-attributes', ascii('printer-state')) +
      attr(0x44, '', ascii('printer-state-reasons')) +
      '03';
    expect(Buffer.from(bytes).toString('hex')).toBe(expected.replace(/\s+/g, ''));
  });

  it('puts document data after the end-of-attributes tag', () => {
    const bytes = encodeIppMessage({ version: { major: 1, minor: 1 }, code: 2, requestId: 7, groups: [], data: hex('25504446') });
    expect(Buffer.from(bytes).toString('hex')).toBe('0101000200000007' + '03' + '25504446');
  });

  it('refuses values IPP cannot carry', () => {
    const message = (value: number): IppMessage => ({
      version: { major: 1, minor: 1 },
      code: 2,
      requestId: 1,
      data: new Uint8Array(0),
      groups: [{ tag: GroupTag.operation, attributes: [{ name: 'job-id', values: [{ tag: ValueTag.integer, value }] }] }],
    });
    expect(() => encodeIppMessage(message(2 ** 31))).toThrow(RangeError);
    expect(() => encodeIppMessage(message(1.5))).toThrow(RangeError);
    expect(() =>
      encodeIppMessage({
        ...message(1),
        groups: [{ tag: GroupTag.operation, attributes: [{ name: 'x', values: [{ tag: ValueTag.keyword, value: 'a'.repeat(40_000) }] }] }],
      }),
    ).toThrow(RangeError);
  });
});

describe('decodeIppMessage', () => {
  it('reads a printer answer with every common syntax', () => {
    const bytes = hex(
      '0200 0000 0000002a 01' +
        attr(0x47, 'attributes-charset', ascii('utf-8')) +
        '04' +
        attr(0x23, 'printer-state', '00000005') +
        attr(0x44, 'printer-state-reasons', ascii('media-empty-error')) +
        attr(0x44, '', ascii('toner-low-report')) +
        attr(0x22, 'printer-is-accepting-jobs', '01') +
        attr(0x21, 'marker-levels', 'ffffffff') +
        attr(0x33, 'copies-supported', '00000001' + '00000063') +
        attr(0x32, 'printer-resolution-default', '00000258' + '00000258' + '03') +
        attr(0x31, 'printer-current-time', '07ea0b17101b16002b0800') +
        attr(0x35, 'printer-info', '0005' + ascii('zh-cn') + '0006' + Buffer.from('打印', 'utf8').toString('hex')) +
        attr(0x30, 'printer-supply', ascii('level=75;')) +
        attr(0x13, 'printer-geo-location', '') +
        attr(0x7e, 'vendor-thing', 'abcd') +
        '03',
    );
    const message = decoded(bytes);
    expect(message.version).toEqual({ major: 2, minor: 0 });
    expect(message.code).toBe(0);
    expect(message.requestId).toBe(42);
    expect(message.groups.map((g) => g.tag)).toEqual([GroupTag.operation, GroupTag.printer]);
    const printer = message.groups[1]!.attributes;
    expect(printer.map((a) => a.name)).toEqual([
      'printer-state',
      'printer-state-reasons',
      'printer-is-accepting-jobs',
      'marker-levels',
      'copies-supported',
      'printer-resolution-default',
      'printer-current-time',
      'printer-info',
      'printer-supply',
      'printer-geo-location',
      'vendor-thing',
    ]);
    expect(printer[0]!.values).toEqual([{ tag: ValueTag.enum, value: 5 }]);
    expect(printer[1]!.values).toEqual([
      { tag: ValueTag.keyword, value: 'media-empty-error' },
      { tag: ValueTag.keyword, value: 'toner-low-report' },
    ]);
    expect(printer[2]!.values).toEqual([{ tag: ValueTag.boolean, value: true }]);
    expect(printer[3]!.values).toEqual([{ tag: ValueTag.integer, value: -1 }]);
    expect(printer[4]!.values).toEqual([{ tag: ValueTag.rangeOfInteger, lower: 1, upper: 99 }]);
    expect(printer[5]!.values).toEqual([{ tag: ValueTag.resolution, cross: 600, feed: 600, units: 3 }]);
    expect(printer[6]!.values[0]).toMatchObject({
      value: { year: 2026, month: 11, day: 23, hour: 16, minutes: 27, seconds: 22, utcDirection: '+', utcHours: 8 },
    });
    expect(printer[7]!.values).toEqual([{ tag: ValueTag.textWithLanguage, language: 'zh-cn', value: '打印' }]);
    expect(Buffer.from((printer[8]!.values[0] as { bytes: Uint8Array }).bytes).toString()).toBe('level=75;');
    expect(printer[9]!.values).toEqual([{ tag: ValueTag.noValue }]);
    expect(printer[10]!.values).toEqual([{ tag: 0x7e, bytes: hex('abcd') }]);
  });

  it('reads collections, nested, as RFC 8010 §3.1.6 writes them', () => {
    const member = (name: string) => attr(0x4a, '', ascii(name));
    const bytes = hex(
      '0101 0000 00000001 04' +
        attr(0x34, 'media-col-default', '') +
        member('media-size') +
        attr(0x34, '', '') +
        member('x-dimension') +
        attr(0x21, '', '00005208') +
        member('y-dimension') +
        attr(0x21, '', '00007404') +
        attr(0x37, '', '') +
        member('media-source') +
        attr(0x44, '', ascii('main')) +
        attr(0x37, '', '') +
        '03',
    );
    const [collection] = decoded(bytes).groups[0]!.attributes;
    expect(collection).toEqual({
      name: 'media-col-default',
      values: [
        {
          tag: ValueTag.begCollection,
          members: [
            {
              name: 'media-size',
              values: [
                {
                  tag: ValueTag.begCollection,
                  members: [
                    { name: 'x-dimension', values: [{ tag: ValueTag.integer, value: 21000 }] },
                    { name: 'y-dimension', values: [{ tag: ValueTag.integer, value: 29700 }] },
                  ],
                },
              ],
            },
            { name: 'media-source', values: [{ tag: ValueTag.keyword, value: 'main' }] },
          ],
        },
      ],
    });
    expect(decoded(encodeIppMessage(decoded(bytes)))).toEqual(decoded(bytes));
  });

  it('keeps the document data after the attributes', () => {
    expect(decoded(hex('0101 0002 00000001 03 25504446')).data).toEqual(hex('25504446'));
  });

  it.each([
    ['an empty message', '', 'truncated'],
    ['a header cut short', '010100', 'truncated'],
    ['no end-of-attributes tag', '0101 0000 00000001 01', 'truncated'],
    ['a value longer than the message', '0101 0000 00000001 01 44 0001 61 00ff 6162', 'truncated'],
    ['a reserved delimiter tag', '0101 0000 00000001 00 03', 'badTag'],
    ['a value before any group', '0101 0000 00000001 44 0001 61 0001 62 03', 'badTag'],
    ['an additional value with nothing before it', '0101 0000 00000001 01 44 0000 0001 62 03', 'badValue'],
    ['an integer of 3 bytes', '0101 0000 00000001 01 21 0001 61 0003 000001 03', 'badLength'],
    ['a boolean of 2', '0101 0000 00000001 01 22 0001 61 0001 02 03', 'badValue'],
    ['a dateTime without direction', `0101 0000 00000001 01 31 0001 61 000b 07ea0b17101b1600${'00'}0800 03`, 'badValue'],
    ['an extended tag', '0101 0000 00000001 01 7f 0001 61 0004 00000001 03', 'badTag'],
    ['an endCollection outside a collection', '0101 0000 00000001 01 37 0000 0000 03', 'badCollection'],
    ['a collection never closed', '0101 0000 00000001 01 34 0001 61 0000 03', 'badCollection'],
    ['a member value before its name', '0101 0000 00000001 01 34 0001 61 0000 21 0000 0004 00000001 37 0000 0000 03', 'badCollection'],
    ['text-with-language parts that overflow', '0101 0000 00000001 01 35 0001 61 0004 0002 656e 0005 03', 'badLength'],
  ])('returns a typed error for %s', (_what, bytes, reason) => {
    const error = failure(hex(bytes));
    expect(error).toBeInstanceOf(IppDecodeError);
    expect(error.reason).toBe(reason);
  });

  it('refuses collections nested without end', () => {
    const open = '34 0000 0000 4a 0000 0001 61 '.repeat(40);
    const bytes = hex(`0101 0000 00000001 01 34 0001 61 0000 4a 0000 0001 61 ${open} 03`);
    expect(failure(bytes).reason).toBe('tooDeep');
  });
});
