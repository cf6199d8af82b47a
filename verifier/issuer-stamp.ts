// The issuer's stamp (印章) a trust-list entry may carry (seal-kq1.md v1.1): SVG path data, a view box and a
// colour, drawn as paths and never inserted as markup. Anything outside the path grammar makes the whole trust
// list invalid, so a stamp can carry nothing but shapes. Pure TypeScript: the verifier page checks it too.

import { err, ok, type Result } from '../device-drivers/result';

export const maxStampBytes = 32 * 1024;

/** Arguments each command takes, repeated as often as the data gives them (an arc's flags are checked too). */
const argumentCounts: Readonly<Record<string, number>> = { m: 2, l: 2, h: 1, v: 1, c: 6, s: 4, q: 4, t: 2, a: 7, z: 0 };
const number = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const separators = /^[\s,]*/;
const commandLetters: Readonly<Record<string, true>> = Object.fromEntries([...'MmLlHhVvCcSsQqTtAaZz'].map((letter) => [letter, true]));

/** Whether `data` is SVG path data: commands MmLlHhVvCcSsQqTtAaZz, numbers and separators, in the grammar's order. */
export function isSvgPathData(data: string): boolean {
  let rest = data.replace(separators, '');
  let first = true;
  while (rest.length > 0) {
    const command = rest[0]!;
    const count = argumentCounts[command.toLowerCase()];
    if (count === undefined || (first && command.toLowerCase() !== 'm')) return false;
    first = false;
    rest = rest.slice(1).replace(separators, '');
    if (count === 0) continue;
    let groups = 0;
    // After a command come one or more whole groups of its arguments.
    while (rest.length > 0 && !(rest[0]! in commandLetters)) {
      for (let i = 0; i < count; i++) {
        const isArcFlag = command.toLowerCase() === 'a' && (i === 3 || i === 4);
        const match = isArcFlag ? /^[01]/.exec(rest) : number.exec(rest);
        if (!match) return false;
        rest = rest.slice(match[0].length).replace(separators, '');
      }
      groups++;
    }
    if (groups === 0) return false;
  }
  return !first;
}

/** An issuer's stamp as the trust list carries it: shapes in a `viewBox` of width × height, one colour. */
export interface IssuerStamp {
  paths: string[];
  viewBox: [number, number];
  color: string;
}

/** Where inside the stamp it breaks the contract, and how. */
export interface StampProblem {
  path: (string | number)[];
  message: string;
}

const positive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;

/** The stamp, exactly `{paths, viewBox, color}` and nothing else, or the first rule it breaks. */
export function readIssuerStamp(value: unknown): Result<IssuerStamp, StampProblem> {
  const problem = (path: (string | number)[], message: string) => err({ path, message });
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return problem([], 'not an object');
  const { paths, viewBox, color, ...others } = value as Record<string, unknown>;
  const other = Object.keys(others)[0];
  if (other !== undefined) return problem([other], 'not a stamp member');
  if (!Array.isArray(paths) || paths.length === 0) return problem(['paths'], 'not a list of path data');
  for (const [index, data] of paths.entries()) {
    if (typeof data !== 'string' || !isSvgPathData(data)) return problem(['paths', index], 'not SVG path data');
  }
  if (!Array.isArray(viewBox) || viewBox.length !== 2 || !viewBox.every(positive)) return problem(['viewBox'], 'not [width, height]');
  if (typeof color !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(color)) return problem(['color'], 'not a colour #rrggbb');
  const stamp: IssuerStamp = { paths: paths as string[], viewBox: [viewBox[0] as number, viewBox[1] as number], color };
  if (new TextEncoder().encode(JSON.stringify(stamp)).length > maxStampBytes) return problem([], `larger than ${maxStampBytes} bytes`);
  return ok(stamp);
}
