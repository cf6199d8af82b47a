import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { SerialLineFramer, type SerialLineFramerOptions } from './serial-line-framer';

const bytes = (text: string) => new TextEncoder().encode(text);
const framer = (options: Partial<SerialLineFramerOptions> = {}) =>
  new SerialLineFramer({ terminator: 'CR', encoding: 'utf-8', ...options });

describe('SerialLineFramer', () => {
  it('cuts codes on CR and splits off the AIM id', () => {
    expect(framer().push(bytes(']Q1KIOSK-0001\rPLAIN\r'), 0)).toEqual([
      { ok: true, value: { symbology: ']Q1', data: 'KIOSK-0001' } },
      { ok: true, value: { symbology: 'unknown', data: 'PLAIN' } },
    ]);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['TAB', '\t'],
  ] as const)('cuts codes on %s', (terminator, end) => {
    expect(framer({ terminator }).push(bytes(`ONE${end}TWO${end}`), 0)).toEqual([
      { ok: true, value: { symbology: 'unknown', data: 'ONE' } },
      { ok: true, value: { symbology: 'unknown', data: 'TWO' } },
    ]);
  });

  it('joins pieces, a UTF-8 character and a CRLF cut between them', () => {
    const f = framer({ terminator: 'CRLF' });
    const all = bytes('浙江-1\r\n');
    expect(f.push(all.subarray(0, 2), 0)).toEqual([]);
    expect(f.push(all.subarray(2, 8), 10)).toEqual([]);
    expect(f.deadline()).toBe(110);
    expect(f.push(all.subarray(8), 20)).toEqual([{ ok: true, value: { symbology: 'unknown', data: '浙江-1' } }]);
    expect(f.deadline()).toBeNull();
  });

  it('decodes GBK as a whole', () => {
    const text = '浙江政务服务网（一件事）';
    const gbk = new Uint8Array(iconv.encode(text + '\r', 'gbk'));
    expect(framer({ encoding: 'gbk' }).push(gbk, 0)).toEqual([{ ok: true, value: { symbology: 'unknown', data: text } }]);
  });

  it('throws away a piece left without its terminator after the inter-byte timeout', () => {
    const f = framer({ interByteTimeoutMs: 50 });
    f.push(bytes('NOISE'), 0);
    expect(f.tick(49)).toEqual([]);
    expect(f.tick(50)).toEqual([
      { ok: false, error: { kind: 'incompleteFrame', detail: '5 bytes without a terminator, then 50 ms of silence' } },
    ]);
    expect(f.push(bytes('CODE\r'), 60)).toEqual([{ ok: true, value: { symbology: 'unknown', data: 'CODE' } }]);
  });

  it('discards the stale piece when the next bytes come after the timeout', () => {
    const f = framer({ interByteTimeoutMs: 50 });
    f.push(bytes('HALF'), 0);
    expect(f.push(bytes('NEXT\r'), 80)).toEqual([
      { ok: false, error: { kind: 'incompleteFrame', detail: '4 bytes without a terminator, then 50 ms of silence' } },
      { ok: true, value: { symbology: 'unknown', data: 'NEXT' } },
    ]);
  });

  it('makes no code of two terminators in a row', () => {
    expect(framer().push(bytes('\r\rA\r'), 0)).toEqual([{ ok: true, value: { symbology: 'unknown', data: 'A' } }]);
  });

  it('refuses a code that is too long, up to its terminator, whether it comes whole or in pieces', () => {
    const f = framer({ maxFrameBytes: 8 });
    expect(f.push(bytes('123456789\rOK\r'), 0)).toEqual([
      { ok: false, error: { kind: 'frameTooLong', detail: 'a code longer than 8 bytes' } },
      { ok: true, value: { symbology: 'unknown', data: 'OK' } },
    ]);
    expect(f.push(bytes('12345'), 1)).toEqual([]);
    expect(f.push(bytes('67890'), 2)).toMatchObject([{ ok: false, error: { kind: 'frameTooLong' } }]);
    expect(f.push(bytes('MORE'), 3)).toEqual([]);
    expect(f.push(bytes('TAIL\rNEXT\r'), 4)).toEqual([{ ok: true, value: { symbology: 'unknown', data: 'NEXT' } }]);
  });

  it('refuses bytes that are not valid in the encoding', () => {
    expect(framer().push(Uint8Array.of(0xc3, 0x28, 0x0d), 0)).toEqual([
      { ok: false, error: { kind: 'undecodable', detail: '2 bytes are not valid utf-8' } },
    ]);
  });
});
