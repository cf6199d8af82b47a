import { afterEach, describe, expect, it, vi } from 'vitest';
import { doublingBackoff, Reconnector, steppedBackoff, type AbortableWait } from './reconnect-with-backoff';

/** A clock moved by hand: waits end when the test advances past them, or at once when aborted. */
function fakeClock() {
  let now = 0;
  const waits: number[] = [];
  const pending: Array<{ until: number; resolve: () => void }> = [];
  const wait: AbortableWait = (ms, signal) => {
    waits.push(ms);
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      pending.push({ until: now + ms, resolve });
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  };
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    wait,
    waits,
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        await settle();
        pending.sort((a, b) => a.until - b.until);
        const next = pending[0];
        if (!next || next.until > end) break;
        pending.shift();
        now = next.until;
        next.resolve();
      }
      now = end;
      await settle();
    },
  };
}

/** A try that fails until told otherwise, counting its calls. */
function device() {
  const tries: number[] = [];
  let backAfter = Infinity;
  return {
    tries,
    backOnTry(n: number) {
      backAfter = n;
    },
    attempt: async () => {
      tries.push(tries.length + 1);
      return tries.length >= backAfter;
    },
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('backoff schedules', () => {
  it('doubles from the first wait up to the longest', () => {
    const backoff = doublingBackoff(50, 400);
    expect([0, 1, 2, 3, 4, 10, 1000].map(backoff)).toEqual([50, 100, 200, 400, 400, 400, 400]);
  });

  it('steps through given waits and repeats the last', () => {
    const backoff = steppedBackoff([100, 250, 1000]);
    expect([0, 1, 2, 3, 9].map(backoff)).toEqual([100, 250, 1000, 1000, 1000]);
    expect(() => steppedBackoff([])).toThrow(RangeError);
  });
});

describe('Reconnector', () => {
  it('waits, tries, and waits longer after every failed try until the device is back', async () => {
    const clock = fakeClock();
    const reader = device();
    reader.backOnTry(4);
    const reconnector = new Reconnector({ attempt: reader.attempt, backoff: doublingBackoff(10, 40), wait: clock.wait });
    const life = new AbortController();
    let ended = false;
    void reconnector.start(life.signal).then(() => (ended = true));

    await clock.advance(9);
    expect(reader.tries).toHaveLength(0); // nothing before the first wait is over
    await clock.advance(1);
    expect(reader.tries).toHaveLength(1);
    await clock.advance(20 + 40 + 40);
    expect(reader.tries).toHaveLength(4);
    expect(ended).toBe(true);
    expect(clock.waits).toEqual([10, 20, 40, 40]);
  });

  it('ends without another try when the driver is closed during a wait', async () => {
    const clock = fakeClock();
    const scanner = device();
    const reconnector = new Reconnector({ attempt: scanner.attempt, backoff: steppedBackoff([100]), wait: clock.wait });
    const life = new AbortController();
    const done = reconnector.start(life.signal);
    await clock.advance(250);
    expect(scanner.tries).toHaveLength(2);
    life.abort();
    await done;
    await clock.advance(1000);
    expect(scanner.tries).toHaveLength(2);
  });

  it('runs one loop per lifetime: starting again joins it', async () => {
    const clock = fakeClock();
    const printer = device();
    const reconnector = new Reconnector({ attempt: printer.attempt, backoff: steppedBackoff([100]), wait: clock.wait });
    const life = new AbortController();
    const first = reconnector.start(life.signal);
    const second = reconnector.start(life.signal);
    expect(second).toBe(first);
    await clock.advance(300);
    expect(printer.tries).toHaveLength(3);
    life.abort();
  });

  it('starts a fresh loop for a new lifetime while a try of the old one is still under way', async () => {
    const clock = fakeClock();
    let releaseOldTry: (back: boolean) => void = () => {};
    const lifetimes: string[] = [];
    const reconnector = new Reconnector({
      backoff: steppedBackoff([10]),
      wait: clock.wait,
      attempt: (signal) => {
        lifetimes.push(signal === old.signal ? 'old' : 'new');
        if (signal === old.signal) return new Promise<boolean>((resolve) => (releaseOldTry = resolve));
        return Promise.resolve(true);
      },
    });
    const old = new AbortController();
    void reconnector.start(old.signal);
    await clock.advance(10); // the old lifetime's try hangs (a port being opened)
    old.abort();
    const fresh = new AbortController();
    const done = reconnector.start(fresh.signal);
    await clock.advance(10);
    await done;
    expect(lifetimes).toEqual(['old', 'new']);
    releaseOldTry(false);
  });

  it('goes on when the device went away again during a try that succeeded', async () => {
    const clock = fakeClock();
    const life = new AbortController();
    let tries = 0;
    const reconnector: Reconnector = new Reconnector({
      backoff: steppedBackoff([10, 20]),
      wait: clock.wait,
      attempt: async () => {
        tries += 1;
        // The port opens, then drops while the status is read: the driver asks for a reconnection again.
        if (tries === 1) void reconnector.start(life.signal);
        return true;
      },
    });
    const done = reconnector.start(life.signal);
    await clock.advance(10);
    expect(tries).toBe(1);
    await clock.advance(20);
    await done;
    expect(tries).toBe(2);
    expect(clock.waits).toEqual([10, 20]);
  });

  it('waits on real timers by default, so a test of a driver can use fake timers', async () => {
    vi.useFakeTimers();
    const scanner = device();
    scanner.backOnTry(2);
    const reconnector = new Reconnector({ attempt: scanner.attempt, backoff: doublingBackoff(1000, 8000) });
    const done = reconnector.start(new AbortController().signal);
    await vi.advanceTimersByTimeAsync(999);
    expect(scanner.tries).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1 + 2000);
    await done;
    expect(scanner.tries).toHaveLength(2);
  });
});
