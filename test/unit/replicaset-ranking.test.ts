// Pod predicates and deletion order, with the cases of Kubernetes' controller_utils_test.go
// (TestSortingActivePods, TestSortingActivePodsWithRanks, TestActivePodFiltering) and
// pkg/api/v1/pod/util_test.go (IsPodAvailable).
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/types.js';
import {
  isPodActive,
  isPodAvailable,
  isPodReady,
  isPodTerminating,
  logarithmicRankDiff,
  podAvailableAt,
  podDeletionCost,
  podDeletionLess,
  podsToDelete,
  rankPods,
  rankPodsForDeletion,
} from '../../src/controllers/replicaset/ranking.js';

const NOW = Date.UTC(2026, 0, 31, 12, 0, 0);
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');
const H = 3_600_000;
const MONTH = NOW - Date.UTC(2025, 11, 31, 12, 0, 0);

interface P {
  name: string;
  node?: string;
  phase?: string;
  ready?: boolean;
  readySince?: number;
  restarts?: number[];
  created?: number;
  annotations?: Record<string, string>;
  uid?: string;
  deleting?: boolean;
}

function pod(p: P): Pod {
  return {
    metadata: {
      name: p.name,
      uid: p.uid,
      creationTimestamp: p.created === undefined ? undefined : iso(p.created),
      annotations: p.annotations,
      deletionTimestamp: p.deleting ? iso(NOW) : undefined,
    },
    spec: { nodeName: p.node ?? '', containers: [] },
    status: {
      phase: p.phase as never,
      conditions: p.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: p.readySince === undefined ? undefined : iso(p.readySince) }] : [],
      containerStatuses: (p.restarts ?? []).map((restartCount, i) => ({ name: `c${i}`, restartCount }) as never),
    },
  } as Pod;
}

function shuffle<T>(a: T[], seed: number): T[] {
  const out = [...a];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('pod predicates', () => {
  it('isPodActive (TestActivePodFiltering)', () => {
    const pods = [
      pod({ name: 'pod-1', phase: 'Succeeded' }),
      pod({ name: 'pod-2', phase: 'Failed' }),
      pod({ name: 'pod-3', phase: 'Running' }),
      pod({ name: 'pod-4', phase: 'Running' }),
      pod({ name: 'pod-5', phase: 'Running' }),
      pod({ name: 'pod-6', phase: 'Running', deleting: true }),
    ];
    expect(pods.filter(isPodActive).map((p) => p.metadata.name)).toEqual(['pod-3', 'pod-4', 'pod-5']);
  });
  it('isPodTerminating: deleted but not terminal (TestCountTerminatingPods)', () => {
    const pods = [
      pod({ name: 'a', phase: 'Succeeded', deleting: true }),
      pod({ name: 'b', phase: 'Failed' }),
      pod({ name: 'c', phase: 'Pending', deleting: true }),
      pod({ name: 'd', phase: 'Running', deleting: true }),
    ];
    expect(pods.filter(isPodTerminating).map((p) => p.metadata.name)).toEqual(['c', 'd']);
  });
  it.each([
    ['not ready', false, undefined, 0, false],
    ['ready, minReadySeconds 0', true, NOW, 0, true],
    ['ready 1 s ago, minReadySeconds 1 (not strictly before)', true, NOW - 1000, 1, false],
    ['ready 2 s ago, minReadySeconds 1', true, NOW - 2000, 1, true],
    ['ready without a transition time, minReadySeconds 1', true, undefined, 1, false],
  ] as const)('isPodAvailable: %s', (_n, ready, since, minReady, want) => {
    const p = pod({ name: 'p', ready, readySince: since });
    expect(isPodReady(p)).toBe(ready);
    expect(isPodAvailable(p, minReady, NOW)).toBe(want);
  });
  it('podAvailableAt is the first instant isPodAvailable turns true', () => {
    const p = pod({ name: 'p', ready: true, readySince: NOW - 2000 });
    const at = podAvailableAt(p, 5, NOW)!;
    expect(at).toBe(NOW + 3001);
    expect(isPodAvailable(p, 5, at - 1)).toBe(false);
    expect(isPodAvailable(p, 5, at)).toBe(true);
    expect(podAvailableAt(p, 1, NOW)).toBeUndefined();
  });
  it.each([
    [undefined, 0],
    ['10', 10],
    ['-5', -5],
    ['0', 0],
    ['+10', 0],
    ['008', 0],
    ['x', 0],
    ['2147483648', 0],
  ])('podDeletionCost(%s) = %i', (v, want) => {
    expect(podDeletionCost(pod({ name: 'p', annotations: v === undefined ? undefined : { 'controller.kubernetes.io/pod-deletion-cost': v } }))).toBe(want);
  });
});

describe('deletion order', () => {
  it('TestSortingActivePods order, whatever the input order', () => {
    const then = NOW - MONTH;
    const pods = [
      pod({ name: 'unscheduled', phase: 'Pending' }),
      pod({ name: 'scheduledButPending', node: 'bar', phase: 'Pending' }),
      pod({ name: 'unknownPhase', node: 'foo', phase: 'Unknown' }),
      pod({ name: 'runningButNotReady', node: 'foo', phase: 'Running' }),
      pod({ name: 'runningNoLastTransitionTime', node: 'foo', phase: 'Running', ready: true, restarts: [3, 0] }),
      pod({ name: 'runningWithLastTransitionTime', node: 'foo', phase: 'Running', ready: true, readySince: NOW, restarts: [3, 0] }),
      pod({ name: 'runningLongerTime', node: 'foo', phase: 'Running', ready: true, readySince: then, restarts: [3, 0] }),
      pod({ name: 'lowerContainerRestartCount', node: 'foo', phase: 'Running', ready: true, readySince: then, restarts: [2, 1], created: NOW }),
      pod({ name: 'oldest', node: 'foo', phase: 'Running', ready: true, readySince: then, restarts: [2, 1], created: then }),
    ];
    const want = pods.map((p) => p.metadata.name);
    for (let seed = 1; seed <= 20; seed++) {
      const shuffled = shuffle(pods, seed);
      // Equal ranks, as ActivePods has none.
      const ordered = rankPodsForDeletion(shuffled, NOW, []).map((p) => p.metadata.name);
      expect(ordered).toEqual(want);
    }
  });

  const then1Month = NOW - MONTH;
  const P = (name: string, node: string, phase: string, ready: boolean, restarts: number, readySince: number | undefined, created: number | undefined, annotations?: Record<string, string>) =>
    pod({ name, node, phase, ready, restarts: ready ? [restarts] : [], readySince, created, annotations });
  const unscheduledPod = P('unscheduled', '', 'Pending', false, 0, undefined, undefined);
  const scheduledPendingPod = P('pending', 'node', 'Pending', false, 0, undefined, undefined);
  const unknownPhasePod = P('unknown-phase', 'node', 'Unknown', false, 0, undefined, undefined);
  const runningNotReadyPod = P('not-ready', 'node', 'Running', false, 0, undefined, undefined);
  const runningReadyNoLastTransitionTimePod = P('ready-no-last-transition-time', 'node', 'Running', true, 0, undefined, undefined);
  const runningReadyNow = P('ready-now', 'node', 'Running', true, 0, NOW, NOW);
  const runningReadyThen = P('ready-then', 'node', 'Running', true, 0, then1Month, then1Month);
  const runningReadyNowHighRestarts = P('ready-high-restarts', 'node', 'Running', true, 9001, NOW, NOW);
  const runningReadyNowCreatedThen = P('ready-now-created-then', 'node', 'Running', true, 0, NOW, then1Month);
  const lowPodDeletionCost = P('low-deletion-cost', 'node', 'Running', true, 0, NOW, then1Month, { 'controller.kubernetes.io/pod-deletion-cost': '10' });
  const highPodDeletionCost = P('high-deletion-cost', 'node', 'Running', true, 0, NOW, then1Month, { 'controller.kubernetes.io/pod-deletion-cost': '100' });
  const unscheduled5Hours = P('unscheduled-5-hours', '', 'Pending', false, 0, NOW - 5 * H, NOW - 5 * H);
  const unscheduled8Hours = P('unscheduled-10-hours', '', 'Pending', false, 0, NOW - 8 * H, NOW - 8 * H);
  const ready2Hours = P('ready-2-hours', '', 'Running', true, 0, NOW - 2 * H, then1Month);
  const ready5Hours = P('ready-5-hours', '', 'Running', true, 0, NOW - 5 * H, then1Month);
  const ready10Hours = P('ready-10-hours', '', 'Running', true, 0, NOW - 8 * H, then1Month);

  it.each([
    [unscheduledPod, unscheduledPod],
    [scheduledPendingPod, scheduledPendingPod],
    [unknownPhasePod, unknownPhasePod],
    [runningNotReadyPod, runningNotReadyPod],
    [runningReadyNowCreatedThen, runningReadyNowCreatedThen],
    [runningReadyNow, runningReadyNow],
    [runningReadyThen, runningReadyThen],
    [runningReadyNowHighRestarts, runningReadyNowHighRestarts],
    [unscheduled5Hours, unscheduled8Hours],
    [ready5Hours, ready10Hours],
  ])('equal: %#', (p1, p2) => {
    expect(podDeletionLess(p1, 1, p2, 1, NOW)).toBe(false);
    expect(podDeletionLess(p2, 1, p1, 1, NOW)).toBe(false);
  });

  it.each([
    [unscheduledPod, 1, scheduledPendingPod, 2],
    [unscheduledPod, 2, scheduledPendingPod, 1],
    [scheduledPendingPod, 1, unknownPhasePod, 2],
    [unknownPhasePod, 1, runningNotReadyPod, 2],
    [runningNotReadyPod, 1, runningReadyNoLastTransitionTimePod, 1],
    [runningReadyNoLastTransitionTimePod, 1, runningReadyNow, 1],
    [runningReadyNow, 2, runningReadyNoLastTransitionTimePod, 1],
    [runningReadyNow, 1, runningReadyThen, 1],
    [runningReadyNow, 2, runningReadyThen, 1],
    [runningReadyNowHighRestarts, 1, runningReadyNow, 1],
    [runningReadyNow, 2, runningReadyNowHighRestarts, 1],
    [runningReadyNow, 1, runningReadyNowCreatedThen, 1],
    [runningReadyNowCreatedThen, 2, runningReadyNow, 1],
    [lowPodDeletionCost, 2, highPodDeletionCost, 1],
    [ready2Hours, 1, ready5Hours, 1],
  ] as const)('less: %#', (lesser, lr, greater, gr) => {
    expect(podDeletionLess(lesser, lr, greater, gr, NOW)).toBe(true);
    expect(podDeletionLess(greater, gr, lesser, lr, NOW)).toBe(false);
  });

  it('log buckets: same bucket falls back to the UID', () => {
    expect(logarithmicRankDiff(NOW - 5 * H, NOW - 8 * H, NOW)).toBe(0);
    expect(logarithmicRankDiff(NOW - 2 * H, NOW - 5 * H, NOW)).toBeLessThan(0);
    const a = pod({ name: 'a', node: 'n', phase: 'Running', ready: true, readySince: NOW - 5 * H, uid: 'a' });
    const b = pod({ name: 'b', node: 'n', phase: 'Running', ready: true, readySince: NOW - 8 * H, uid: 'b' });
    expect(podDeletionLess(a, 0, b, 0, NOW)).toBe(true);
    expect(podDeletionLess(b, 0, a, 0, NOW)).toBe(false);
  });

  it('rank = active related pods on the same node', () => {
    const x1 = pod({ name: 'x1', node: 'x', phase: 'Running' });
    const x2 = pod({ name: 'x2', node: 'x', phase: 'Running' });
    const y1 = pod({ name: 'y1', node: 'y', phase: 'Running' });
    const gone = pod({ name: 'gone', node: 'y', phase: 'Running', deleting: true });
    expect(rankPods([x1, y1], [x1, x2, y1, gone])).toEqual([2, 1]);
  });

  it('podsToDelete: unready and newer go first; all when diff covers them', () => {
    const ready = (name: string, created: number) => pod({ name, node: 'n', phase: 'Running', ready: true, readySince: created, created });
    const a = ready('a', NOW - 10 * H);
    const b = ready('b', NOW - 10 * 60_000);
    const c = pod({ name: 'c', node: 'n', phase: 'Running', created: NOW - 20 * H });
    const d = pod({ name: 'd', phase: 'Pending', created: NOW - 30 * H });
    expect(podsToDelete([a, b, c, d], 2, NOW).map((p) => p.metadata.name)).toEqual(['d', 'c']);
    expect(podsToDelete([a, b, c, d], 3, NOW).map((p) => p.metadata.name)).toEqual(['d', 'c', 'b']);
    expect(podsToDelete([a, b], 5, NOW).map((p) => p.metadata.name)).toEqual(['a', 'b']);
    expect(podsToDelete([a, b], 0, NOW)).toEqual([]);
  });
});
