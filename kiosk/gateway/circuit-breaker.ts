// One circuit breaker per gateway (sharing-gateway-v1.md, "Client policy"), on cockatiel's: attempts that end
// in a transport error, a timeout, 5xx or 429 count as failures; after `threshold` in a row it opens for
// `openMs`, during which errands that need the gateway say "temporarily unavailable" at once.

import { BrokenCircuitError, CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhenResult } from 'cockatiel';
import { err, ok, type Result } from '../../device-drivers/result';

export type AttemptVerdict = 'success' | 'failure';
export type BreakerState = 'closed' | 'open' | 'halfOpen';

export interface BreakerSettings {
  /** Consecutive failures that open it (contract: 5). */
  threshold: number;
  /** How long it stays open before one test attempt may pass (contract: 30 s). */
  openMs: number;
}

/** The attempt's own result, or `circuit-open` when the breaker did not let it run. */
export type BreakerRun<T> = Result<T, 'circuit-open'>;

export interface CircuitBreaker {
  /** False while open: errands that need the gateway say "temporarily unavailable" at once. */
  available(): boolean;
  /** For health and diagnostics. `halfOpen`: the open time is over and the next attempt is the test. */
  state(): BreakerState;
  /**
   * Runs one attempt unless the circuit is open. `verdict` says how the attempt's result counts; `null` counts
   * neither way (the caller gave up, which says nothing about the gateway) — except that cockatiel closes a
   * half-open breaker on an uncounted test attempt, as it does for any error it is not told to count.
   */
  run<T>(attempt: () => Promise<T>, verdict: (result: T) => AttemptVerdict | null): Promise<BreakerRun<T>>;
  /** Called on every change of `state()` that the breaker itself makes (opening, closing, starting a test). */
  onStateChange(listener: (state: BreakerState) => void): void;
}

/** Carries an uncounted result through cockatiel, which counts every returned value one way or the other. */
class UncountedAttempt<T> extends Error {
  constructor(readonly result: T) {
    super('uncounted attempt');
  }
}

/** Transport errors, timeouts, 5xx and 429 count against the gateway; every other answer shows it is up. */
export function attemptVerdict(attempt: { kind: 'no-answer' } | { kind: 'answer'; status: number }): AttemptVerdict {
  if (attempt.kind === 'no-answer') return 'failure';
  return attempt.status === 429 || attempt.status >= 500 ? 'failure' : 'success';
}

export function createCircuitBreaker(settings: BreakerSettings): CircuitBreaker {
  const failed = new WeakSet<object>();
  const policy = circuitBreaker(
    handleWhenResult((result) => typeof result === 'object' && result !== null && failed.has(result)),
    { halfOpenAfter: settings.openMs, breaker: new ConsecutiveBreaker(settings.threshold) },
  );
  let openedAt = 0;
  const listeners: Array<(state: BreakerState) => void> = [];
  policy.onBreak(() => {
    openedAt = Date.now();
  });
  policy.onStateChange(() => {
    for (const listener of listeners) listener(state());
  });

  function state(): BreakerState {
    switch (policy.state) {
      case CircuitState.Closed:
        return 'closed';
      case CircuitState.HalfOpen:
        return 'halfOpen';
      case CircuitState.Open:
      case CircuitState.Isolated:
        // cockatiel stays "open" until an attempt comes along after the open time; that attempt is the test.
        return policy.state === CircuitState.Open && Date.now() - openedAt >= settings.openMs ? 'halfOpen' : 'open';
    }
  }

  return {
    available: () => state() !== 'open',
    state,
    async run<T>(attempt: () => Promise<T>, verdict: (result: T) => AttemptVerdict | null): Promise<BreakerRun<T>> {
      try {
        const result = await policy.execute(async () => {
          const outcome = await attempt();
          const counted = verdict(outcome);
          if (counted === null) throw new UncountedAttempt(outcome);
          // cockatiel judges results by a filter; a box per attempt lets the filter know this one's verdict.
          const box = { outcome };
          if (counted === 'failure') failed.add(box);
          return box;
        });
        return ok(result.outcome);
      } catch (error) {
        if (error instanceof BrokenCircuitError) return err('circuit-open');
        if (error instanceof UncountedAttempt) return ok(error.result as T);
        throw error;
      }
    },
    onStateChange(listener) {
      listeners.push(listener);
    },
  };
}
