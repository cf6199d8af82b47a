import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { hidPosReports, utf8, withAimId } from '../../test/emulators/hid-pos-report-builder';
import { HidScanAssembler, parseHidPosReport } from './hid-pos-report';

/** A 64-byte report from hex data, padded with zeros: what hidraw hands over. */
function report(length: number, data: number[] = [], size = 64, last?: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes[0] = 0x02;
  bytes[1] = length;
  bytes.set(data, 2);
  if (last !== undefined) bytes[size - 1] = last;
  return bytes;
}

const ascii = (text: string) => [...utf8(text)];

describe('parseHidPosReport', () => {
  it('takes the length byte and ignores the zero padding', () => {
    const parsed = parseHidPosReport(report(5, ascii('ABCDE')));
    expect(parsed).toEqual({ ok: true, value: { data: utf8('ABCDE'), moreFollows: false } });
  });

  it('says more follows when the report is full', () => {
    const full = report(62, ascii('X'.repeat(62)));
    expect(parseHidPosReport(full)).toMatchObject({ ok: true, value: { moreFollows: true } });
  });

  it('reads the "more follows" flag in the last byte on models that have one', () => {
    const layout = { kind: 'moreFollowsFlag' } as const;
    expect(parseHidPosReport(report(3, ascii('ABC'), 64, 0x01), layout)).toMatchObject({
      ok: true,
      value: { data: utf8('ABC'), moreFollows: true },
    });
    expect(parseHidPosReport(report(61, ascii('Y'.repeat(61)), 64, 0x00), layout)).toMatchObject({
      ok: true,
      value: { moreFollows: false },
    });
    expect(parseHidPosReport(report(62, [], 64, 0), layout)).toMatchObject({ ok: false, error: { kind: 'lengthOverflow' } });
  });

  it('gives typed errors for malformed reports', () => {
    expect(parseHidPosReport(new Uint8Array(0))).toMatchObject({ ok: false, error: { kind: 'emptyReport' } });
    expect(parseHidPosReport(Uint8Array.of(0x02))).toMatchObject({ ok: false, error: { kind: 'emptyReport' } });
    const keyboard = report(3);
    keyboard[0] = 0x01;
    expect(parseHidPosReport(keyboard)).toMatchObject({ ok: false, error: { kind: 'wrongReportId', detail: 'report id 0x1' } });
    expect(parseHidPosReport(report(63))).toMatchObject({ ok: false, error: { kind: 'lengthOverflow' } });
  });
});

describe('HidScanAssembler', () => {
  const assembler = (options: Partial<ConstructorParameters<typeof HidScanAssembler>[0]> = {}) =>
    new HidScanAssembler({ encoding: 'utf-8', ...options });

  it('ends a scan with a report that is not full, splitting off the AIM id', () => {
    const scans = assembler().push(hidPosReports(withAimId(utf8('KIOSK-0001')))[0] as Uint8Array, 0);
    expect(scans).toEqual([{ ok: true, value: { symbology: ']Q1', data: 'KIOSK-0001' } }]);
  });

  it('joins a scan over several reports, with a UTF-8 character cut at a report boundary', () => {
    const text = '浙江省杭州市西湖区'.repeat(4) + '-END';
    const reports = hidPosReports(withAimId(utf8(text)));
    expect(reports).toHaveLength(2);
    const a = assembler();
    expect(a.push(reports[0] as Uint8Array, 0)).toEqual([]);
    expect(a.deadline()).toBe(50);
    expect(a.push(reports[1] as Uint8Array, 3)).toEqual([{ ok: true, value: { symbology: ']Q1', data: text } }]);
    expect(a.deadline()).toBeNull();
  });

  it('decodes a GBK scanner', () => {
    const text = '浙江政务服务网（一件事）';
    const reports = hidPosReports(withAimId(new Uint8Array(iconv.encode(text, 'gbk'))));
    expect(assembler({ encoding: 'gbk' }).push(reports[0] as Uint8Array, 0)).toEqual([
      { ok: true, value: { symbology: ']Q1', data: text } },
    ]);
  });

  it('ends a scan that fills its last report exactly by the 50 ms idle rule', () => {
    const a = assembler();
    const [only] = hidPosReports(utf8('Z'.repeat(62)));
    expect(a.push(only as Uint8Array, 100)).toEqual([]);
    expect(a.tick(149)).toEqual([]);
    expect(a.tick(150)).toEqual([{ ok: true, value: { symbology: 'unknown', data: 'Z'.repeat(62) } }]);
    expect(a.tick(500)).toEqual([]);
  });

  it('treats a report after an idle gap as a new scan', () => {
    const a = assembler();
    const [first] = hidPosReports(utf8('A'.repeat(62)));
    const [second] = hidPosReports(utf8('B'));
    a.push(first as Uint8Array, 0);
    expect(a.push(second as Uint8Array, 60)).toEqual([
      { ok: true, value: { symbology: 'unknown', data: 'A'.repeat(62) } },
      { ok: true, value: { symbology: 'unknown', data: 'B' } },
    ]);
  });

  it('follows the "more follows" flag', () => {
    const a = assembler({ layout: { kind: 'moreFollowsFlag' } });
    const reports = hidPosReports(withAimId(utf8('F'.repeat(100))), { moreFollowsFlag: true });
    expect(reports.map((r) => r[63])).toEqual([1, 0]);
    expect(a.push(reports[0] as Uint8Array, 0)).toEqual([]);
    expect(a.push(reports[1] as Uint8Array, 1)).toEqual([{ ok: true, value: { symbology: ']Q1', data: 'F'.repeat(100) } }]);
  });

  it('recognises AIM ids of other symbologies, and leaves data that only looks like one', () => {
    const a = assembler();
    expect(a.push(report(6, ascii(']C0ABC')), 0)).toEqual([{ ok: true, value: { symbology: ']C0', data: 'ABC' } }]);
    expect(a.push(report(6, ascii(']d2ABC')), 100)).toEqual([{ ok: true, value: { symbology: ']d2', data: 'ABC' } }]);
    expect(a.push(report(5, ascii(']1ABC')), 200)).toEqual([{ ok: true, value: { symbology: 'unknown', data: ']1ABC' } }]);
    expect(assembler({ aimIds: false }).push(report(6, ascii(']Q1ABC')), 0)).toEqual([
      { ok: true, value: { symbology: 'unknown', data: ']Q1ABC' } },
    ]);
  });

  it('refuses bytes that are not valid in the encoding, without putting them in the error', () => {
    const scans = assembler().push(report(4, [0x41, 0xff, 0xfe, 0x42]), 0);
    expect(scans).toEqual([{ ok: false, error: { kind: 'undecodable', detail: '4 bytes are not valid utf-8' } }]);
  });

  it('skips the rest of a scan after a broken report, so its tail is never a code of its own', () => {
    const a = assembler();
    const reports = hidPosReports(utf8('Q'.repeat(130)));
    a.push(reports[0] as Uint8Array, 0);
    expect(a.push(report(200 % 256), 1)).toMatchObject([{ ok: false, error: { kind: 'lengthOverflow' } }]);
    expect(a.push(reports[2] as Uint8Array, 2)).toEqual([]);
    expect(a.push(report(2, ascii('OK')), 3)).toEqual([{ ok: true, value: { symbology: 'unknown', data: 'OK' } }]);
  });

  it('reports another report id without disturbing the scan under way', () => {
    const a = assembler();
    const reports = hidPosReports(utf8('R'.repeat(70)));
    a.push(reports[0] as Uint8Array, 0);
    const status = report(1, [0x00]);
    status[0] = 0x04;
    expect(a.push(status, 1)).toMatchObject([{ ok: false, error: { kind: 'wrongReportId' } }]);
    expect(a.push(reports[1] as Uint8Array, 2)).toEqual([{ ok: true, value: { symbology: 'unknown', data: 'R'.repeat(70) } }]);
  });

  it('refuses a runaway scan and resumes after it', () => {
    const a = assembler({ maxScanBytes: 100 });
    const reports = hidPosReports(utf8('L'.repeat(200)));
    const out = reports.flatMap((r, i) => a.push(r, i));
    expect(out).toMatchObject([{ ok: false, error: { kind: 'scanTooLong' } }]);
    expect(a.push(report(1, ascii('x')), 10)).toEqual([{ ok: true, value: { symbology: 'unknown', data: 'x' } }]);
  });

  it('makes nothing of a lone zero-length report, and forgets a scan on discard', () => {
    const a = assembler();
    expect(a.push(report(0), 0)).toEqual([]);
    a.push(hidPosReports(utf8('D'.repeat(62)))[0] as Uint8Array, 1);
    a.discard();
    expect(a.deadline()).toBeNull();
    expect(a.tick(1000)).toEqual([]);
  });
});
