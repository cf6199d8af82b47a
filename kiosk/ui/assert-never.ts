/** Fails to compile when a switch over a union misses a case; throws if the agent sends something newer. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${String(value)}`);
}
