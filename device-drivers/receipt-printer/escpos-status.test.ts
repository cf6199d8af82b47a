import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  afterJobProblem,
  decodeRealtimeStatus,
  isStatusReplyByte,
  printBlocker,
  scanStatusReply,
  statusQueryBytes,
  toReceiptPrinterStatus,
  type EscPosStatus,
} from './escpos-status';

const IDLE = [0x12, 0x12, 0x12, 0x12];
const decoded = (replies: number[]): EscPosStatus => {
  const result = decodeRealtimeStatus(replies);
  if (!result.ok) throw new Error(result.error.description);
  return result.value;
};
const ALL_CLEAR: EscPosStatus = {
  offline: false,
  coverOpen: false,
  paperEndStop: false,
  error: false,
  cutterError: false,
  unrecoverable: false,
  autoRecoverable: false,
  paperNearEnd: false,
  paperOut: false,
};

describe('real-time status', () => {
  it('queries with DLE EOT n', () => {
    expect([...statusQueryBytes(3)]).toEqual([0x10, 0x04, 0x03]);
  });

  it('decodes an idle printer with paper', () => {
    expect(decoded(IDLE)).toEqual(ALL_CLEAR);
    expect(toReceiptPrinterStatus(ALL_CLEAR)).toEqual({ device: 'online', paper: 'full', media: 'unknown' });
    expect(printBlocker(ALL_CLEAR)).toBeNull();
    expect(afterJobProblem(ALL_CLEAR)).toBeNull();
  });

  it.each<[string, number[], Partial<EscPosStatus>]>([
    ['n=1 bit3: offline', [0x1a, 0x12, 0x12, 0x12], { offline: true }],
    ['n=2 bit2: cover open', [0x12, 0x16, 0x12, 0x12], { coverOpen: true }],
    ['n=2 bit5: stopped at paper end', [0x12, 0x32, 0x12, 0x12], { paperEndStop: true }],
    ['n=2 bit6: error', [0x12, 0x52, 0x12, 0x12], { error: true }],
    ['n=3 bit3: cutter error', [0x12, 0x12, 0x1a, 0x12], { cutterError: true }],
    ['n=3 bit5: unrecoverable', [0x12, 0x12, 0x32, 0x12], { unrecoverable: true }],
    ['n=3 bit6: auto-recoverable', [0x12, 0x12, 0x52, 0x12], { autoRecoverable: true }],
    ['n=4 bits2–3: paper near end', [0x12, 0x12, 0x12, 0x1e], { paperNearEnd: true }],
    ['n=4 bits5–6: paper out', [0x12, 0x12, 0x12, 0x72], { paperOut: true }],
  ])('decodes %s', (_, replies, flags) => {
    expect(decoded(replies)).toEqual({ ...ALL_CLEAR, ...flags });
  });

  it('needs both bits of a pair for near end and paper out', () => {
    expect(decoded([0x12, 0x12, 0x12, 0x16])).toMatchObject({ paperNearEnd: false });
    expect(decoded([0x12, 0x12, 0x12, 0x32])).toMatchObject({ paperOut: false });
  });

  it('maps onto the common model', () => {
    const paperOut = decoded([0x1a, 0x32, 0x12, 0x7e]);
    expect(toReceiptPrinterStatus(paperOut)).toEqual({ device: 'online', paper: 'out', media: 'unknown' });
    expect(toReceiptPrinterStatus(decoded([0x12, 0x12, 0x12, 0x1e])).paper).toBe('low');
    expect(toReceiptPrinterStatus(decoded([0x1a, 0x16, 0x12, 0x12])).device).toBe('userError');
    expect(toReceiptPrinterStatus(decoded([0x1a, 0x52, 0x1a, 0x12])).device).toBe('hardwareError');
    expect(toReceiptPrinterStatus(decoded([0x1a, 0x12, 0x12, 0x12])).device).toBe('offline');
  });

  it('refuses to print with paper out, cover open or a cutter error, not with paper near its end', () => {
    expect(printBlocker({ ...ALL_CLEAR, paperOut: true })).toMatchObject({ code: 'deviceNotReady', errorCode: 'paperOut' });
    expect(printBlocker({ ...ALL_CLEAR, coverOpen: true, offline: true })).toMatchObject({ code: 'userError', errorCode: 'coverOpen' });
    expect(printBlocker({ ...ALL_CLEAR, cutterError: true })).toMatchObject({ code: 'hardwareError', errorCode: 'cutterError' });
    expect(printBlocker({ ...ALL_CLEAR, paperNearEnd: true })).toBeNull();
  });

  it('calls a job with no paper after it an unknown outcome, not to be resent', () => {
    expect(afterJobProblem({ ...ALL_CLEAR, paperOut: true })).toMatchObject({
      errorCode: 'paperOutDuringJob',
      description: expect.stringMatching(/do not resend/),
    });
  });

  it('rejects a reply that is not a status byte, or the wrong number of them', () => {
    expect(decodeRealtimeStatus([0x12, 0x12, 0x12])).toMatchObject({ ok: false, error: { code: 'invalidData' } });
    expect(decodeRealtimeStatus([0x12, 0x13, 0x12, 0x12])).toMatchObject({ ok: false, error: { code: 'invalidData' } });
    expect(decodeRealtimeStatus([0x12, 0x12, 0x12, 0x112])).toMatchObject({ ok: false, error: { code: 'invalidData' } });
  });

  it('skips noise before a reply', () => {
    expect(scanStatusReply([0x00, 0xff, 0x16, 0x12])).toEqual({ reply: 0x16, consumed: 3 });
    expect(scanStatusReply([0x00, 0xff])).toEqual({ reply: null, consumed: 2 });
    expect(scanStatusReply([])).toEqual({ reply: null, consumed: 0 });
  });
});

const anyByte = fc.integer({ min: 0, max: 255 });
const statusByte = anyByte.map((b) => (b & ~0x93) | 0x12);
/** A valid reply set with some bytes replaced, dropped or added. */
const mutatedReplies = fc
  .tuple(
    fc.array(statusByte, { minLength: 4, maxLength: 4 }),
    fc.array(fc.tuple(fc.nat(5), anyByte, fc.constantFrom('set', 'drop', 'add')), { maxLength: 3 }),
  )
  .map(([bytes, mutations]) => {
    const out = [...bytes];
    for (const [at, value, how] of mutations) {
      if (how === 'set') out[at % out.length] = value;
      else if (how === 'drop') out.splice(at % Math.max(out.length, 1), 1);
      else out.splice(at, 0, value);
    }
    return out;
  });

describe('real-time status, properties', () => {
  it('every byte with the fixed bits 0xx1xx10, and only those, is a reply', () => {
    fc.assert(
      fc.property(anyByte, (b) => {
        expect(isStatusReplyByte(b)).toBe((b & 1) === 0 && (b & 2) !== 0 && (b & 0x10) !== 0 && (b & 0x80) === 0);
      }),
    );
  });

  it('four valid bytes always decode, and the status maps onto the model', () => {
    fc.assert(
      fc.property(fc.array(statusByte, { minLength: 4, maxLength: 4 }), (bytes) => {
        const status = decoded(bytes);
        const model = toReceiptPrinterStatus(status);
        expect(['online', 'offline', 'userError', 'hardwareError']).toContain(model.device);
        // Whatever the printer says, a blocked printer is never reported as printable.
        if (printBlocker(status) === null) expect(model.device).toBe('online');
      }),
    );
  });

  it('random and mutated bytes give a status or invalidData, never an exception', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(fc.integer({ min: -300, max: 600 }), { maxLength: 8 }), mutatedReplies), (bytes) => {
        const result = decodeRealtimeStatus(bytes);
        if (!result.ok) expect(result.error.code).toBe('invalidData');
        else expect(bytes.every(isStatusReplyByte)).toBe(true);
      }),
    );
  });

  it('the reply scanner consumes within bounds and finds only valid replies', () => {
    fc.assert(
      fc.property(fc.array(anyByte, { maxLength: 64 }), (bytes) => {
        const { reply, consumed } = scanStatusReply(bytes);
        expect(consumed).toBeGreaterThanOrEqual(0);
        expect(consumed).toBeLessThanOrEqual(bytes.length);
        if (reply === null) expect(bytes.some(isStatusReplyByte)).toBe(false);
        else {
          expect(isStatusReplyByte(reply)).toBe(true);
          expect(bytes.slice(0, consumed - 1).some(isStatusReplyByte)).toBe(false);
        }
      }),
    );
  });
});
