// Property tests of the codec: what the encoder writes the decoder reads back unchanged, and no input at all —
// random, or a real message mutated — makes the decoder throw anything but return its typed error, or stall.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeIppMessage,
  encodeIppMessage,
  GroupTag,
  IppDecodeError,
  ValueTag,
  type IppAttribute,
  type IppMessage,
  type IppValue,
} from './ipp-encoding';

const text = fc.string({ unit: 'grapheme', maxLength: 12 });
const name = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 12 });
const int32 = fc.integer({ min: -0x80000000, max: 0x7fffffff });
const byte = fc.integer({ min: 0, max: 255 });
const stringTags = [
  ValueTag.textWithoutLanguage,
  ValueTag.nameWithoutLanguage,
  ValueTag.keyword,
  ValueTag.uri,
  ValueTag.uriScheme,
  ValueTag.charset,
  ValueTag.naturalLanguage,
  ValueTag.mimeMediaType,
] as const;
const knownTags = new Set<number>(Object.values(ValueTag));
/** Syntaxes the codec does not know are carried as bytes. */
const opaqueTag = fc.integer({ min: 0x11, max: 0x7e }).filter((t) => !knownTags.has(t) || t === ValueTag.octetString);

const scalarValue: fc.Arbitrary<IppValue> = fc.oneof(
  fc.record({ tag: fc.constantFrom(ValueTag.integer, ValueTag.enum), value: int32 }),
  fc.record({ tag: fc.constant(ValueTag.boolean), value: fc.boolean() }),
  fc.record({ tag: fc.constantFrom(...stringTags), value: text }),
  fc.record({ tag: fc.constantFrom(ValueTag.textWithLanguage, ValueTag.nameWithLanguage), language: text, value: text }),
  fc.record({
    tag: fc.constant(ValueTag.dateTime),
    value: fc.record({
      year: fc.integer({ min: 0, max: 0xffff }),
      month: byte,
      day: byte,
      hour: byte,
      minutes: byte,
      seconds: byte,
      deciSeconds: byte,
      utcDirection: fc.constantFrom('+' as const, '-' as const),
      utcHours: byte,
      utcMinutes: byte,
    }),
  }),
  fc.record({ tag: fc.constant(ValueTag.resolution), cross: int32, feed: int32, units: byte }),
  fc.record({ tag: fc.constant(ValueTag.rangeOfInteger), lower: int32, upper: int32 }),
  fc.record({ tag: fc.constantFrom(ValueTag.unsupported, ValueTag.unknown, ValueTag.noValue) }),
  fc.record({ tag: opaqueTag, bytes: fc.uint8Array({ maxLength: 16 }) }),
);

const { value } = fc.letrec<{ value: IppValue; member: IppAttribute }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarValue,
    fc.record({ tag: fc.constant(ValueTag.begCollection), members: fc.array(tie('member'), { maxLength: 3 }) }),
  ),
  member: fc.record({ name, values: fc.array(tie('value'), { minLength: 1, maxLength: 3 }) }),
}));

const message: fc.Arbitrary<IppMessage> = fc.record({
  version: fc.record({ major: byte, minor: byte }),
  code: fc.integer({ min: 0, max: 0xffff }),
  requestId: int32,
  groups: fc.array(
    fc.record({
      tag: fc.constantFrom(...Object.values(GroupTag)),
      attributes: fc.array(fc.record({ name, values: fc.array(value, { minLength: 1, maxLength: 3 }) }), { maxLength: 6 }),
    }),
    { maxLength: 4 },
  ),
  data: fc.uint8Array({ maxLength: 32 }),
});

/** Decodes, and fails the property if anything but a result comes back or it takes suspiciously long. */
function decodeSafely(bytes: Uint8Array): void {
  const started = performance.now();
  const result = decodeIppMessage(bytes); // a throw here fails the property
  expect(performance.now() - started).toBeLessThan(200);
  if (!result.ok) {
    expect(result.error).toBeInstanceOf(IppDecodeError);
    expect(result.error.offset).toBeGreaterThanOrEqual(0);
    expect(result.error.offset).toBeLessThanOrEqual(bytes.length);
  }
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), to: byte }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(bytes: Uint8Array, steps: Mutation[]): Uint8Array {
  let out = Buffer.from(bytes);
  for (const step of steps) {
    const at = out.length === 0 ? 0 : step.at % out.length;
    if (step.kind === 'flip' && out.length > 0) out[at] = step.to;
    if (step.kind === 'cut') out = out.subarray(0, at);
    if (step.kind === 'insert') out = Buffer.concat([out.subarray(0, at), step.bytes, out.subarray(at)]);
    if (step.kind === 'delete') out = Buffer.concat([out.subarray(0, at), out.subarray(at + step.count)]);
  }
  return out;
}

describe('IPP codec properties', () => {
  it('decodes what it encodes, unchanged', () => {
    fc.assert(
      fc.property(message, (m) => {
        const result = decodeIppMessage(encodeIppMessage(m));
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value).toEqual(m);
      }),
      { numRuns: 500 },
    );
  });

  it('answers random bytes with a message or the typed error, never another exception', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => decodeSafely(bytes)),
      { numRuns: 2000 },
    );
  });

  it('answers random bytes after a valid header with a message or the typed error', () => {
    const header = Uint8Array.of(1, 1, 0, 0, 0, 0, 0, 1, GroupTag.printer);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => decodeSafely(Buffer.concat([header, bytes]))),
      { numRuns: 2000 },
    );
  });

  it('answers mutated real messages with a message or the typed error', () => {
    fc.assert(
      fc.property(message, fc.array(mutation, { minLength: 1, maxLength: 4 }), (m, steps) =>
        decodeSafely(mutate(encodeIppMessage(m), steps)),
      ),
      { numRuns: 2000 },
    );
  });

  it('gets through a megabyte of the cheapest possible attributes quickly', () => {
    // 5-byte additional values are the most work per byte a hostile printer can ask for.
    const header = Buffer.from([1, 1, 0, 0, 0, 0, 0, 1, GroupTag.printer, 0x44, 0, 1, 0x61, 0, 0]);
    const body = Buffer.alloc(5 * 200_000, Buffer.from([0x44, 0, 0, 0, 0]));
    const started = performance.now();
    const result = decodeIppMessage(Buffer.concat([header, body, Buffer.from([3])]));
    expect(result.ok).toBe(true);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
