// Cases after pkg/controller/daemon/daemon_controller_test.go (TestNodeShouldRunDaemonPod,
// TestTaintedNodeDaemonPods, TestNodeAffinityDaemonLaunchesPods, TestDeleteNoDaemonPod …) and
// update_test.go (TestDaemonSetUpdatesPods, TestDaemonSetUpdatesPodsWithMaxSurge,
// TestGetUnavailableNumbers).
import { describe, expect, it } from 'vitest';
import type { KObject, Pod } from '../../src/api/types.js';
import type { NodeView } from '../../src/controllers/scheduler/filters.js';
import {
  calculateStatus,
  daemonPodTolerations,
  newDaemonPod,
  nodeShouldRunDaemonPod,
  planManage,
  planRollingUpdate,
  targetNodeName,
  updatedDesiredNodeCounts,
} from '../../src/controllers/daemon/plan.js';
import { planCurrentRevision, revisionsToDelete, newRevision, type ControllerRevision } from '../../src/controllers/history/revisions.js';

const NOW = Date.parse('2026-01-01T00:10:00Z');

function ds(spec: Record<string, any> = {}, strategy: Record<string, any> = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } }): KObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'foo', namespace: 'default', uid: 'ds-uid', generation: 1, annotations: { 'deprecated.daemonset.template.generation': '1' } },
    spec: {
      selector: { matchLabels: { app: 'foo' } },
      template: { metadata: { labels: { app: 'foo' } }, spec: { containers: [{ name: 'c', image: 'i' }], ...spec } },
      updateStrategy: strategy,
    },
  };
}

function node(name: string, o: { labels?: Record<string, string>; taints?: any[]; unschedulable?: boolean } = {}): NodeView {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) } }, spec: { taints: o.taints, unschedulable: o.unschedulable } } as NodeView;
}

let seq = 0;
function pod(nodeName: string, hash: string, o: { ready?: boolean; phase?: string; created?: string; deleting?: boolean } = {}): Pod {
  seq++;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `foo-${seq}`,
      namespace: 'default',
      uid: `u${seq}`,
      creationTimestamp: o.created ?? `2026-01-01T00:00:${String(seq % 60).padStart(2, '0')}Z`,
      labels: { app: 'foo', 'controller-revision-hash': hash },
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'foo', uid: 'ds-uid', controller: true }],
      ...(o.deleting ? { deletionTimestamp: '2026-01-01T00:09:00Z' } : {}),
    },
    spec: { nodeName, containers: [] },
    status: {
      phase: o.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: o.ready === false ? 'False' : 'True', lastTransitionTime: '2026-01-01T00:00:00Z' }],
    },
  } as unknown as Pod;
}

describe('nodeShouldRunDaemonPod', () => {
  const cases: { name: string; node: NodeView; spec?: Record<string, any>; run: boolean; cont: boolean }[] = [
    { name: 'simple node', node: node('n'), run: true, cont: true },
    { name: 'unschedulable node (tolerated by default)', node: node('n', { unschedulable: true }), run: true, cont: true },
    { name: 'nodeSelector matches', node: node('n', { labels: { disk: 'ssd' } }), spec: { nodeSelector: { disk: 'ssd' } }, run: true, cont: true },
    { name: 'nodeSelector does not match', node: node('n'), spec: { nodeSelector: { disk: 'ssd' } }, run: false, cont: false },
    { name: 'nodeName of another node', node: node('n'), spec: { nodeName: 'other' }, run: false, cont: false },
    { name: 'untolerated NoSchedule taint', node: node('n', { taints: [{ key: 'k', value: 'v', effect: 'NoSchedule' }] }), run: false, cont: true },
    { name: 'untolerated NoExecute taint', node: node('n', { taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }] }), run: false, cont: false },
    {
      name: 'tolerated NoExecute taint',
      node: node('n', { taints: [{ key: 'k', value: 'v', effect: 'NoExecute' }] }),
      spec: { tolerations: [{ key: 'k', operator: 'Equal', value: 'v', effect: 'NoExecute' }] },
      run: true,
      cont: true,
    },
    { name: 'not-ready NoExecute taint (default toleration)', node: node('n', { taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }] }), run: true, cont: true },
    {
      name: 'required node affinity not matched',
      node: node('n'),
      spec: { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] }] } } } },
      run: false,
      cont: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(nodeShouldRunDaemonPod(c.node, ds(c.spec))).toEqual({ shouldRun: c.run, shouldContinueRunning: c.cont });
    });
  }
});

describe('newDaemonPod', () => {
  it('adds the default tolerations, the revision labels and the node-name affinity', () => {
    const p = newDaemonPod(ds({ hostNetwork: true }), 'n1', 'abc');
    expect(p.metadata.generateName).toBe('foo-');
    expect(p.metadata.labels).toEqual({ app: 'foo', 'controller-revision-hash': 'abc', 'pod-template-generation': '1' });
    expect((p.spec.tolerations as any[]).map((t) => t.key)).toContain('node.kubernetes.io/network-unavailable');
    expect(targetNodeName(p)).toBe('n1');
    expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'DaemonSet', name: 'foo', controller: true });
  });
  it('replaces a toleration with the same key, operator and effect', () => {
    const t = daemonPodTolerations({ tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 5 }] });
    expect(t.filter((x) => x.key === 'node.kubernetes.io/not-ready')).toEqual([{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }]);
  });
});

describe('planManage', () => {
  it('creates a pod on every eligible node without one', () => {
    const p = planManage({ ds: ds(), nodes: [node('a'), node('b'), node('c', { taints: [{ key: 'x', effect: 'NoSchedule' }] })], pods: [pod('a', 'h')], hash: 'h', now: NOW });
    expect(p.createOn).toEqual(['b']);
    expect(p.delete).toEqual([]);
  });
  it('deletes all but the oldest of several pods on a node (no surge)', () => {
    const old = pod('a', 'h', { created: '2026-01-01T00:00:01Z' });
    const young = pod('a', 'h', { created: '2026-01-01T00:00:02Z' });
    const p = planManage({ ds: ds(), nodes: [node('a')], pods: [young, old], hash: 'h', now: NOW });
    expect(p.delete.map((x) => x.metadata.name)).toEqual([young.metadata.name]);
  });
  it('deletes a failed pod with an event, and waits while in backoff', () => {
    const f = pod('a', 'h', { phase: 'Failed' });
    const p = planManage({ ds: ds(), nodes: [node('a')], pods: [f], hash: 'h', now: NOW });
    expect(p.delete).toEqual([f]);
    expect(p.failedOn).toEqual(['a']);
    expect(p.events[0]).toMatchObject({ type: 'Warning', reason: 'FailedDaemonPod', message: `Found failed daemon pod default/${f.metadata.name} on node a, will try to kill it` });
    const waiting = planManage({ ds: ds(), nodes: [node('a')], pods: [f], hash: 'h', now: NOW, failedBackoffUntil: () => NOW + 2000 });
    expect(waiting.delete).toEqual([]);
    expect(waiting.requeueAfterMs).toBe(2000);
  });
  it('deletes pods from nodes that must not run them (NoExecute) and from nodes that are gone', () => {
    const onTainted = pod('a', 'h');
    const onGone = pod('gone', 'h');
    const p = planManage({ ds: ds(), nodes: [node('a', { taints: [{ key: 'x', effect: 'NoExecute' }] })], pods: [onTainted, onGone], hash: 'h', now: NOW });
    expect(p.delete).toEqual([onTainted, onGone]);
  });
  it('keeps a pod on a node with a new NoSchedule taint', () => {
    const p = planManage({ ds: ds(), nodes: [node('a', { taints: [{ key: 'x', effect: 'NoSchedule' }] })], pods: [pod('a', 'h')], hash: 'h', now: NOW });
    expect(p.delete).toEqual([]);
    expect(p.createOn).toEqual([]);
  });
  it('with surge keeps the old pod until the new one is available', () => {
    const strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } };
    const old = pod('a', 'old', { created: '2026-01-01T00:00:01Z' });
    const notReady = pod('a', 'new', { ready: false, created: '2026-01-01T00:00:02Z' });
    expect(planManage({ ds: ds({}, strategy), nodes: [node('a')], pods: [old, notReady], hash: 'new', now: NOW }).delete).toEqual([]);
    const ready = pod('a', 'new', { created: '2026-01-01T00:00:02Z' });
    expect(planManage({ ds: ds({}, strategy), nodes: [node('a')], pods: [old, ready], hash: 'new', now: NOW }).delete).toEqual([old]);
  });
});

describe('updatedDesiredNodeCounts', () => {
  const nodes = Array.from({ length: 10 }, (_, i) => node(`n${i}`));
  it('scales percentages against the desired nodes, rounding up', () => {
    expect(updatedDesiredNodeCounts(ds({}, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: 0 } }), nodes)).toEqual({ maxSurge: 0, maxUnavailable: 3, desired: 10 });
    expect(updatedDesiredNodeCounts(ds({}, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '5%' } }), nodes)).toEqual({ maxSurge: 1, maxUnavailable: 0, desired: 10 });
  });
  it('falls back to 1 unavailable when both are 0', () => {
    expect(updatedDesiredNodeCounts(ds({}, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '0%', maxSurge: 0 } }), nodes).maxUnavailable).toBe(1);
  });
});

describe('planRollingUpdate', () => {
  const nodes = [node('a'), node('b'), node('c')];
  it('deletes old pods up to maxUnavailable (TestDaemonSetUpdatesPods)', () => {
    const pods = nodes.map((n) => pod(n.metadata.name!, 'old'));
    const r = planRollingUpdate(ds({}, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2, maxSurge: 0 } }), nodes, pods, 'new', NOW);
    expect(r.delete).toHaveLength(2);
    expect(r.createOn).toEqual([]);
  });
  it('counts an unavailable new pod against maxUnavailable', () => {
    const pods = [pod('a', 'new', { ready: false }), pod('b', 'old'), pod('c', 'old')];
    expect(planRollingUpdate(ds(), nodes, pods, 'new', NOW).delete).toEqual([]);
  });
  it('always replaces an unavailable old pod', () => {
    const bad = pod('b', 'old', { ready: false });
    const pods = [pod('a', 'new', { ready: false }), bad, pod('c', 'old')];
    expect(planRollingUpdate(ds(), nodes, pods, 'new', NOW).delete).toEqual([bad]);
  });
  it('surges new pods beside old available ones up to maxSurge (TestDaemonSetUpdatesPodsWithMaxSurge)', () => {
    const pods = nodes.map((n) => pod(n.metadata.name!, 'old'));
    const r = planRollingUpdate(ds({}, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 2 } }), nodes, pods, 'new', NOW);
    expect(r.createOn).toEqual(['a', 'b']);
    expect(r.delete).toEqual([]);
  });
  it('deletes the old pod once the surged new pod is available', () => {
    const old = pod('a', 'old');
    const r = planRollingUpdate(ds({}, { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } }), [node('a')], [old, pod('a', 'new')], 'new', NOW);
    expect(r.delete).toEqual([old]);
  });
});

describe('calculateStatus', () => {
  it('counts desired, current, ready, updated, available and misscheduled nodes', () => {
    const nodes = [node('a'), node('b'), node('c', { labels: {} , taints: [{ key: 'x', effect: 'NoSchedule' }] }), node('d')];
    const pods = [pod('a', 'new'), pod('b', 'old', { ready: false }), pod('c', 'new')];
    const { status } = calculateStatus(ds(), nodes, pods, 'new', NOW);
    expect(status).toEqual({
      currentNumberScheduled: 2,
      numberMisscheduled: 1,
      desiredNumberScheduled: 3,
      numberReady: 1,
      updatedNumberScheduled: 1,
      numberAvailable: 1,
      numberUnavailable: 2,
      observedGeneration: 1,
    });
  });
  it('requeues for minReadySeconds while ready pods are not yet available', () => {
    const d = ds();
    d.spec.minReadySeconds = 1000;
    expect(calculateStatus(d, [node('a')], [pod('a', 'h')], 'h', NOW).requeueAfterMs).toBe(1_000_000);
  });
});

describe('ControllerRevision history', () => {
  const withImage = (image: string) => {
    const d = ds();
    d.spec.template.spec.containers[0].image = image;
    return d;
  };
  const rev = (image: string, n: number): ControllerRevision => newRevision(withImage(image), n, undefined);
  it('creates revision 1 for a new template, reuses the latest equal one', () => {
    const step = planCurrentRevision(withImage('a'), [], undefined);
    expect(step.kind).toBe('create');
    expect(step.revision.revision).toBe(1);
    expect(step.revision.metadata.name).toMatch(/^foo-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(planCurrentRevision(withImage('a'), [rev('a', 1)], undefined).kind).toBe('current');
  });
  it('renumbers an older equal revision on rollback', () => {
    expect(planCurrentRevision(withImage('a'), [rev('a', 1), rev('b', 2)], undefined)).toMatchObject({ kind: 'renumber', to: 3 });
  });
  it('a collision count changes the name', () => {
    expect(newRevision(withImage('a'), 1, 1).metadata.name).not.toBe(newRevision(withImage('a'), 1, undefined).metadata.name);
  });
  it('deletes the oldest unused revisions beyond the limit', () => {
    const revs = [rev('a', 1), rev('b', 2), rev('c', 3), rev('d', 4)];
    const live = new Set([revs[1]!.metadata.labels!['controller-revision-hash']!]);
    expect(revisionsToDelete(revs, 1, live, new Set([revs[3]!.metadata.name!])).map((r) => r.revision)).toEqual([1]);
  });
});
