// GA 467 "SAM" framing (shared/reference/id-card-reader.md): AA AA AA 96 69 · LenH LenL · body · CHK.
// Length counts every byte after the length field (body and checksum); CHK is the XOR of the length bytes and
// the body. Pure functions and a streaming parser that never throws on what arrives from the wire.

import { err, ok, type Result } from '../result';

export const PREAMBLE = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69);
const HEADER_LENGTH = PREAMBLE.length + 2;
/** The longest reply is text + photo + fingerprint (2314); anything far beyond is a corrupted length. */
export const MAX_FRAME_LENGTH = 4096;

/** Commands as CMD, PARA. */
export const Ga467Command = {
  resetSam: [0x10, 0xff],
  samStatus: [0x11, 0xff],
  readSamId: [0x12, 0xff],
  findCard: [0x20, 0x01],
  selectCard: [0x20, 0x02],
  readTextAndPhoto: [0x30, 0x01],
  readNewAddress: [0x30, 0x03],
  readTextPhotoAndFingerprint: [0x30, 0x10],
} as const satisfies Record<string, readonly [number, number]>;
export type Ga467CommandName = keyof typeof Ga467Command;

/** SW3 values the driver acts on. */
export const Ga467Status = {
  success: 0x90,
  findSuccess: 0x9f,
  hostChecksumError: 0x10,
  hostLengthError: 0x11,
  badCommand: 0x21,
  unauthorised: 0x23,
  unrecognisedError: 0x24,
  cardAuthenticationFailed1: 0x31,
  cardAuthenticationFailed2: 0x32,
  verificationError: 0x33,
  unknownCardType: 0x40,
  readFailed: 0x41,
  getRandomFailed: 0x47,
  samSelfTestFailed: 0x60,
  samNotAuthorised: 0x66,
  noCard: 0x80,
  selectFailed: 0x81,
  noContent: 0x91,
} as const;

/** A reader's answer: status words and data, checksum already verified. */
export interface Ga467Reply {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

/** A host's command as the reader sees it (for emulators and tests). */
export interface Ga467HostCommand {
  cmd: number;
  para: number;
  data: Uint8Array;
}

/** What the parser reports besides frames. None of these is an exception: the wire is noisy. */
export type Ga467FrameError =
  { type: 'noise'; skipped: number } | { type: 'checksum'; expected: number; actual: number } | { type: 'length'; length: number };

/** One thing the parser found in the byte stream: a frame's body, or what was wrong with the bytes it skipped. */
export type Ga467ParseEvent = Result<Uint8Array, Ga467FrameError>;

export function xorChecksum(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let sum = 0;
  for (let i = start; i < end; i++) sum ^= bytes[i]!;
  return sum;
}

/** Wraps a body (command + parameter + data, or status words + data) in a frame. */
export function encodeFrame(body: Uint8Array): Uint8Array {
  const length = body.length + 1;
  if (length > 0xffff) throw new Error('GA 467 body too long for a frame');
  const frame = new Uint8Array(HEADER_LENGTH + length);
  frame.set(PREAMBLE, 0);
  frame[5] = length >> 8;
  frame[6] = length & 0xff;
  frame.set(body, HEADER_LENGTH);
  frame[frame.length - 1] = xorChecksum(frame, 5, frame.length - 1);
  return frame;
}

export function encodeCommand(name: Ga467CommandName, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const [cmd, para] = Ga467Command[name];
  return encodeFrame(Uint8Array.of(cmd, para, ...data));
}

export function encodeReply(sw3: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const body = new Uint8Array(3 + data.length);
  body[2] = sw3;
  body.set(data, 3);
  return encodeFrame(body);
}

/** A reply body (from the parser) as status words and data; null when too short to be a reply. */
export function toReply(body: Uint8Array): Ga467Reply | null {
  if (body.length < 3) return null;
  return { sw1: body[0]!, sw2: body[1]!, sw3: body[2]!, data: body.subarray(3) };
}

export function toHostCommand(body: Uint8Array): Ga467HostCommand | null {
  if (body.length < 2) return null;
  return { cmd: body[0]!, para: body[1]!, data: body.subarray(2) };
}

/**
 * Streaming parser: push whatever a read returned, get back whole frames and typed errors. Survives frames
 * split anywhere, leading garbage, corrupted checksums and lengths: after any error it resynchronises on the
 * next preamble. Holds at most one frame's worth of bytes.
 */
export class Ga467FrameParser {
  private buffer = new Uint8Array(0);
  /** Host frames are at least CMD PARA CHK (3); reader frames SW1 SW2 SW3 CHK (4). */
  private readonly minLength: number;

  constructor(options: { minLength?: number } = {}) {
    this.minLength = options.minLength ?? 4;
  }

  /** Bytes held towards a frame not yet complete: non-zero means "mid-frame". */
  get pending(): number {
    return this.buffer.length;
  }

  /** Drops everything held, e.g. after a reader fell silent mid-frame. */
  reset(): void {
    this.buffer = new Uint8Array(0);
  }

  push(chunk: Uint8Array): Ga467ParseEvent[] {
    const events: Ga467ParseEvent[] = [];
    let buffer = concat(this.buffer, chunk);
    for (;;) {
      const start = findPreamble(buffer);
      if (start > 0) events.push(err({ type: 'noise', skipped: start }));
      buffer = buffer.subarray(start);
      if (buffer.length < HEADER_LENGTH) break;
      const length = (buffer[5]! << 8) | buffer[6]!;
      if (length < this.minLength || length > MAX_FRAME_LENGTH) {
        events.push(err({ type: 'length', length }));
        buffer = buffer.subarray(1); // not a frame start after all: look for the next preamble
        continue;
      }
      const end = HEADER_LENGTH + length;
      if (buffer.length < end) break;
      const expected = xorChecksum(buffer, 5, end - 1);
      const actual = buffer[end - 1]!;
      if (expected !== actual) {
        events.push(err({ type: 'checksum', expected, actual }));
        buffer = buffer.subarray(1); // the length may be what was corrupted: resynchronise byte by byte
        continue;
      }
      events.push(ok(buffer.slice(HEADER_LENGTH, end - 1)));
      buffer = buffer.subarray(end);
    }
    this.buffer = buffer.slice();
    return events;
  }
}

/**
 * Index of the first full preamble; without one, the index from which a preamble could still begin
 * (the longest suffix that is a prefix of it), so everything before it is noise.
 */
function findPreamble(buffer: Uint8Array): number {
  outer: for (let i = 0; i < buffer.length; i++) {
    for (let j = 0; j < PREAMBLE.length; j++) {
      if (i + j >= buffer.length) return i; // a partial preamble at the end: wait for more
      if (buffer[i + j] !== PREAMBLE[j]) continue outer;
    }
    return i;
  }
  return buffer.length;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const joined = new Uint8Array(a.length + b.length);
  joined.set(a, 0);
  joined.set(b, a.length);
  return joined;
}
