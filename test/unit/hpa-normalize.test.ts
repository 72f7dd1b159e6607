// Kubernetes' horizontal_test.go cases for the behavior path: TestConvertDesiredReplicasWithRules (rate
// limits with previous scale events), TestStoreScaleEvents and TestNormalizeDesiredReplicasWithBehavior.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCALE_DOWN, DEFAULT_SCALE_UP, withRuleDefaults, type ScalingRules } from '../../src/api/autoscaling.js';
import {
  convertDesiredReplicasWithBehaviorRate, convertDesiredReplicasWithRules, getReplicasChangePerPeriod, newMemory, normalizeDesiredReplicas,
  stabilizeRecommendationWithBehaviors, storeScaleEvent, type TimestampedScaleEvent,
} from '../../src/controllers/podautoscaler/normalize.js';

const NOW = Date.UTC(2026, 0, 1, 12);

function rules(pods: number, podsPeriod: number, percent: number, percentPeriod: number, window: number): ScalingRules {
  const r: ScalingRules = { stabilizationWindowSeconds: window, selectPolicy: 'Max' };
  if (pods) (r.policies ??= []).push({ type: 'Pods', value: pods, periodSeconds: podsPeriod });
  if (percent) (r.policies ??= []).push({ type: 'Percent', value: percent, periodSeconds: percentPeriod });
  return r;
}

/** generateEventsUniformDistribution: each event in the middle of its slice of the last `period` seconds. */
function uniform(raw: number[], period: number): TimestampedScaleEvent[] {
  const seg = period / raw.length;
  return raw.map((n, i) => ({ replicaChange: n, timestamp: NOW - Math.trunc(period - seg * (i + 1) + seg / 2) * 1000, outdated: false }));
}

interface RateCase {
  name: string;
  up?: TimestampedScaleEvent[];
  down?: TimestampedScaleEvent[];
  min: number;
  max: number;
  scaleUp?: ScalingRules;
  scaleDown?: ScalingRules;
  current: number;
  desired: number;
  replicas: number;
  condition: string;
}

const RATE: RateCase[] = [
  { name: 'scaleUp with percent policy limitation', min: 1, max: 1000, scaleUp: rules(0, 0, 200, 60, 0), current: 10, desired: 50, replicas: 30, condition: 'ScaleUpLimit' },
  { name: 'scaleDown with percent policy larger than pod policy', min: 1, max: 1000, scaleDown: rules(20, 60, 1, 60, 300), current: 100, desired: 2, replicas: 80, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with pod policy larger than percent policy', min: 1, max: 1000, scaleDown: rules(2, 60, 1, 60, 300), current: 100, desired: 2, replicas: 98, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with spec MinReplicas limitation with large pod policy', min: 1, max: 1000, scaleDown: rules(100, 60, 0, 0, 300), current: 10, desired: 0, replicas: 1, condition: 'TooFewReplicas' },
  { name: 'scaleDown with spec MinReplicas limitation with large percent policy', min: 5, max: 1000, scaleDown: rules(0, 0, 100, 60, 300), current: 10, desired: 2, replicas: 5, condition: 'TooFewReplicas' },
  { name: 'scaleDown with pod policy limitation', min: 1, max: 1000, scaleDown: rules(5, 60, 0, 0, 300), current: 10, desired: 2, replicas: 5, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with percent policy limitation', min: 1, max: 1000, scaleDown: rules(0, 0, 50, 60, 300), current: 10, desired: 5, replicas: 5, condition: 'DesiredWithinRange' },
  { name: 'scaleUp with spec MaxReplicas limitation with large pod policy and events', up: uniform([1, 5, 9], 120), min: 1, max: 200, scaleUp: rules(300, 60, 0, 0, 0), current: 100, desired: 500, replicas: 200, condition: 'TooManyReplicas' },
  { name: 'scaleUp with spec MaxReplicas limitation with large percent policy and events', up: uniform([1, 5, 9], 120), min: 1, max: 200, scaleUp: rules(0, 0, 10000, 60, 0), current: 100, desired: 500, replicas: 200, condition: 'TooManyReplicas' },
  { name: 'scaleUp with currentReplicas limitation with rate.PeriodSeconds with a lot of recent scale up events', up: uniform([1, 5, 9], 120), min: 1, max: 1000, scaleUp: rules(5, 120, 0, 0, 0), current: 100, desired: 500, replicas: 100, condition: 'ScaleUpLimit' },
  { name: 'scaleUp with pod policy and previous scale up events', up: uniform([1, 5, 9], 120), min: 1, max: 1000, scaleUp: rules(150, 120, 0, 0, 0), current: 100, desired: 500, replicas: 235, condition: 'ScaleUpLimit' },
  { name: 'scaleUp with percent policy and previous scale up events', up: uniform([1, 5, 9], 120), min: 1, max: 1000, scaleUp: rules(0, 0, 200, 120, 0), current: 100, desired: 500, replicas: 255, condition: 'ScaleUpLimit' },
  { name: 'scaleUp with percent policy and previous scale up and down events', up: uniform([4], 120), down: uniform([2], 120), min: 1, max: 1000, scaleUp: rules(0, 0, 300, 300, 0), current: 6, desired: 24, replicas: 16, condition: 'ScaleUpLimit' },
  { name: 'scaleDown with default policy and previous events', down: uniform([1, 5, 9], 120), min: 1, max: 1000, current: 10, desired: 5, replicas: 5, condition: 'DesiredWithinRange' },
  { name: 'scaleDown with spec MinReplicas limitation with large pod policy and previous events', down: uniform([1, 5, 9], 120), min: 5, max: 1000, scaleDown: rules(130, 120, 0, 0, 300), current: 100, desired: 0, replicas: 5, condition: 'TooFewReplicas' },
  { name: 'scaleDown with pod policy limitation and previous events', down: uniform([1, 5, 9], 120), min: 1, max: 1000, scaleDown: rules(5, 120, 0, 0, 300), current: 100, desired: 2, replicas: 100, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with percent policy limitation and previous events', down: uniform([2, 4, 6], 120), min: 1, max: 1000, scaleDown: rules(0, 0, 50, 120, 300), current: 100, desired: 0, replicas: 56, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with percent policy and previous scale up and down events', up: uniform([2], 120), down: uniform([4], 120), min: 1, max: 1000, scaleDown: rules(0, 0, 50, 180, 0), current: 10, desired: 1, replicas: 6, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with previous events preventing further scale down', down: uniform([10, 10, 10], 120), min: 1, max: 1000, scaleDown: rules(0, 0, 10, 120, 300), current: 100, desired: 0, replicas: 100, condition: 'ScaleDownLimit' },
  { name: 'scaleDown with with previous events still allowing more scale down', down: uniform([10, 10, 10], 120), min: 1, max: 1000, scaleDown: rules(0, 0, 1000, 120, 300), current: 10, desired: 5, replicas: 5, condition: 'DesiredWithinRange' },
  { name: "check 'outdated' flag for events for one behavior for up", up: uniform([8, 12, 9, 11], 120), min: 1, max: 1000, scaleUp: rules(1000, 60, 0, 0, 0), current: 100, desired: 200, replicas: 200, condition: 'DesiredWithinRange' },
  { name: "check that events were marked 'outdated' for two different policies in the behavior for down", down: uniform([8, 12, 9, 11], 120), min: 1, max: 1000, scaleDown: rules(1000, 30, 100, 60, 300), current: 100, desired: 5, replicas: 5, condition: 'DesiredWithinRange' },
];

describe('convertDesiredReplicasWithBehaviorRate (TestConvertDesiredReplicasWithRules)', () => {
  for (const tc of RATE) {
    it(tc.name, () => {
      const mem = { ...newMemory(), scaleUpEvents: tc.up ?? [], scaleDownEvents: tc.down ?? [] };
      const r = convertDesiredReplicasWithBehaviorRate(mem, {
        scaleUp: withRuleDefaults(tc.scaleUp, DEFAULT_SCALE_UP), scaleDown: withRuleDefaults(tc.scaleDown, DEFAULT_SCALE_DOWN),
        minReplicas: tc.min, maxReplicas: tc.max, currentReplicas: tc.current, desiredReplicas: tc.desired,
      }, NOW);
      expect([r.replicas, r.reason]).toEqual([tc.replicas, tc.condition]);
    });
  }
});

describe('storeScaleEvent (TestStoreScaleEvents)', () => {
  const ago = (s: number) => NOW - s * 1000;
  const cases: { name: string; prev: [number, number][]; next: [number, boolean][]; rules?: ScalingRules; change: number }[] = [
    { name: 'empty entries with default behavior', prev: [], next: [], change: 0 },
    { name: 'empty entries with two-policy-behavior', prev: [], next: [[5, false]], rules: rules(10, 60, 100, 60, 0), change: 0 },
    { name: 'one outdated entry to be kept untouched without behavior', prev: [[7, 61]], next: [[7, false]], change: 0 },
    { name: 'one outdated entry to be replaced with behavior', prev: [[7, 61]], next: [[5, false]], rules: rules(10, 60, 100, 60, 0), change: 0 },
    { name: 'one actual entry to be not touched with behavior', prev: [[7, 58]], next: [[7, false], [5, false]], rules: rules(10, 60, 100, 60, 0), change: 7 },
    { name: 'two entries, one of them to be replaced', prev: [[7, 61], [6, 59]], next: [[5, false], [6, false]], rules: rules(10, 60, 0, 0, 0), change: 6 },
    { name: 'replace one entry, use policies with different periods', prev: [[8, 29], [6, 59], [7, 61], [9, 61]], next: [[8, false], [6, false], [7, true], [5, false]], rules: rules(10, 60, 100, 30, 0), change: 14 },
    { name: 'two entries, both actual', prev: [[7, 58], [6, 59]], next: [[7, false], [6, false], [5, false]], rules: rules(10, 120, 100, 30, 0), change: 13 },
  ];
  for (const tc of cases) {
    it(tc.name, () => {
      for (const dir of ['up', 'down'] as const) {
        const mem = newMemory();
        const events = tc.prev.map(([n, s]) => ({ replicaChange: n, timestamp: ago(s), outdated: false }));
        if (dir === 'up') mem.scaleUpEvents = events;
        else mem.scaleDownEvents = events;
        expect(getReplicasChangePerPeriod(60, events, NOW)).toBe(tc.change);
        storeScaleEvent(mem, tc.rules ? (dir === 'up' ? { scaleUp: tc.rules } : { scaleDown: tc.rules }) : undefined, 10, dir === 'up' ? 15 : 5, NOW);
        const stored = dir === 'up' ? mem.scaleUpEvents : mem.scaleDownEvents;
        expect(stored.map((e) => [e.replicaChange, e.outdated])).toEqual(tc.next);
      }
    });
  }
});

describe('stabilizeRecommendationWithBehaviors (TestNormalizeDesiredReplicasWithBehavior)', () => {
  const m = (n: number) => NOW - n * 60_000;
  const cases: { name: string; recs: [number, number][]; current: number; desired: number; stabilized: number; stored?: number[]; up?: number; down?: number }[] = [
    { name: 'empty recommendations for scaling down', recs: [], current: 100, desired: 5, stabilized: 5, stored: [5] },
    { name: 'simple scale down stabilization', recs: [[4, 2], [5, 1]], current: 100, desired: 3, stabilized: 5, stored: [4, 5, 3], down: 180 },
    { name: 'simple scale up stabilization', recs: [[4, 2], [5, 1]], current: 1, desired: 7, stabilized: 4, stored: [4, 5, 7], up: 300 },
    { name: 'no scale down stabilization', recs: [[1, 2], [2, 1]], current: 100, desired: 3, stabilized: 3, stored: [1, 2, 3], up: 300 },
    { name: 'no scale up stabilization', recs: [[4, 2], [5, 1]], current: 1, desired: 3, stabilized: 3, stored: [4, 5, 3], down: 300 },
    { name: 'no scale down stabilization, reuse recommendation element', recs: [[10, 10], [9, 9]], current: 100, desired: 3, stabilized: 3, stored: [10, 3] },
    { name: 'no scale up stabilization, reuse recommendation element', recs: [[10, 10], [9, 9]], current: 1, desired: 100, stabilized: 100, stored: [10, 100] },
    { name: 'scale down stabilization, reuse one of obsolete recommendation element', recs: [[10, 10], [4, 1], [5, 2], [9, 9]], current: 100, desired: 3, stabilized: 5, stored: [10, 4, 5, 3], down: 180 },
    { name: 'scale up stabilization, reuse one of obsolete recommendation element', recs: [[10, 100], [6, 1], [5, 2], [9, 3]], current: 1, desired: 100, stabilized: 5, stored: [100, 6, 5, 9], up: 300 },
    { name: 'scale up and down stabilization, do not scale up when prenormalized rec goes down', recs: [[2, 100], [3, 3]], current: 2, desired: 1, stabilized: 2, up: 300, down: 300 },
    { name: 'scale up and down stabilization, do not scale down when prenormalized rec goes up', recs: [[2, 100], [1, 3]], current: 2, desired: 3, stabilized: 2, up: 300, down: 300 },
  ];
  for (const tc of cases) {
    it(tc.name, () => {
      const mem = { ...newMemory(), recommendations: tc.recs.map(([r, min]) => ({ recommendation: r, timestamp: m(min) })) };
      const r = stabilizeRecommendationWithBehaviors(mem, {
        scaleUp: { stabilizationWindowSeconds: tc.up ?? 0 }, scaleDown: { stabilizationWindowSeconds: tc.down ?? 0 },
        minReplicas: 1, maxReplicas: 1000, currentReplicas: tc.current, desiredReplicas: tc.desired,
      }, NOW);
      expect(r.replicas).toBe(tc.stabilized);
      if (tc.stored) expect(mem.recommendations.map((x) => x.recommendation)).toEqual(tc.stored);
    });
  }
});

describe('without a behavior', () => {
  it('scale-up is limited to max(2×current, 4) per sync (convertDesiredReplicasWithRules)', () => {
    expect(convertDesiredReplicasWithRules(1, 10, 1, 10)).toEqual({ replicas: 4, reason: 'ScaleUpLimit', message: 'the desired replica count is increasing faster than the maximum scale rate' });
    expect(convertDesiredReplicasWithRules(5, 20, 1, 8)).toEqual({ replicas: 8, reason: 'TooManyReplicas', message: 'the desired replica count is more than the maximum replica count' });
    expect(convertDesiredReplicasWithRules(5, 0, 2, 8).replicas).toBe(2);
  });

  it('scale-down is held by the highest recommendation of the last 5 minutes', () => {
    const mem = newMemory();
    mem.recommendations.push({ recommendation: 6, timestamp: NOW - 4 * 60_000 });
    const held = normalizeDesiredReplicas(mem, 6, 2, 1, 10, NOW);
    expect(held.desiredReplicas).toBe(6);
    expect(held.conditions[0]).toMatchObject({ reason: 'ScaleDownStabilized' });
    const later = normalizeDesiredReplicas(mem, 6, 2, 1, 10, NOW + 5 * 60_000);
    expect(later.desiredReplicas).toBe(2);
  });
});
