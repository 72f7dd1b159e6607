// ReplicaSet status and replica arithmetic (replica_set.go / replica_set_utils.go behaviour).
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/types.js';
import type { ReplicaSet } from '../../src/controllers/deployment/types.js';
import {
  BURST_REPLICAS,
  calculateReplicaSetStatus,
  filterActivePods,
  replicaSetEvents,
  replicaSetStatusEqual,
  replicasDiff,
  slowStartBatches,
} from '../../src/controllers/replicaset/status.js';

const NOW = Date.UTC(2026, 0, 31, 12, 0, 0);
const iso = (ms: number): string => new Date(ms).toISOString().replace('.000Z', 'Z');

function rs(replicas: number, o: { minReadySeconds?: number; generation?: number; status?: ReplicaSet['status'] } = {}): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web-abc', namespace: 'default', uid: 'rs', generation: o.generation ?? 1 },
    spec: {
      replicas,
      minReadySeconds: o.minReadySeconds,
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web', tier: 'fe' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
    },
    status: o.status,
  };
}

function pod(name: string, o: { phase?: string; readySince?: number; deleting?: boolean; labels?: Record<string, string> } = {}): Pod {
  return {
    metadata: { name, labels: o.labels ?? { app: 'web', tier: 'fe' }, deletionTimestamp: o.deleting ? iso(NOW) : undefined },
    spec: { containers: [] },
    status: {
      phase: (o.phase ?? 'Running') as never,
      conditions: o.readySince === undefined ? [] : [{ type: 'Ready', status: 'True', lastTransitionTime: iso(o.readySince) }],
    },
  } as Pod;
}

describe('slowStartBatches', () => {
  it.each([
    [0, []],
    [1, [1]],
    [2, [1, 1]],
    [3, [1, 2]],
    [10, [1, 2, 4, 3]],
    [15, [1, 2, 4, 8]],
    [500, [1, 2, 4, 8, 16, 32, 64, 128, 245]],
  ])('%i → %j', (n, want) => {
    expect(slowStartBatches(n)).toEqual(want);
    expect(slowStartBatches(n).reduce((a, b) => a + b, 0)).toBe(n);
  });
});

describe('replicasDiff', () => {
  it.each([
    [3, 1, { create: 2, delete: 0 }],
    [1, 3, { create: 0, delete: 2 }],
    [2, 2, { create: 0, delete: 0 }],
    [1000, 0, { create: BURST_REPLICAS, delete: 0 }],
    [0, 700, { create: 0, delete: BURST_REPLICAS }],
  ])('spec %i, %i active → %j', (spec, active, want) => {
    expect(replicasDiff(rs(spec), Array.from({ length: active }, (_, i) => pod(`p${i}`)))).toEqual(want);
  });
});

describe('calculateReplicaSetStatus', () => {
  it('counts active, fully labeled, ready, available and terminating pods', () => {
    const pods = [
      pod('a', { readySince: NOW - 60_000 }),
      pod('b', { readySince: NOW - 1000 }),
      pod('c'),
      pod('d', { labels: { app: 'web' } }),
      pod('e', { deleting: true, readySince: NOW - 60_000 }),
      pod('f', { phase: 'Failed' }),
      pod('g', { phase: 'Succeeded', deleting: true }),
    ];
    const r = calculateReplicaSetStatus(rs(4, { minReadySeconds: 10, generation: 3 }), pods, NOW);
    expect(r.status).toEqual({ replicas: 4, fullyLabeledReplicas: 3, readyReplicas: 2, availableReplicas: 1, terminatingReplicas: 1, observedGeneration: 3 });
    expect(r.changed).toBe(true);
    expect(r.requeueAt).toBe(NOW - 1000 + 10_000 + 1);
    expect(filterActivePods(pods).map((p) => p.metadata.name)).toEqual(['a', 'b', 'c', 'd']);
  });
  it('writes replicas 0 and terminatingReplicas 0 explicitly, omits other zeros; no requeue without minReadySeconds', () => {
    const r = calculateReplicaSetStatus(rs(0), [], NOW);
    expect(r.status).toEqual({ replicas: 0, terminatingReplicas: 0, observedGeneration: 1 });
    expect(r.requeueAt).toBeUndefined();
  });
  it('is unchanged when nothing moved', () => {
    const first = calculateReplicaSetStatus(rs(1), [pod('a', { readySince: NOW })], NOW);
    const again = calculateReplicaSetStatus(rs(1, { status: first.status }), [pod('a', { readySince: NOW })], NOW + 1000);
    expect(again.changed).toBe(false);
    expect(replicaSetStatusEqual({ replicas: 1, readyReplicas: 0 }, { replicas: 1 })).toBe(true);
  });
  it('ReplicaFailure: FailedCreate when short, kept while failing, removed on success', () => {
    const r = calculateReplicaSetStatus(rs(3), [pod('a')], NOW, 'pods "web-abc-x" is forbidden: exceeded quota');
    expect(r.status.conditions).toEqual([
      { type: 'ReplicaFailure', status: 'True', lastTransitionTime: iso(NOW), reason: 'FailedCreate', message: 'pods "web-abc-x" is forbidden: exceeded quota' },
    ]);
    const still = calculateReplicaSetStatus(rs(3, { status: r.status }), [pod('a')], NOW + 5000, 'another error');
    expect(still.status.conditions).toEqual(r.status.conditions);
    const ok = calculateReplicaSetStatus(rs(3, { status: r.status }), [pod('a'), pod('b'), pod('c')], NOW + 9000);
    expect(ok.status.conditions).toBeUndefined();
    expect(calculateReplicaSetStatus(rs(1), [pod('a'), pod('b')], NOW, 'x').status.conditions![0]!.reason).toBe('FailedDelete');
  });
  it('event texts', () => {
    expect(replicaSetEvents.successfulCreate('web-abc-x2kqp')).toEqual({ type: 'Normal', reason: 'SuccessfulCreate', message: 'Created pod: web-abc-x2kqp' });
    expect(replicaSetEvents.successfulDelete('web-abc-x2kqp')).toEqual({ type: 'Normal', reason: 'SuccessfulDelete', message: 'Deleted pod: web-abc-x2kqp' });
    expect(replicaSetEvents.failedCreate('boom')).toEqual({ type: 'Warning', reason: 'FailedCreate', message: 'Error creating: boom' });
  });
});
