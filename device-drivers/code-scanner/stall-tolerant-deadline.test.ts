import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { hidPosReports, utf8 } from '../../test/emulators/hid-pos-report-builder';
import { HidScanAssembler, type AssembledScan } from './hid-pos-report';
import { StallTolerantDeadline } from './stall-tolerant-deadline';

/** The loop's clock, moved by hand: a stall is time passing while no timer runs. */
let clock = 0;

function setUp() {
  const assembler = new HidScanAssembler({ encoding: 'utf-8' });
  const out: AssembledScan[] = [];
  const rule = new StallTolerantDeadline(
    assembler,
    () => clock,
    (scans) => out.push(...scans),
  );
  const receive = (report: Uint8Array) => {
    out.push(...assembler.push(report, rule.arrivalTime()));
    rule.arm();
  };
  return { out, receive, rule };
}

/** Runs the timers due in `ms`, moving the loop's clock with them. */
async function run(ms: number) {
  for (let i = 0; i < ms; i++) {
    clock += 1;
    await vi.advanceTimersByTimeAsync(1);
  }
}

beforeEach(() => {
  vi.useFakeTimers();
  clock = 0;
});
afterEach(() => {
  vi.useRealTimers();
});

describe('StallTolerantDeadline', () => {
  const [head, tail] = hidPosReports(utf8('S'.repeat(70))) as [Uint8Array, Uint8Array];

  it('ends a scan at the idle deadline on a responsive loop', async () => {
    const { out, receive } = setUp();
    receive(head);
    await run(49);
    expect(out).toEqual([]);
    await run(1);
    expect(out).toEqual([{ ok: true, value: { symbology: 'unknown', data: 'S'.repeat(62) } }]);
  });

  it('keeps a scan whole when the loop stalls past the deadline and the rest was waiting', async () => {
    const { out, receive } = setUp();
    receive(head);
    clock += 200; // a cold PDF render: no timer runs, the second report waits in node-hid's queue
    await vi.advanceTimersByTimeAsync(50); // the overdue timer runs first, sees it is late, and gives a grace
    expect(out).toEqual([]);
    receive(tail);
    expect(out).toEqual([{ ok: true, value: { symbology: 'unknown', data: 'S'.repeat(70) } }]);
  });

  it('still ends the scan after a stall when nothing more comes', async () => {
    const { out, receive } = setUp();
    receive(head);
    clock += 200;
    await vi.advanceTimersByTimeAsync(50);
    expect(out).toEqual([]);
    await run(30);
    expect(out).toEqual([{ ok: true, value: { symbology: 'unknown', data: 'S'.repeat(62) } }]);
  });

  it('decides even if the loop never recovers', async () => {
    const { out, receive } = setUp();
    receive(head);
    for (let i = 0; i < 10 && out.length === 0; i++) {
      clock += 500;
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(out).toHaveLength(1);
  });

  it('stops', async () => {
    const { out, receive, rule } = setUp();
    receive(head);
    rule.stop();
    await run(200);
    expect(out).toEqual([]);
  });
});
