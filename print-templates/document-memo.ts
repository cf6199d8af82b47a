// What one render works out twice — the planning pass and the drawing pass both measure every block — worked
// out once. Kept with the document, so nothing of a certificate outlives its render.

const memos = new WeakMap<object, Map<string, unknown>>();

export function memoForDocument<T>(doc: object, key: string, compute: () => T): T {
  let memo = memos.get(doc);
  if (!memo) memos.set(doc, (memo = new Map()));
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  memo.set(key, value);
  return value;
}
