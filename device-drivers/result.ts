// The one result type of the project: commands and checks return a value or an error, never throw for
// conditions that will happen in the field (a device unplugged, a gateway timeout, a bad signature).
// Exceptions are for bugs. Each caller names its own error type; the shape is the same everywhere.

export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function err<E>(error: E): Result<never, E> {
  return { ok: false, error };
}
