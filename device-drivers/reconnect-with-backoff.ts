// Looking for a device again after it went away (unplugged, powered off, a failed self-test), for every driver
// that keeps a connection: quickly at first (a cable re-seated), then less often (a device left unplugged), so
// that an unattended kiosk neither gives up nor spins. One loop per driver lifetime; closing the driver ends it.

import { abortableDelay } from './abortable-delay';

/** The wait before try `attempt` (0-based). */
export type BackoffSchedule = (attempt: number) => number;

/** `initialMs`, doubled at every try, up to `maxMs`. */
export function doublingBackoff(initialMs: number, maxMs: number): BackoffSchedule {
  return (attempt) => Math.min(maxMs, initialMs * 2 ** Math.min(attempt, 30));
}

/** The given waits in turn; the last one repeats. */
export function steppedBackoff(delaysMs: readonly number[]): BackoffSchedule {
  if (delaysMs.length === 0) throw new RangeError('steppedBackoff needs at least one delay');
  return (attempt) => delaysMs[Math.min(attempt, delaysMs.length - 1)]!;
}

/** Resolves after `ms`, or at once when the signal aborts; never rejects. */
export type AbortableWait = (ms: number, signal: AbortSignal) => Promise<void>;

export interface ReconnectOptions {
  /** One try, within the lifetime `signal`. True when the device is back (the loop ends); false to try again. */
  attempt: (signal: AbortSignal) => Promise<boolean>;
  backoff: BackoffSchedule;
  /** How to wait between tries: a real timer unless a test brings its own clock. */
  wait?: AbortableWait;
}

/**
 * Runs at most one reconnection loop per signal (a driver's lifetime, from open to close): `start` while a loop
 * for the same signal is running joins it; a loop left over from an earlier lifetime does not stop a new one.
 */
export class Reconnector {
  private readonly wait: AbortableWait;
  private current: Loop | null = null;

  constructor(private readonly options: ReconnectOptions) {
    this.wait = options.wait ?? abortableDelay;
  }

  /**
   * Waits, tries, and again with a longer wait, until a try succeeds or the signal aborts. Asked again while a
   * try is under way (the device went away during it), the loop goes on even if that try succeeds.
   */
  start(signal: AbortSignal): Promise<void> {
    if (this.current?.signal === signal) {
      this.current.askedAgain = true;
      return this.current.done;
    }
    const loop: Loop = { signal, askedAgain: false, done: Promise.resolve() };
    loop.done = this.run(loop).finally(() => {
      if (this.current === loop) this.current = null;
    });
    this.current = loop;
    return loop.done;
  }

  private async run(loop: Loop): Promise<void> {
    const { signal } = loop;
    for (let attempt = 0; !signal.aborted; attempt++) {
      await this.wait(this.options.backoff(attempt), signal);
      if (signal.aborted) return;
      loop.askedAgain = false;
      if ((await this.options.attempt(signal)) && !loop.askedAgain) return;
    }
  }
}

interface Loop {
  signal: AbortSignal;
  /** `start` was called again after the current try began. */
  askedAgain: boolean;
  done: Promise<void>;
}
