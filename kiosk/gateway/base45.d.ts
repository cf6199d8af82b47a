// The base45 package ships no types.
declare module 'base45' {
  export function encode(bytes: Uint8Array | string): string;
  export function decode(text: string): Buffer;
  const base45: { encode: typeof encode; decode: typeof decode };
  export default base45;
}
