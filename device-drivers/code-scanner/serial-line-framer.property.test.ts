// Random chunks at random times: the framer gives codes or typed errors, never throws, never holds bytes forever;
// codes cut anywhere come back exactly.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SERIAL_TERMINATORS, SerialLineFramer, type SerialFrame, type SerialTerminator } from './serial-line-framer';

const terminatorArb = fc.constantFrom<SerialTerminator>('CR', 'CRLF', 'LF', 'TAB');
const KINDS = ['incompleteFrame', 'frameTooLong', 'undecodable'];

function expectTyped(frames: SerialFrame[]): void {
  for (const frame of frames) {
    if (frame.ok) expect(typeof frame.value.data).toBe('string');
    else expect(KINDS).toContain(frame.error.kind);
  }
}

/** Cuts bytes at the given points. */
function pieces(bytes: Uint8Array, cuts: number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const out: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    out.push(bytes.subarray(start, point));
    start = point;
  }
  return out;
}

describe('serial framer properties', () => {
  it('turns any bytes at any times into codes or typed errors, and empties after a timeout', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 0, max: 300 })), { maxLength: 40 }),
        terminatorArb,
        fc.constantFrom('utf-8' as const, 'gbk' as const),
        fc.integer({ min: 1, max: 300 }),
        (chunks, terminator, encoding, maxFrameBytes) => {
          const framer = new SerialLineFramer({ terminator, encoding, maxFrameBytes, interByteTimeoutMs: 100 });
          let now = 0;
          for (const [chunk, gap] of chunks) {
            now += gap;
            expectTyped(framer.tick(now));
            expectTyped(framer.push(chunk, now));
          }
          expectTyped(framer.tick(now + 100));
          expect(framer.deadline()).toBeNull();
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('gives back every code exactly, however the stream is cut', () => {
    fc.assert(
      fc.property(
        terminatorArb,
        fc.array(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 20 }),
        (terminator, texts, cuts) => {
          const end = Buffer.from(SERIAL_TERMINATORS[terminator]).toString('latin1');
          // Codes cannot hold their own terminator (nor CR, LF or TAB, which a scanner would not send inside one).
          const codes = texts.map((text) => text.replace(/[\r\n\t]/g, '_'));
          const stream = new TextEncoder().encode(codes.map((code) => code + end).join(''));
          const framer = new SerialLineFramer({ terminator, encoding: 'utf-8', aimIds: false });
          const out = pieces(stream, cuts).flatMap((piece, i) => framer.push(piece, i));
          expect(out).toEqual(codes.map((data) => ({ ok: true, value: { symbology: 'unknown', data } })));
          expect(framer.deadline()).toBeNull();
        },
      ),
      { numRuns: 800 },
    );
  });
});
