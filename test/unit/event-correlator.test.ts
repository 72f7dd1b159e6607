// client-go's EventCorrelator (tools/record/events_cache.go and its tests): aggregation of similar
// events and the per-object spam filter, on a driven clock.
import { describe, expect, it } from 'vitest';
import { COMBINED_PREFIX, EventCorrelator, type EventFacts } from '../../src/events/correlator.js';

const base: EventFacts = { source: 'replicaset-controller', host: '', kind: 'ReplicaSet', namespace: 'default', name: 'web', uid: 'u1', apiVersion: 'apps/v1', type: 'Normal', reason: 'SuccessfulCreate', message: '' };

function clock(start = 0) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('EventCorrelator', () => {
  it('keeps the first 9 distinct messages as they are and combines the 10th and later (10 in 10 minutes)', () => {
    const c = new EventCorrelator(clock().now);
    const out = Array.from({ length: 12 }, (_, i) => c.correlate({ ...base, message: `Created pod: web-${i}` }));
    for (const r of out.slice(0, 9)) expect(r).toMatchObject({ skip: false, aggregated: false });
    expect(out[9]).toMatchObject({ skip: false, aggregated: true, message: `${COMBINED_PREFIX}Created pod: web-9` });
    // The combined ones share one key: one Event bumped, not a new one each.
    const keys = new Set(out.slice(9).map((r) => (r.skip ? '' : r.key)));
    expect(keys.size).toBe(1);
  });

  it('identical events keep their own key (counted on one Event)', () => {
    const c = new EventCorrelator(clock().now);
    const a = c.correlate({ ...base, message: 'same' });
    const b = c.correlate({ ...base, message: 'same' });
    expect(a).toEqual(b);
  });

  it('starts afresh after 10 minutes without a similar event', () => {
    const k = clock();
    const c = new EventCorrelator(k.now);
    for (let i = 0; i < 9; i++) c.correlate({ ...base, message: `m${i}` });
    k.advance(600_001);
    expect(c.correlate({ ...base, message: 'm9' })).toMatchObject({ aggregated: false });
  });

  it('lets a source write 25 events about one object, then one every 5 minutes', () => {
    const k = clock();
    const c = new EventCorrelator(k.now);
    const results = Array.from({ length: 30 }, () => c.correlate({ ...base, reason: 'Unhealthy', message: 'probe failed' }));
    expect(results.filter((r) => !r.skip)).toHaveLength(25);
    expect(results[25]).toEqual({ skip: true });
    k.advance(299_000);
    expect(c.correlate({ ...base, reason: 'Unhealthy', message: 'probe failed' }).skip).toBe(true);
    k.advance(1_000);
    expect(c.correlate({ ...base, reason: 'Unhealthy', message: 'probe failed' }).skip).toBe(false);
    expect(c.correlate({ ...base, reason: 'Unhealthy', message: 'probe failed' }).skip).toBe(true);
  });

  it('limits per object: another object of the same source has its own budget', () => {
    const c = new EventCorrelator(clock().now);
    for (let i = 0; i < 25; i++) c.correlate({ ...base, message: 'x' });
    expect(c.correlate({ ...base, message: 'x' }).skip).toBe(true);
    expect(c.correlate({ ...base, name: 'other', uid: 'u2', message: 'x' }).skip).toBe(false);
  });
});
