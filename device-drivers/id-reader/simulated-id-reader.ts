// The simulated ID reader: behaves like a desktop GA 467 reader (find → select → read, a read card is halted)
// with knobs for the dev panel and tests. Cards come from the synthetic population.

import { abortableDelay } from '../abortable-delay';
import { fail, type DeviceResult } from '../device-result';
import { ok } from '../result';
import { EventHub } from '../event-hub';
import type { IdCard } from './id-card';
import type { IdReader, IdReaderEvents, IdReaderStatus } from './id-reader';
import { validateCard } from './validate-card';

type CardOnReader = { kind: 'card'; card: Omit<IdCard, 'photo'>; fresh: boolean } | { kind: 'unreadable'; fresh: boolean };

export interface SimulatedIdReaderOptions {
  /** How often "find card" is polled while waiting (the reference says ≥ 300 ms). */
  pollMs?: number;
  /** Time a read takes: the wire time of a 1295-byte reply at 115200 baud is about 112 ms. */
  readMs?: number;
}

export class SimulatedIdReader implements IdReader {
  readonly kind = 'id-reader' as const;
  private readonly hub = new EventHub<IdReaderEvents>();
  readonly events = this.hub;
  private plugged = true;
  private onReader: CardOnReader | null = null;
  private pollMs: number;
  private readMs: number;

  constructor(options: SimulatedIdReaderOptions = {}) {
    this.pollMs = options.pollMs ?? 300;
    this.readMs = options.readMs ?? 112;
  }

  status(): IdReaderStatus {
    if (!this.plugged) return { device: 'noDevice', media: 'notPresent' };
    return { device: 'online', media: this.onReader?.fresh ? 'present' : 'notPresent' };
  }

  async open(): Promise<void> {}
  async close(): Promise<void> {}

  async reset(): Promise<DeviceResult<void>> {
    return this.plugged ? ok(undefined) : fail('noDevice', 'unplugged', 'reader not connected');
  }

  async readCard(signal: AbortSignal): Promise<DeviceResult<IdCard>> {
    while (!signal.aborted) {
      if (!this.plugged) return fail('noDevice', 'unplugged', 'reader not connected');
      const found = this.onReader;
      if (found?.fresh) {
        await abortableDelay(this.readMs, signal);
        if (signal.aborted) break;
        if (!this.plugged || this.onReader !== found) return fail('invalidData', 'cardMoved', 'card lifted during the read');
        found.fresh = false; // a read card is halted until it is lifted and placed again
        this.emitStatus();
        if (found.kind === 'unreadable') return fail('invalidData', 'readFailed', 'reader answered 41: read failed');
        return validateCard({ ...found.card, photo: syntheticPhoto() });
      }
      await abortableDelay(this.pollMs, signal);
    }
    return fail('canceled', undefined, 'read canceled');
  }

  // ---- knobs ----

  placeCard(card: Omit<IdCard, 'photo'>): void {
    this.onReader = { kind: 'card', card, fresh: true };
    this.announceCard();
  }

  placeUnreadableCard(): void {
    this.onReader = { kind: 'unreadable', fresh: true };
    this.announceCard();
  }

  removeCard(): void {
    this.onReader = null;
    this.emitStatus();
  }

  unplug(): void {
    this.plugged = false;
    this.emitStatus();
  }

  plug(): void {
    this.plugged = true;
    this.emitStatus();
  }

  setReadMs(ms: number): void {
    this.readMs = ms;
  }

  private announceCard(): void {
    this.emitStatus();
    if (this.plugged) this.hub.emit('mediaDetected', {});
  }

  private emitStatus(): void {
    this.hub.emit('statusChanged', this.status());
  }
}

/** A stand-in for the card's 1024-byte WLT photo: opaque bytes, never stored. */
function syntheticPhoto(): Uint8Array {
  return new Uint8Array(1024).fill(0x57);
}
