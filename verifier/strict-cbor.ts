// CBOR as a KQ1 seal may be written, decoded with cborg's strict options: maps as Map, integers and lengths in
// their shortest form, no indefinite lengths, no duplicate map keys, nothing after the item, no undefined,
// NaN, Infinity or big integers, and no tags but the ones the caller allows. Byte strings are Uint8Array.
// cborg keeps nothing of a decode at module level, so a holder's name does not outlive its session.

import { decode, Tagged, type TagDecoder } from 'cborg';
import { err, ok, type Result } from '../device-drivers/result';

/** Which rule the bytes broke; a code for staff, never a value from the bytes. */
export type CborProblem =
  | 'duplicate-map-key'
  | 'indefinite-length'
  | 'trailing-bytes'
  | 'not-shortest-form'
  | 'tag-not-allowed'
  | 'value-not-allowed'
  | 'malformed';

const STRICT = {
  useMaps: true,
  rejectDuplicateMapKeys: true,
  strict: true,
  allowIndefinite: false,
  allowUndefined: false,
  allowNaN: false,
  allowInfinity: false,
  allowBigInt: false,
} as const;

/** Decodes exactly one CBOR item; a tag in `allowedTags` comes back as a cborg `Tagged`, any other is refused. */
export function decodeStrictCbor(bytes: Uint8Array, allowedTags: readonly number[] = []): Result<unknown, CborProblem> {
  const tags: Record<number, TagDecoder> = {};
  for (const tag of allowedTags) tags[tag] = Tagged.decoder(tag);
  try {
    return ok(decode(bytes, { ...STRICT, tags }));
  } catch (error) {
    return err(cborProblem(error));
  }
}

// cborg words its refusals in prose; the version is pinned, and a test holds each of these to its wording.
const PROBLEM_WORDING: ReadonlyArray<[RegExp, CborProblem]> = [
  [/repeat map key/, 'duplicate-map-key'],
  [/indefinite length/, 'indefinite-length'],
  [/too many terminals/, 'trailing-bytes'],
  [/more bytes than necessary/, 'not-shortest-form'],
  [/tag not supported/, 'tag-not-allowed'],
  [/(undefined|NaN|Infinity) values are not supported|outside of the safe integer range/, 'value-not-allowed'],
];

function cborProblem(error: unknown): CborProblem {
  const message = error instanceof Error ? error.message : '';
  return PROBLEM_WORDING.find(([wording]) => wording.test(message))?.[1] ?? 'malformed';
}
