import { describe, expect, it } from 'vitest';
import { FaultPlan } from './fault-plan';
import { parseFaultSpec } from './fault-spec';

describe('fault plan', () => {
  it('applies a rule to the next `count` matching requests, then drops it', () => {
    const plan = new FaultPlan();
    plan.set([
      { kind: '5xx', count: 2 },
      { kind: 'latency', ms: 30 },
    ]);
    expect(plan.draw('fetch', 'k1')).toMatchObject({ latencyMs: 30, answer: { kind: '5xx', status: 503 } });
    expect(plan.draw('health', 'k1')).toMatchObject({ latencyMs: 0, answer: null });
    expect(plan.draw('fetch', 'k1').answer).not.toBeNull();
    expect(plan.draw('fetch', 'k1')).toMatchObject({ latencyMs: 30, answer: null, kinds: ['latency'] });
    expect(plan.list()).toEqual([{ kind: 'latency', ms: 30, route: 'fetch', remaining: null }]);
  });

  it('keeps wire and certificate faults for a request whose answer a fault does not replace', () => {
    const plan = new FaultPlan();
    plan.set([
      { kind: 'hang', count: 1 },
      { kind: 'malformed-json', count: 1 },
      { kind: 'expired', kioskId: 'k2' },
    ]);
    expect(plan.draw('fetch', 'k2')).toMatchObject({ answer: { kind: 'hang' }, wire: null, certificate: [] });
    expect(plan.draw('fetch', 'k2')).toMatchObject({ answer: null, wire: { kind: 'malformed-json' }, certificate: [{ kind: 'expired' }] });
    expect(plan.draw('fetch', 'k1').certificate).toEqual([]);
  });

  it('refuses an invalid rule, naming it', () => {
    // Cast: the point is a rule the types would not allow, as JSON from a file or the admin endpoint may be.
    expect(() => new FaultPlan().set([{ kind: '5xx', status: 418 } as never])).toThrow();
    expect(parseFaultSpec('5xx:status=504,count=3')).toEqual({ ok: true, value: { kind: '5xx', status: 504, count: 3, route: 'fetch' } });
    expect(parseFaultSpec('refuse-result:certType=no-property-proof,code=NOT_ELIGIBLE,retryable=false')).toMatchObject({
      ok: true,
      value: { retryable: false },
    });
    expect(parseFaultSpec('latency')).toMatchObject({ ok: false, error: expect.stringMatching(/^--fault latency: ms/) });
    expect(parseFaultSpec('meteor-strike')).toMatchObject({ ok: false });
    expect(parseFaultSpec('hang:forever')).toMatchObject({ ok: false, error: expect.stringMatching(/not key=value/) });
  });
});
