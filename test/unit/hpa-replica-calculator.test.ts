// Kubernetes' replica_calculator_test.go cases (resource metrics), through the same harness shape: pods
// test-pod-N with two containers each requesting `requests[i]`, PodMetrics with each container at
// `levels[i]` milli-units, Ready condition without a transition time, start time zero unless hot/cool.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/types.js';
import { getRawResourceReplicas, getResourceReplicas, podMetricsInfo, ReplicaCalcError, type RawPodMetrics } from '../../src/controllers/podautoscaler/replica-calculator.js';
import { rfc3339 } from '../../src/util/clock.js';

const NOW = Date.UTC(2026, 0, 1, 12);
const HOT = rfc3339(NOW);
const COOL = rfc3339(NOW - 3 * 60_000);
const ZERO = '0001-01-01T00:00:00Z';

interface Case {
  currentReplicas: number;
  expectedReplicas?: number;
  expectedError?: string;
  resource: string;
  requests: string[];
  levels: number[];
  podNames?: string[];
  targetUtilization?: number;
  targetValue?: number;
  expectedUtilization?: number;
  expectedValue?: number;
  podReadiness?: ('True' | 'False')[];
  podStartTime?: string[];
  podPhase?: NonNullable<Pod['status']>['phase'][];
  podDeletionTimestamp?: boolean[];
}

function run(tc: Case) {
  const count = Math.max(tc.currentReplicas, tc.podPhase?.length ?? 0);
  const pods: Pod[] = [];
  for (let i = 0; i < count; i++) {
    const req = tc.requests[i];
    const container = (name: string) => ({ name, image: 'x', ...(req ? { resources: { requests: { [tc.resource]: req } } } : {}) });
    pods.push({
      metadata: { name: `test-pod-${i}`, namespace: 'test-namespace', labels: { name: 'test-pod' }, ...(tc.podDeletionTimestamp?.[i] ? { deletionTimestamp: HOT } : {}) },
      spec: { containers: [container('container0'), container('container1')] },
      status: { phase: tc.podPhase?.[i] ?? 'Running', startTime: tc.podStartTime?.[i] ?? ZERO, conditions: [{ type: 'Ready', status: tc.podReadiness?.[i] ?? 'True' }] },
    } as Pod);
  }
  const raw: RawPodMetrics[] = tc.levels.map((l, i) => ({
    name: tc.podNames?.[i] ?? `test-pod-${i}`, timestamp: Date.parse(ZERO), windowMs: 60_000,
    containers: [0, 1].map((c) => ({ name: `container${c}`, usage: { [tc.resource]: `${l}m` } })),
  }));
  const input = {
    currentReplicas: tc.currentReplicas, pods, metrics: podMetricsInfo(raw, tc.resource), resource: tc.resource, now: NOW,
    cpuInitializationPeriodMs: 2 * 60_000, delayOfInitialReadinessStatusMs: 10_000,
  };
  if (tc.targetValue !== undefined) return getRawResourceReplicas(input, tc.targetValue);
  return getResourceReplicas(input, tc.targetUtilization!);
}

const ones = (n: number) => Array<string>(n).fill('1.0');

const CASES: Record<string, Case> = {
  DisjointResourcesMetrics: { currentReplicas: 1, expectedError: 'no metrics returned matched known pods', resource: 'cpu', requests: ['1.0'], levels: [100], podNames: ['an-older-pod-name'], targetUtilization: 100 },
  ScaleUp: { currentReplicas: 3, expectedReplicas: 5, resource: 'cpu', requests: ones(3), levels: [300, 500, 700], targetUtilization: 30, expectedUtilization: 50, expectedValue: 2 * 500 },
  ScaleUpUnreadyLessScale: { currentReplicas: 3, expectedReplicas: 4, podReadiness: ['False', 'True', 'True'], resource: 'cpu', requests: ones(3), levels: [300, 500, 700], targetUtilization: 30, expectedUtilization: 60, expectedValue: 2 * 600 },
  ScaleUpHotCpuLessScale: { currentReplicas: 3, expectedReplicas: 4, podStartTime: [HOT, COOL, COOL], resource: 'cpu', requests: ones(3), levels: [300, 500, 700], targetUtilization: 30, expectedUtilization: 60, expectedValue: 2 * 600 },
  ScaleUpUnreadyNoScale: { currentReplicas: 3, expectedReplicas: 3, podReadiness: ['True', 'False', 'False'], resource: 'cpu', requests: ones(3), levels: [400, 500, 700], targetUtilization: 30, expectedUtilization: 40, expectedValue: 2 * 400 },
  ScaleHotCpuNoScale: { currentReplicas: 3, expectedReplicas: 3, podReadiness: ['True', 'False', 'False'], podStartTime: [COOL, HOT, HOT], resource: 'cpu', requests: ones(3), levels: [400, 500, 700], targetUtilization: 30, expectedUtilization: 40, expectedValue: 2 * 400 },
  ScaleUpIgnoresFailedPods: { currentReplicas: 2, expectedReplicas: 4, podReadiness: ['True', 'True', 'False', 'False'], podPhase: ['Running', 'Running', 'Failed', 'Failed'], resource: 'cpu', requests: ones(4), levels: [500, 700], targetUtilization: 30, expectedUtilization: 60, expectedValue: 2 * 600 },
  ScaleUpIgnoresDeletionPods: { currentReplicas: 2, expectedReplicas: 4, podReadiness: ['True', 'True', 'False', 'False'], podPhase: ['Running', 'Running', 'Running', 'Running'], podDeletionTimestamp: [false, false, true, true], resource: 'cpu', requests: ones(4), levels: [500, 700], targetUtilization: 30, expectedUtilization: 60, expectedValue: 2 * 600 },
  ScaleDown: { currentReplicas: 5, expectedReplicas: 3, resource: 'cpu', requests: ones(5), levels: [100, 300, 500, 250, 250], targetUtilization: 50, expectedUtilization: 28, expectedValue: 2 * 280 },
  ScaleDownIncludeUnreadyPods: { currentReplicas: 5, expectedReplicas: 2, podReadiness: ['True', 'True', 'True', 'False', 'False'], resource: 'cpu', requests: ones(5), levels: [100, 300, 500, 250, 250], targetUtilization: 50, expectedUtilization: 30, expectedValue: 2 * 300 },
  ScaleDownExcludeUnscheduledPods: { currentReplicas: 5, expectedReplicas: 1, podReadiness: ['True', 'False', 'False', 'False', 'False'], podPhase: ['Running', 'Pending', 'Pending', 'Pending', 'Pending'], resource: 'cpu', requests: ones(5), levels: [100], targetUtilization: 50, expectedUtilization: 10, expectedValue: 2 * 100 },
  ScaleDownIgnoreHotCpuPods: { currentReplicas: 5, expectedReplicas: 2, podStartTime: [COOL, COOL, COOL, HOT, HOT], resource: 'cpu', requests: ones(5), levels: [100, 300, 500, 250, 250], targetUtilization: 50, expectedUtilization: 30, expectedValue: 2 * 300 },
  ScaleDownIgnoresFailedPods: { currentReplicas: 5, expectedReplicas: 3, podReadiness: ['True', 'True', 'True', 'True', 'True', 'False', 'False'], podPhase: ['Running', 'Running', 'Running', 'Running', 'Running', 'Failed', 'Failed'], resource: 'cpu', requests: ones(7), levels: [100, 300, 500, 250, 250], targetUtilization: 50, expectedUtilization: 28, expectedValue: 2 * 280 },
  ScaleDownIgnoresDeletionPods: { currentReplicas: 5, expectedReplicas: 3, podReadiness: ['True', 'True', 'True', 'True', 'True', 'False', 'False'], podPhase: Array(7).fill('Running'), podDeletionTimestamp: [false, false, false, false, false, true, true], resource: 'cpu', requests: ones(7), levels: [100, 300, 500, 250, 250], targetUtilization: 50, expectedUtilization: 28, expectedValue: 2 * 280 },
  Tolerance: { currentReplicas: 3, expectedReplicas: 3, resource: 'cpu', requests: ['0.9', '1.0', '1.1'], levels: [1010, 1030, 1020], targetUtilization: 100, expectedUtilization: 102, expectedValue: 2 * 1020 },
  SuperfluousMetrics: { currentReplicas: 4, expectedReplicas: 24, resource: 'cpu', requests: ones(4), levels: [4000, 9500, 3000, 7000, 3200, 2000], targetUtilization: 100, expectedUtilization: 587, expectedValue: 2 * 5875 },
  MissingMetrics: { currentReplicas: 4, expectedReplicas: 3, resource: 'cpu', requests: ones(4), levels: [400, 95], targetUtilization: 100, expectedUtilization: 24, expectedValue: 495 },
  EmptyMetrics: { currentReplicas: 4, expectedError: 'unable to get metrics for resource cpu: no metrics returned from resource metrics API', resource: 'cpu', requests: ones(3), levels: [], targetUtilization: 100 },
  EmptyCPURequest: { currentReplicas: 1, expectedError: 'missing request for', resource: 'cpu', requests: [], levels: [200], targetUtilization: 100 },
  MissingMetricsNoChangeEq: { currentReplicas: 2, expectedReplicas: 2, resource: 'cpu', requests: ones(2), levels: [1000], targetUtilization: 100, expectedUtilization: 100, expectedValue: 2 * 1000 },
  MissingMetricsNoChangeGt: { currentReplicas: 2, expectedReplicas: 2, resource: 'cpu', requests: ones(2), levels: [1900], targetUtilization: 100, expectedUtilization: 190, expectedValue: 2 * 1900 },
  MissingMetricsNoChangeLt: { currentReplicas: 2, expectedReplicas: 2, resource: 'cpu', requests: ones(2), levels: [600], targetUtilization: 100, expectedUtilization: 60, expectedValue: 2 * 600 },
  MissingMetricsUnreadyChange: { currentReplicas: 3, expectedReplicas: 3, podReadiness: ['False', 'True', 'True'], resource: 'cpu', requests: ones(3), levels: [100, 450], targetUtilization: 50, expectedUtilization: 45, expectedValue: 2 * 450 },
  MissingMetricsHotCpuNoChange: { currentReplicas: 3, expectedReplicas: 3, podStartTime: [HOT, COOL, COOL], resource: 'cpu', requests: ones(3), levels: [100, 450], targetUtilization: 50, expectedUtilization: 45, expectedValue: 2 * 450 },
  MissingMetricsUnreadyScaleUp: { currentReplicas: 3, expectedReplicas: 4, podReadiness: ['False', 'True', 'True'], resource: 'cpu', requests: ones(3), levels: [100, 2000], targetUtilization: 50, expectedUtilization: 200, expectedValue: 2 * 2000 },
  MissingMetricsHotCpuScaleUp: { currentReplicas: 3, expectedReplicas: 4, podReadiness: ['False', 'True', 'True'], podStartTime: [HOT, COOL, COOL], resource: 'cpu', requests: ones(3), levels: [100, 2000], targetUtilization: 50, expectedUtilization: 200, expectedValue: 2 * 2000 },
  MissingMetricsUnreadyScaleDown: { currentReplicas: 4, expectedReplicas: 3, podReadiness: ['False', 'True', 'True', 'True'], resource: 'cpu', requests: ones(4), levels: [100, 100, 100], targetUtilization: 50, expectedUtilization: 10, expectedValue: 2 * 100 },
  DuringRollingUpdateWithMaxSurge: { currentReplicas: 2, expectedReplicas: 2, podPhase: ['Running', 'Running', 'Running'], resource: 'cpu', requests: ones(3), levels: [100, 100], targetUtilization: 50, expectedUtilization: 10, expectedValue: 2 * 100 },
  // GetRawResourceReplicas (an averageValue target), as TestReplicaCalcScaleUpCM's arithmetic over resources.
  RawScaleUp: { currentReplicas: 3, expectedReplicas: 4, resource: 'memory', requests: ones(3), levels: [10000, 5000, 15000], targetValue: 2 * 7500, expectedValue: 2 * 10000 },
  RawScaleDown: { currentReplicas: 5, expectedReplicas: 3, resource: 'memory', requests: ones(5), levels: Array(5).fill(6000), targetValue: 2 * 10000, expectedValue: 2 * 6000 },
};

describe('replica calculator (replica_calculator_test.go)', () => {
  for (const [name, tc] of Object.entries(CASES)) {
    it(name, () => {
      if (tc.expectedError) {
        expect(() => run(tc)).toThrow(ReplicaCalcError);
        expect(() => run(tc)).toThrow(tc.expectedError);
        return;
      }
      const r = run(tc) as { replicas: number; utilization?: number; rawAverage?: number; usage?: number };
      expect(r.replicas).toBe(tc.expectedReplicas);
      if (tc.targetValue !== undefined) expect(r.usage).toBe(tc.expectedValue);
      else {
        expect(r.utilization).toBe(tc.expectedUtilization);
        expect(r.rawAverage).toBe(tc.expectedValue);
      }
    });
  }
});
