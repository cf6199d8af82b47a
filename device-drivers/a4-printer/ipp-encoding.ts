// The IPP/1.1 binary message format (RFC 8010 §3): a pure encoder and a decoder that never trusts its input.
// A request and a response have the same shape: version, operation id or status code, request id, attribute
// groups, then document data. Only the value syntaxes of RFC 8011 are known; anything else is kept as bytes.

import { err, ok, type Result } from '../result';

/** Delimiter tags that open an attribute group (RFC 8010 §3.5.1). */
export const GroupTag = {
  operation: 0x01,
  job: 0x02,
  printer: 0x04,
  unsupported: 0x05,
  subscription: 0x06,
  eventNotification: 0x07,
  resource: 0x08,
  document: 0x09,
  system: 0x0a,
} as const;
const END_OF_ATTRIBUTES = 0x03;

/** Value tags (RFC 8010 §3.5.2). */
export const ValueTag = {
  unsupported: 0x10,
  unknown: 0x12,
  noValue: 0x13,
  integer: 0x21,
  boolean: 0x22,
  enum: 0x23,
  octetString: 0x30,
  dateTime: 0x31,
  resolution: 0x32,
  rangeOfInteger: 0x33,
  begCollection: 0x34,
  textWithLanguage: 0x35,
  nameWithLanguage: 0x36,
  endCollection: 0x37,
  textWithoutLanguage: 0x41,
  nameWithoutLanguage: 0x42,
  keyword: 0x44,
  uri: 0x45,
  uriScheme: 0x46,
  charset: 0x47,
  naturalLanguage: 0x48,
  mimeMediaType: 0x49,
  memberAttrName: 0x4a,
} as const;

type StringTag =
  | typeof ValueTag.textWithoutLanguage
  | typeof ValueTag.nameWithoutLanguage
  | typeof ValueTag.keyword
  | typeof ValueTag.uri
  | typeof ValueTag.uriScheme
  | typeof ValueTag.charset
  | typeof ValueTag.naturalLanguage
  | typeof ValueTag.mimeMediaType;

export interface IppDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minutes: number;
  seconds: number;
  deciSeconds: number;
  utcDirection: '+' | '-';
  utcHours: number;
  utcMinutes: number;
}

/** One attribute value, tagged with its syntax. */
export type IppValue =
  | { tag: typeof ValueTag.integer | typeof ValueTag.enum; value: number }
  | { tag: typeof ValueTag.boolean; value: boolean }
  | { tag: StringTag; value: string }
  | { tag: typeof ValueTag.textWithLanguage | typeof ValueTag.nameWithLanguage; language: string; value: string }
  | { tag: typeof ValueTag.dateTime; value: IppDateTime }
  | { tag: typeof ValueTag.resolution; cross: number; feed: number; units: number }
  | { tag: typeof ValueTag.rangeOfInteger; lower: number; upper: number }
  | { tag: typeof ValueTag.begCollection; members: IppAttribute[] }
  | { tag: typeof ValueTag.unsupported | typeof ValueTag.unknown | typeof ValueTag.noValue }
  /** octetString, and any syntax this codec does not know: the raw bytes. */
  | { tag: number; bytes: Uint8Array };

export interface IppAttribute {
  name: string;
  values: IppValue[];
}

export interface IppAttributeGroup {
  tag: number;
  attributes: IppAttribute[];
}

export interface IppMessage {
  version: { major: number; minor: number };
  /** The operation id in a request, the status code in a response. */
  code: number;
  requestId: number;
  groups: IppAttributeGroup[];
  /** Document data after the attributes (Print-Job); empty in most responses. */
  data: Uint8Array;
}

export type IppDecodeFailure = 'truncated' | 'badTag' | 'badLength' | 'badValue' | 'badCollection' | 'tooDeep';

/** Why a message could not be decoded, and where. The decoder returns this; it never throws. */
export class IppDecodeError extends Error {
  override readonly name = 'IppDecodeError';
  constructor(
    readonly reason: IppDecodeFailure,
    readonly offset: number,
    detail: string,
  ) {
    super(`${reason} at byte ${offset}: ${detail}`);
  }
}

export type IppDecodeResult = Result<IppMessage, IppDecodeError>;

/** Collections nest; a hostile message must not be able to nest without end. */
const MAX_COLLECTION_DEPTH = 16;

// ---------------------------------------------------------------- encoding

const utf8 = new TextEncoder();

/** Encodes a whole message. Throws RangeError on values IPP cannot carry (a bug in the caller). */
export function encodeIppMessage(message: IppMessage): Uint8Array {
  const out = new ByteWriter();
  out.u8(message.version.major);
  out.u8(message.version.minor);
  out.u16(message.code);
  out.i32(message.requestId);
  for (const group of message.groups) {
    if (group.tag < 0x01 || group.tag > 0x0f || group.tag === END_OF_ATTRIBUTES) throw new RangeError(`bad group tag ${group.tag}`);
    out.u8(group.tag);
    for (const attribute of group.attributes) writeAttribute(out, attribute.name, attribute.values);
  }
  out.u8(END_OF_ATTRIBUTES);
  out.bytes(message.data);
  return out.finish();
}

function writeAttribute(out: ByteWriter, name: string, values: IppValue[]): void {
  if (values.length === 0) throw new RangeError(`attribute ${name} has no value`);
  values.forEach((value, index) => writeValue(out, index === 0 ? name : '', value));
}

function writeValue(out: ByteWriter, name: string, value: IppValue): void {
  out.u8(value.tag);
  out.lengthPrefixed(utf8.encode(name));
  if ('bytes' in value) return out.lengthPrefixed(value.bytes);
  switch (value.tag) {
    case ValueTag.integer:
    case ValueTag.enum: {
      const v = value as { value: number };
      return out.lengthPrefixed(int32(v.value));
    }
    case ValueTag.boolean:
      return out.lengthPrefixed(Uint8Array.of((value as { value: boolean }).value ? 1 : 0));
    case ValueTag.dateTime:
      return out.lengthPrefixed(dateTimeBytes((value as { value: IppDateTime }).value));
    case ValueTag.resolution: {
      const v = value as { cross: number; feed: number; units: number };
      return out.lengthPrefixed(concat([int32(v.cross), int32(v.feed), Uint8Array.of(v.units & 0xff)]));
    }
    case ValueTag.rangeOfInteger: {
      const v = value as { lower: number; upper: number };
      return out.lengthPrefixed(concat([int32(v.lower), int32(v.upper)]));
    }
    case ValueTag.textWithLanguage:
    case ValueTag.nameWithLanguage: {
      const v = value as { language: string; value: string };
      const language = utf8.encode(v.language);
      const text = utf8.encode(v.value);
      return out.lengthPrefixed(concat([uint16(language.length), language, uint16(text.length), text]));
    }
    case ValueTag.begCollection: {
      out.lengthPrefixed(new Uint8Array(0));
      for (const member of (value as { members: IppAttribute[] }).members) {
        if (member.values.length === 0) throw new RangeError(`member ${member.name} has no value`);
        out.u8(ValueTag.memberAttrName);
        out.lengthPrefixed(new Uint8Array(0));
        out.lengthPrefixed(utf8.encode(member.name));
        for (const memberValue of member.values) writeValue(out, '', memberValue);
      }
      out.u8(ValueTag.endCollection);
      out.lengthPrefixed(new Uint8Array(0));
      return out.lengthPrefixed(new Uint8Array(0));
    }
    case ValueTag.unsupported:
    case ValueTag.unknown:
    case ValueTag.noValue:
      return out.lengthPrefixed(new Uint8Array(0));
    default:
      return out.lengthPrefixed(utf8.encode((value as { value: string }).value));
  }
}

function int32(n: number): Uint8Array {
  if (!Number.isInteger(n) || n < -0x80000000 || n > 0x7fffffff) throw new RangeError(`not a 32-bit integer: ${n}`);
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setInt32(0, n);
  return bytes;
}

function uint16(n: number): Uint8Array {
  if (n > 0xffff) throw new RangeError(`too long for IPP: ${n} bytes`);
  return Uint8Array.of(n >> 8, n & 0xff);
}

function dateTimeBytes(d: IppDateTime): Uint8Array {
  return Uint8Array.of(
    (d.year >> 8) & 0xff,
    d.year & 0xff,
    d.month,
    d.day,
    d.hour,
    d.minutes,
    d.seconds,
    d.deciSeconds,
    d.utcDirection.charCodeAt(0),
    d.utcHours,
    d.utcMinutes,
  );
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

class ByteWriter {
  private readonly parts: Uint8Array[] = [];
  u8(n: number): void {
    this.parts.push(Uint8Array.of(n & 0xff));
  }
  u16(n: number): void {
    if (!Number.isInteger(n) || n < 0 || n > 0xffff) throw new RangeError(`not a 16-bit value: ${n}`);
    this.parts.push(uint16(n));
  }
  i32(n: number): void {
    this.parts.push(int32(n));
  }
  bytes(b: Uint8Array): void {
    this.parts.push(b);
  }
  /** A two-byte length, then the bytes (names are at most 32767 octets, RFC 8010 §3.1.4). */
  lengthPrefixed(b: Uint8Array): void {
    if (b.length > 0x7fff) throw new RangeError(`too long for IPP: ${b.length} bytes`);
    this.parts.push(uint16(b.length), b);
  }
  finish(): Uint8Array {
    return concat(this.parts);
  }
}

// ---------------------------------------------------------------- decoding

// Non-fatal: a printer that sends a stray byte in a status message should not make its whole answer unreadable.
const utf8Decoder = new TextDecoder('utf-8', { fatal: false });

/** Decodes a whole message. Returns a typed error for any malformed input; never throws. */
export function decodeIppMessage(bytes: Uint8Array): IppDecodeResult {
  try {
    return ok(decode(new ByteReader(bytes)));
  } catch (error) {
    if (error instanceof IppDecodeError) return err(error);
    throw error; // a bug in this file, not bad input: let the tests see it
  }
}

function decode(input: ByteReader): IppMessage {
  const major = input.u8();
  const minor = input.u8();
  const code = input.u16();
  const requestId = input.i32();
  const groups: IppAttributeGroup[] = [];
  let group: IppAttributeGroup | null = null;
  for (;;) {
    const tagAt = input.offset;
    const tag = input.u8();
    if (tag === END_OF_ATTRIBUTES) break;
    if (tag === 0x00) throw new IppDecodeError('badTag', tagAt, 'reserved delimiter tag 0x00');
    if (tag <= 0x0f) {
      group = { tag, attributes: [] };
      groups.push(group);
      continue;
    }
    if (!group) throw new IppDecodeError('badTag', tagAt, 'a value before any attribute group');
    const name = input.string(input.u16());
    const value = readValue(input, tag, tagAt, 0);
    if (name === '') {
      // An additional value of the previous attribute (RFC 8010 §3.1.5).
      const previous = group.attributes.at(-1);
      if (!previous) throw new IppDecodeError('badValue', tagAt, 'an additional value with no attribute before it');
      previous.values.push(value);
    } else {
      group.attributes.push({ name, values: [value] });
    }
  }
  return { version: { major, minor }, code, requestId, groups, data: input.rest() };
}

/** Reads one value whose tag has been read; collections are read to their end. */
function readValue(input: ByteReader, tag: number, tagAt: number, depth: number): IppValue {
  if (tag === 0x7f) throw new IppDecodeError('badTag', tagAt, 'extended value tags are not supported');
  if (tag === ValueTag.endCollection || tag === ValueTag.memberAttrName) {
    throw new IppDecodeError('badCollection', tagAt, `tag 0x${tag.toString(16)} outside a collection`);
  }
  const length = input.u16();
  const valueAt = input.offset;
  switch (tag) {
    case ValueTag.integer:
    case ValueTag.enum:
      expectLength(length, 4, valueAt);
      return { tag, value: input.i32() };
    case ValueTag.boolean: {
      expectLength(length, 1, valueAt);
      const b = input.u8();
      if (b > 1) throw new IppDecodeError('badValue', valueAt, `boolean ${b}`);
      return { tag, value: b === 1 };
    }
    case ValueTag.dateTime: {
      expectLength(length, 11, valueAt);
      const year = input.u16();
      const [month, day, hour, minutes, seconds, deciSeconds, direction, utcHours, utcMinutes] = input.take(9);
      if (direction !== 0x2b && direction !== 0x2d) throw new IppDecodeError('badValue', valueAt, 'dateTime without a UTC direction');
      return {
        tag,
        value: {
          year,
          month: month!,
          day: day!,
          hour: hour!,
          minutes: minutes!,
          seconds: seconds!,
          deciSeconds: deciSeconds!,
          utcDirection: direction === 0x2b ? '+' : '-',
          utcHours: utcHours!,
          utcMinutes: utcMinutes!,
        },
      };
    }
    case ValueTag.resolution:
      expectLength(length, 9, valueAt);
      return { tag, cross: input.i32(), feed: input.i32(), units: input.u8() };
    case ValueTag.rangeOfInteger:
      expectLength(length, 8, valueAt);
      return { tag, lower: input.i32(), upper: input.i32() };
    case ValueTag.textWithLanguage:
    case ValueTag.nameWithLanguage: {
      // Two length-prefixed parts that must fill the value exactly.
      const parts = new ByteReader(input.take(length), valueAt);
      try {
        const language = parts.string(parts.u16());
        const text = parts.string(parts.u16());
        if (!parts.atEnd()) throw new IppDecodeError('badLength', valueAt, 'text-with-language parts do not fill the value');
        return { tag, language, value: text };
      } catch (error) {
        if (error instanceof IppDecodeError && error.reason === 'truncated') {
          throw new IppDecodeError('badLength', valueAt, 'text-with-language parts overflow the value');
        }
        throw error;
      }
    }
    case ValueTag.begCollection:
      input.skip(length); // RFC 8010: the begCollection value is empty; tolerate, as CUPS does
      return { tag, members: readCollection(input, depth + 1) };
    case ValueTag.unsupported:
    case ValueTag.unknown:
    case ValueTag.noValue:
      input.skip(length);
      return { tag };
    case ValueTag.textWithoutLanguage:
    case ValueTag.nameWithoutLanguage:
    case ValueTag.keyword:
    case ValueTag.uri:
    case ValueTag.uriScheme:
    case ValueTag.charset:
    case ValueTag.naturalLanguage:
    case ValueTag.mimeMediaType:
      return { tag, value: input.string(length) };
    default:
      return { tag, bytes: input.take(length) };
  }
}

/** Reads collection members up to the matching endCollection (RFC 8010 §3.1.6). */
function readCollection(input: ByteReader, depth: number): IppAttribute[] {
  if (depth > MAX_COLLECTION_DEPTH) throw new IppDecodeError('tooDeep', input.offset, 'collections nested too deeply');
  const members: IppAttribute[] = [];
  for (;;) {
    const tagAt = input.offset;
    const tag = input.u8();
    if (tag <= 0x0f) throw new IppDecodeError('badCollection', tagAt, 'a collection left open');
    const nameLength = input.u16();
    if (tag === ValueTag.endCollection) {
      input.skip(nameLength);
      input.skip(input.u16());
      return members;
    }
    if (nameLength !== 0) throw new IppDecodeError('badCollection', tagAt, 'a named value inside a collection');
    if (tag === ValueTag.memberAttrName) {
      const name = input.string(input.u16());
      if (name === '') throw new IppDecodeError('badCollection', tagAt, 'an empty member name');
      members.push({ name, values: [] });
      continue;
    }
    const member = members.at(-1);
    if (!member) throw new IppDecodeError('badCollection', tagAt, 'a member value before its name');
    member.values.push(readValue(input, tag, tagAt, depth));
  }
}

function expectLength(actual: number, expected: number, at: number): void {
  if (actual !== expected) throw new IppDecodeError('badLength', at, `length ${actual}, expected ${expected}`);
}

/** Reads with a bounds check before every read, so bad input is an IppDecodeError, never a RangeError. */
class ByteReader {
  private at = 0;
  private readonly view: DataView;
  /** `base`: where these bytes sit in the whole message, for error offsets. */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly base = 0,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  get offset(): number {
    return this.base + this.at;
  }
  atEnd(): boolean {
    return this.at === this.bytes.length;
  }
  require(n: number): void {
    if (this.at + n > this.bytes.length) {
      throw new IppDecodeError('truncated', this.offset, `needs ${n} more bytes, has ${this.bytes.length - this.at}`);
    }
  }
  u8(): number {
    this.require(1);
    return this.view.getUint8(this.at++);
  }
  u16(): number {
    this.require(2);
    const n = this.view.getUint16(this.at);
    this.at += 2;
    return n;
  }
  i32(): number {
    this.require(4);
    const n = this.view.getInt32(this.at);
    this.at += 4;
    return n;
  }
  take(n: number): Uint8Array {
    this.require(n);
    // A plain copy, even from a Buffer (whose slice() would share memory).
    const out = new Uint8Array(this.bytes.subarray(this.at, this.at + n));
    this.at += n;
    return out;
  }
  skip(n: number): void {
    this.require(n);
    this.at += n;
  }
  string(n: number): string {
    this.require(n);
    const text = utf8Decoder.decode(this.bytes.subarray(this.at, this.at + n));
    this.at += n;
    return text;
  }
  rest(): Uint8Array {
    const out = new Uint8Array(this.bytes.subarray(this.at));
    this.at = this.bytes.length;
    return out;
  }
}
