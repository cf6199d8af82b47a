import { describe, expect, it } from 'vitest';
import { attemptVerdict, createCircuitBreaker, type BreakerState } from './circuit-breaker';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('circuit breaker (cockatiel)', () => {
  it('counts transport errors, timeouts, 5xx and 429 against the gateway, nothing else', () => {
    expect(attemptVerdict({ kind: 'no-answer' })).toBe('failure');
    for (const status of [429, 500, 502, 503, 504]) expect(attemptVerdict({ kind: 'answer', status })).toBe('failure');
    for (const status of [200, 400, 401, 403, 404, 409, 413]) expect(attemptVerdict({ kind: 'answer', status })).toBe('success');
  });

  it('opens after the threshold, refuses without running, half-opens after the open time, closes on success', async () => {
    const breaker = createCircuitBreaker({ threshold: 3, openMs: 40 });
    const states: BreakerState[] = [];
    breaker.onStateChange((state) => states.push(state));
    let runs = 0;
    const fail = () =>
      breaker.run(
        async () => ++runs,
        () => 'failure',
      );
    await fail();
    await fail();
    expect(breaker.state()).toBe('closed');
    await fail();
    expect(breaker.state()).toBe('open');
    expect(breaker.available()).toBe(false);
    expect(await fail()).toEqual({ ok: false, error: 'circuit-open' });
    expect(runs).toBe(3);
    await sleep(50);
    expect(breaker.state()).toBe('halfOpen');
    expect(breaker.available()).toBe(true);
    expect(
      await breaker.run(
        async () => 'ok',
        () => 'success',
      ),
    ).toEqual({ ok: true, value: 'ok' });
    expect(breaker.state()).toBe('closed');
    expect(states).toEqual(['open', 'halfOpen', 'closed']);
  });

  it('a success resets the count; an uncounted attempt (a cancel) leaves it as it was', async () => {
    const breaker = createCircuitBreaker({ threshold: 2, openMs: 1_000 });
    await breaker.run(
      async () => 1,
      () => 'failure',
    );
    await breaker.run(
      async () => 2,
      () => 'success',
    );
    await breaker.run(
      async () => 3,
      () => 'failure',
    );
    expect(breaker.state()).toBe('closed');
    expect(
      await breaker.run(
        async () => 'canceled',
        () => null,
      ),
    ).toEqual({ ok: true, value: 'canceled' });
    expect(breaker.state()).toBe('closed');
    await breaker.run(
      async () => 4,
      () => 'failure',
    );
    expect(breaker.state()).toBe('open');
  });
});
