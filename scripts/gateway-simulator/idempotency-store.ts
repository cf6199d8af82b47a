// Final answers kept per (kiosk id, request id) for 24 hours, so a retry gets the same answer, byte for byte,
// and a reused request id with another body is caught.

const KEEP_MS = 24 * 3600_000;

export interface StoredAnswer {
  status: number;
  body: Buffer;
}

interface Entry {
  bodyHash: string;
  answer: StoredAnswer;
  storedAtMs: number;
}

export type IdempotencyLookup = { kind: 'new' } | { kind: 'replay'; answer: StoredAnswer } | { kind: 'conflict' };

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  lookup(kioskId: string, requestId: string, bodyHash: string, nowMs: number): IdempotencyLookup {
    const entry = this.entries.get(`${kioskId}\n${requestId}`);
    if (!entry || nowMs - entry.storedAtMs > KEEP_MS) return { kind: 'new' };
    return entry.bodyHash === bodyHash ? { kind: 'replay', answer: entry.answer } : { kind: 'conflict' };
  }

  keep(kioskId: string, requestId: string, bodyHash: string, answer: StoredAnswer, nowMs: number): void {
    // Entries go in time order, so the oldest expire from the front.
    for (const [key, entry] of this.entries) {
      if (nowMs - entry.storedAtMs <= KEEP_MS) break;
      this.entries.delete(key);
    }
    this.entries.set(`${kioskId}\n${requestId}`, { bodyHash, answer, storedAtMs: nowMs });
  }
}
