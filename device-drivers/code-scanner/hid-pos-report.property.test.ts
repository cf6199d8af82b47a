// Random and mutated reports: the parser and the reassembler give scans or typed errors, never throw, never keep a
// scan open forever; well-formed scans come back exactly.

import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { hidPosReports, utf8, withAimId } from '../../test/emulators/hid-pos-report-builder';
import { HidScanAssembler, parseHidPosReport, type AssembledScan, type HidReportLayout } from './hid-pos-report';

const ERROR_KINDS = ['emptyReport', 'wrongReportId', 'lengthOverflow', 'scanTooLong', 'undecodable'];

const layoutArb: fc.Arbitrary<HidReportLayout> = fc.oneof(
  fc.constant({ kind: 'lengthPrefixed' } as const),
  fc.constant({ kind: 'moreFollowsFlag' } as const),
  fc.record({
    kind: fc.constant('moreFollowsFlag' as const),
    flagOffset: fc.integer({ min: -2, max: 80 }),
    flagMask: fc.integer({ min: 0, max: 255 }),
  }),
);

/** A report that is mostly right (id 2, plausible length) or anything at all. */
const reportArb = fc.oneof(
  fc.uint8Array({ maxLength: 80 }),
  fc
    .tuple(fc.integer({ min: 0, max: 70 }), fc.uint8Array({ minLength: 0, maxLength: 62 }), fc.integer({ min: 2, max: 80 }))
    .map(([length, data, size]) => {
      const report = new Uint8Array(size);
      report[0] = 0x02;
      report[1] = length;
      report.set(data.subarray(0, Math.max(0, size - 2)), 2);
      return report;
    }),
);

function expectTyped(scans: AssembledScan[]): void {
  for (const scan of scans) {
    if (scan.ok) expect(typeof scan.value.data).toBe('string');
    else expect(ERROR_KINDS).toContain(scan.error.kind);
  }
}

describe('HID POS report properties', () => {
  it('parses any bytes into a chunk or a typed error', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), layoutArb, (bytes, layout) => {
        const parsed = parseHidPosReport(bytes, layout);
        if (parsed.ok) expect(parsed.value.data.length).toBeLessThanOrEqual(Math.max(0, bytes.length - 2));
        else expect(ERROR_KINDS).toContain(parsed.error.kind);
      }),
      { numRuns: 2000 },
    );
  });

  it('reassembles any report sequence into scans or typed errors, and always comes back to idle', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(reportArb, fc.integer({ min: 0, max: 120 })), { maxLength: 40 }),
        layoutArb,
        fc.constantFrom('utf-8' as const, 'gbk' as const),
        (steps, layout, encoding) => {
          const assembler = new HidScanAssembler({ encoding, layout, maxScanBytes: 500 });
          let now = 0;
          for (const [report, gap] of steps) {
            now += gap;
            expectTyped(assembler.tick(now));
            expectTyped(assembler.push(report, now));
            const deadline = assembler.deadline();
            if (deadline !== null) expect(deadline).toBeGreaterThan(now - 1);
          }
          expectTyped(assembler.tick(now + 50));
          expect(assembler.deadline()).toBeNull();
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('gives back any UTF-8 text exactly, however many reports it spans', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.constantFrom(']Q1', ']C0', ']E0'),
        fc.boolean(),
        (text, aimId, flag) => {
          const assembler = new HidScanAssembler({
            encoding: 'utf-8',
            layout: flag ? { kind: 'moreFollowsFlag' } : { kind: 'lengthPrefixed' },
          });
          const reports = hidPosReports(withAimId(utf8(text), aimId), { moreFollowsFlag: flag });
          const out = reports.flatMap((report, i) => assembler.push(report, i));
          out.push(...assembler.tick(reports.length + 50));
          expect(out).toEqual([{ ok: true, value: { symbology: aimId, data: text } }]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives back GBK text exactly', () => {
    const chars = [...'浙江省杭州市西湖区政务服务网一件事最多跑一次（）：ABCxyz0123-'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { minLength: 1, maxLength: 120 }), (list) => {
        const text = list.join('');
        const assembler = new HidScanAssembler({ encoding: 'gbk' });
        const reports = hidPosReports(withAimId(new Uint8Array(iconv.encode(text, 'gbk'))));
        const out = reports.flatMap((report, i) => assembler.push(report, i));
        out.push(...assembler.tick(1000));
        expect(out).toEqual([{ ok: true, value: { symbology: ']Q1', data: text } }]);
      }),
      { numRuns: 300 },
    );
  });

  it('survives mutated reports of real scans', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 150 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(255)), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        (text, flips, cut) => {
          const reports = hidPosReports(withAimId(utf8(text)));
          for (const [at, value] of flips) {
            const report = reports[at % reports.length] as Uint8Array;
            report[at % report.length] = value;
          }
          const last = reports.length - 1;
          reports[last] = (reports[last] as Uint8Array).subarray(0, cut % 70);
          const assembler = new HidScanAssembler({ encoding: 'utf-8' });
          const out = reports.flatMap((report, i) => assembler.push(report, i));
          out.push(...assembler.tick(1000));
          expectTyped(out);
          expect(assembler.deadline()).toBeNull();
        },
      ),
      { numRuns: 1000 },
    );
  });
});
