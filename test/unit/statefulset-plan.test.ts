// Cases after pkg/controller/statefulset/stateful_set_control_test.go (ScaleUp, ScaleDown,
// CreatesPodsInOrder/OrderedReady, Parallel scale, RollingUpdate with partition, OnDelete,
// ReplacesFailedPods) and stateful_set_utils_test.go (getParentNameAndOrdinal, newStatefulSetPod).
import { describe, expect, it } from 'vitest';
import type { KObject, Pod } from '../../src/api/types.js';
import { computeStatus, newStatefulSetPod, ordinalOf, planStatefulSet, type StsInput } from '../../src/controllers/statefulset/plan.js';
import { newRevision } from '../../src/controllers/history/revisions.js';

const NOW = Date.parse('2026-01-01T00:10:00Z');

function sts(o: { replicas?: number; policy?: string; strategy?: Record<string, any>; image?: string; start?: number } = {}): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: 'sts-uid', generation: 1 },
    spec: {
      replicas: o.replicas ?? 3,
      serviceName: 'nginx',
      podManagementPolicy: o.policy ?? 'OrderedReady',
      updateStrategy: o.strategy ?? { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      selector: { matchLabels: { app: 'web' } },
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: o.image ?? 'v1' }] } },
      ...(o.start !== undefined ? { ordinals: { start: o.start } } : {}),
    },
    status: {},
  };
}

const rev = (image: string, n: number) => newRevision(sts({ image }), n, undefined);
const R1 = rev('v1', 1);
const R2 = rev('v2', 2);

function pod(ord: number, o: { rev?: string; ready?: boolean; phase?: string; deleting?: boolean } = {}): Pod {
  const p = newStatefulSetPod(sts(), ord, o.rev ?? R1.metadata.name!);
  p.metadata.uid = `u${ord}`;
  if (o.deleting) p.metadata.deletionTimestamp = '2026-01-01T00:09:00Z';
  p.status = {
    phase: o.phase ?? 'Running',
    conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }],
  } as never;
  return p;
}

const input = (set: KObject, pods: Pod[], update = R1, current = R1): StsInput => ({ set, pods, current, update, now: NOW });
const summary = (set: KObject, pods: Pod[], update = R1, current = R1) =>
  planStatefulSet(input(set, pods, update, current)).actions.map((a) => `${a.kind} ${a.pod.metadata.name}`);

describe('identity', () => {
  it('getParentNameAndOrdinal', () => {
    const set = sts();
    expect(ordinalOf(set, { metadata: { name: 'web-12' } })).toBe(12);
    expect(ordinalOf(set, { metadata: { name: 'other-1' } })).toBe(-1);
    expect(ordinalOf(set, { metadata: { name: 'web' } })).toBe(-1);
  });
  it('newStatefulSetPod: name, hostname, subdomain and the identity labels', () => {
    const p = newStatefulSetPod(sts(), 2, 'web-abc');
    expect(p.metadata.name).toBe('web-2');
    expect(p.spec.hostname).toBe('web-2');
    expect(p.spec.subdomain).toBe('nginx');
    expect(p.metadata.labels).toEqual({ app: 'web', 'statefulset.kubernetes.io/pod-name': 'web-2', 'apps.kubernetes.io/pod-index': '2', 'controller-revision-hash': 'web-abc' });
  });
});

describe('OrderedReady', () => {
  it('creates web-0 first and waits for it to be Running and Ready', () => {
    expect(summary(sts(), [])).toEqual(['create web-0']);
    expect(summary(sts(), [pod(0, { ready: false })])).toEqual([]);
    expect(summary(sts(), [pod(0)])).toEqual(['create web-1']);
  });
  it('honours ordinals.start', () => {
    expect(summary(sts({ start: 5 }), [])).toEqual(['create web-5']);
  });
  it('scales down from the highest ordinal, one at a time, once all are healthy', () => {
    const pods = [pod(0), pod(1), pod(2)];
    expect(summary(sts({ replicas: 1 }), pods)).toEqual(['delete web-2']);
    expect(summary(sts({ replicas: 1 }), [pod(0), pod(1), pod(2, { deleting: true })])).toEqual([]);
    expect(summary(sts({ replicas: 1 }), [pod(0, { ready: false }), pod(1), pod(2)])).toEqual([]);
  });
  it('deletes a failed pod so that it is recreated', () => {
    expect(summary(sts(), [pod(0), pod(1, { phase: 'Failed' }), pod(2)])).toEqual(['delete web-1']);
    expect(summary(sts(), [pod(0), pod(2)])).toEqual(['create web-1']);
  });
});

describe('Parallel', () => {
  it('creates and deletes all at once', () => {
    expect(summary(sts({ policy: 'Parallel' }), [])).toEqual(['create web-0', 'create web-1', 'create web-2']);
    expect(summary(sts({ policy: 'Parallel', replicas: 1 }), [pod(0, { ready: false }), pod(1), pod(2)])).toEqual(['delete web-2', 'delete web-1']);
  });
});

describe('RollingUpdate', () => {
  const v2 = (strategy?: Record<string, any>) => sts({ image: 'v2', strategy });
  it('replaces the highest ordinal first and waits for it', () => {
    expect(summary(v2(), [pod(0), pod(1), pod(2)], R2)).toEqual(['delete web-2']);
    expect(summary(v2(), [pod(0), pod(1), pod(2, { rev: R2.metadata.name, ready: false })], R2)).toEqual([]);
    expect(summary(v2(), [pod(0), pod(1), pod(2, { rev: R2.metadata.name })], R2)).toEqual(['delete web-1']);
  });
  it('a recreated pod below the partition keeps the current revision', () => {
    const set = v2({ type: 'RollingUpdate', rollingUpdate: { partition: 2 } });
    const plan = planStatefulSet(input(set, [pod(1), pod(2, { rev: R2.metadata.name })], R2));
    expect(plan.actions[0]!.pod.metadata.labels!['controller-revision-hash']).toBe(R1.metadata.name);
    expect((plan.actions[0]!.pod.spec.containers as any[])[0].image).toBe('v1');
  });
  it('stops at the partition', () => {
    const set = v2({ type: 'RollingUpdate', rollingUpdate: { partition: 2 } });
    expect(summary(set, [pod(0), pod(1), pod(2, { rev: R2.metadata.name })], R2)).toEqual([]);
  });
  it('maxUnavailable 2 replaces two at a time', () => {
    const set = v2({ type: 'RollingUpdate', rollingUpdate: { partition: 0, maxUnavailable: 2 } });
    expect(summary(set, [pod(0), pod(1), pod(2)], R2)).toEqual(['delete web-2', 'delete web-1']);
  });
  it('OnDelete never deletes; new pods get the update revision', () => {
    const set = v2({ type: 'OnDelete' });
    expect(summary(set, [pod(0), pod(1), pod(2)], R2)).toEqual([]);
    const plan = planStatefulSet(input(set, [pod(0), pod(2)], R2));
    expect(plan.actions[0]!.pod.metadata.labels!['controller-revision-hash']).toBe(R2.metadata.name);
  });
});

describe('computeStatus', () => {
  it('counts replicas, ready, current and updated; completes the rolling update when all are updated and ready', () => {
    const set = sts({ image: 'v2' });
    expect(computeStatus(input(set, [pod(0), pod(1, { rev: R2.metadata.name, ready: false })], R2))).toEqual({
      observedGeneration: 1,
      replicas: 2,
      readyReplicas: 1,
      availableReplicas: 1,
      currentReplicas: 1,
      updatedReplicas: 1,
      currentRevision: R1.metadata.name,
      updateRevision: R2.metadata.name,
      collisionCount: 0,
    });
    const done = computeStatus(input(set, [pod(0, { rev: R2.metadata.name }), pod(1, { rev: R2.metadata.name })], R2));
    expect(done).toMatchObject({ currentRevision: R2.metadata.name, currentReplicas: 2, updatedReplicas: 2 });
  });
});
