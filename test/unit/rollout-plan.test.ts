// One reconcile of a Deployment as a plan (rolling update, Recreate, proportional scaling,
// cleanup, new ReplicaSet and revisions) and the status/conditions it writes, table-driven with
// the cases of SEMANTICS.md A1 and of Kubernetes' rolling_test.go, sync_test.go and
// deployment_util_test.go, plus small simulations of whole rollouts.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../src/api/types.js';
import type { Deployment, ReplicaSet, IntOrString } from '../../src/controllers/deployment/types.js';
import {
  applyScale,
  cleanupCandidates,
  cleanupUnhealthyReplicas,
  getNewReplicaSet,
  isSelectingAll,
  newReplicaSet,
  newReplicaSetCreated,
  oldPodsRunning,
  planProportionalScale,
  planRecreate,
  planRolling,
  reconcileNewReplicaSet,
  reconcileOldReplicaSets,
  replicaSetCreateError,
  resolveCreateConflict,
  scaleDownOldReplicaSetsForRollingUpdate,
  splitReplicaSets,
  type ScaleAction,
  type Step,
} from '../../src/controllers/deployment/plan.js';
import { deploymentComplete, maxSurge, nextRevision, resolveFenceposts } from '../../src/controllers/deployment/rollout-math.js';
import {
  calculateStatus,
  checkPausedConditions,
  getDeploymentCondition,
  getReplicaFailures,
  newDeploymentCondition,
  progressRequeueAt,
  removeDeploymentCondition,
  setDeploymentCondition,
  syncDeploymentStatus,
  syncRolloutStatus,
} from '../../src/controllers/deployment/status.js';
import { computeHash } from '../../src/controllers/deployment/hash.js';

import { T0, iso, type DepOpts, dep, type RsOpts, rs, withReplicasAnnotations } from './fixtures/rollout.js';

const names = (list: { metadata: { name?: string } }[]) => list.map((r) => r.metadata.name);

/** Applies scale actions to a list of ReplicaSets by name. */
function applyAll(list: ReplicaSet[], scales: ScaleAction[]): ReplicaSet[] {
  let out = list;
  for (const s of scales) out = out.map((r) => (r.metadata.name === s.rs ? applyScale(r, s) : r));
  return out;
}

// ---------------------------------------------------------------------------------------------

describe('planProportionalScale (sync_test.go TestScale + the documented example)', () => {
  const newTimestamp = Date.UTC(2016, 4, 20, 2);
  const oldTimestamp = Date.UTC(2016, 4, 20, 1);
  const olderTimestamp = Date.UTC(2016, 4, 20, 0);
  interface Case {
    name: string;
    d: Deployment;
    old: Deployment;
    newRS?: [string, number, number?];
    oldRSs: [string, number, number][];
    expectedNew?: number;
    expectedOld: number[];
    desired?: Record<string, number>;
    newAvailable?: number;
    templateChanged?: boolean;
  }
  const D = (replicas: number, surge?: number, unavailable?: number) => dep({ replicas, maxSurge: surge, maxUnavailable: unavailable });
  const cases: Case[] = [
    { name: 'normal scaling event: 10 -> 12', d: D(12), old: D(10), newRS: ['foo-v1', 10], oldRSs: [], expectedNew: 12, expectedOld: [] },
    { name: 'normal scaling event: 10 -> 5', d: D(5), old: D(10), newRS: ['foo-v1', 10], oldRSs: [], expectedNew: 5, expectedOld: [] },
    { name: 'proportional scaling: 5 -> 10', d: D(10), old: D(5), newRS: ['foo-v2', 2], oldRSs: [['foo-v1', 3, oldTimestamp]], expectedNew: 4, expectedOld: [6] },
    { name: 'proportional scaling: 5 -> 3', d: D(3), old: D(5), newRS: ['foo-v2', 2], oldRSs: [['foo-v1', 3, oldTimestamp]], expectedNew: 1, expectedOld: [2] },
    { name: 'proportional scaling: 9 -> 4', d: D(4), old: D(9), newRS: ['foo-v2', 8], oldRSs: [['foo-v1', 1, oldTimestamp]], expectedNew: 4, expectedOld: [0] },
    {
      name: 'proportional scaling: 7 -> 10',
      d: D(10),
      old: D(7),
      newRS: ['foo-v3', 2],
      oldRSs: [['foo-v2', 3, oldTimestamp], ['foo-v1', 2, olderTimestamp]],
      expectedNew: 3,
      expectedOld: [4, 3],
    },
    {
      name: 'proportional scaling: 13 -> 8',
      d: D(8),
      old: D(13),
      newRS: ['foo-v3', 2],
      oldRSs: [['foo-v2', 8, oldTimestamp], ['foo-v1', 3, olderTimestamp]],
      expectedNew: 1,
      expectedOld: [5, 2],
    },
    {
      name: 'leftover distribution: 3 -> 4',
      d: D(4),
      old: D(3),
      newRS: ['foo-v3', 1],
      oldRSs: [['foo-v2', 1, oldTimestamp], ['foo-v1', 1, olderTimestamp]],
      expectedNew: 2,
      expectedOld: [1, 1],
    },
    {
      name: 'leftover distribution: 3 -> 2',
      d: D(2),
      old: D(3),
      newRS: ['foo-v3', 1],
      oldRSs: [['foo-v2', 1, oldTimestamp], ['foo-v1', 1, olderTimestamp]],
      expectedNew: 1,
      expectedOld: [1, 0],
    },
    {
      name: 'proportional scaling (no new rs): 4 -> 5',
      d: D(5),
      old: D(4),
      oldRSs: [['foo-v2', 2, oldTimestamp], ['foo-v1', 2, olderTimestamp]],
      expectedOld: [3, 2],
    },
    {
      name: 'proportional scaling: 6 -> 0',
      d: D(0),
      old: D(6),
      newRS: ['foo-v3', 3],
      oldRSs: [['foo-v2', 2, oldTimestamp], ['foo-v1', 1, olderTimestamp]],
      expectedNew: 0,
      expectedOld: [0, 0],
    },
    {
      name: 'proportional scaling: 0 -> 6',
      d: D(6),
      old: D(6),
      newRS: ['foo-v3', 0],
      oldRSs: [['foo-v2', 0, oldTimestamp], ['foo-v1', 0, olderTimestamp]],
      expectedNew: 6,
      expectedOld: [0, 0],
    },
    {
      name: 'RS sized for another desired count (the "failed rs update" case)',
      d: D(5),
      old: D(5),
      newRS: ['foo-v3', 2],
      oldRSs: [['foo-v2', 1, oldTimestamp], ['foo-v1', 1, olderTimestamp]],
      expectedNew: 2,
      expectedOld: [2, 1],
      desired: { 'foo-v2': 3 },
    },
    { name: 'deployment with surge pods', d: D(20, 2), old: D(10, 2), newRS: ['foo-v2', 6], oldRSs: [['foo-v1', 6, oldTimestamp]], expectedNew: 11, expectedOld: [11] },
    { name: 'change both surge and size', d: D(50, 6), old: D(10, 3), newRS: ['foo-v2', 5], oldRSs: [['foo-v1', 8, oldTimestamp]], expectedNew: 22, expectedOld: [34] },
    {
      name: 'change both size and template',
      d: D(14),
      old: D(10),
      oldRSs: [['foo-v2', 7, newTimestamp], ['foo-v1', 3, oldTimestamp]],
      expectedOld: [10, 4],
    },
    {
      name: 'saturated but broken new replica set does not affect old pods',
      d: D(2, 1, 1),
      old: D(2, 1, 1),
      newRS: ['foo-v2', 2],
      newAvailable: 0,
      oldRSs: [['foo-v1', 1, oldTimestamp]],
      expectedNew: 2,
      expectedOld: [1],
    },
    {
      name: 'SEMANTICS/docs: 10 replicas surge 3, new 5 + old 8, scaled to 15 → 7 + 11',
      d: D(15, 3),
      old: D(10, 3),
      newRS: ['foo-v2', 5],
      oldRSs: [['foo-v1', 8, oldTimestamp]],
      expectedNew: 7,
      expectedOld: [11],
    },
  ];
  it.each(cases)('$name', (c) => {
    const annotate = (r: ReplicaSet) => {
      const desired = c.desired?.[r.metadata.name!] ?? c.old.spec.replicas!;
      return withReplicasAnnotations(r, desired, desired + maxSurge(c.old));
    };
    const newRS = c.newRS ? annotate(rs(c.newRS[0], c.newRS[1], { created: newTimestamp, available: c.newAvailable ?? 0 })) : undefined;
    const oldRSs = c.oldRSs.map(([n, r, t]) => annotate(rs(n, r, { created: t })));
    const before = JSON.stringify([c.d, newRS, oldRSs]);
    const actions = planProportionalScale(c.d, newRS, oldRSs);
    expect(JSON.stringify([c.d, newRS, oldRSs])).toBe(before);
    const after = applyAll([...(newRS ? [newRS] : []), ...oldRSs], actions);
    const size = (n: string) => after.find((r) => r.metadata.name === n)!.spec.replicas;
    if (c.newRS) expect(size(c.newRS[0])).toBe(c.expectedNew);
    expect(c.oldRSs.map(([n]) => size(n))).toEqual(c.expectedOld);
    // Every write also carries the deployment's current replicas annotations.
    for (const a of actions) {
      expect(a.annotations['deployment.kubernetes.io/desired-replicas']).toBe(String(c.d.spec.replicas));
    }
  });
  it('records Kubernetes’ event texts', () => {
    const d = D(10);
    const newRS = withReplicasAnnotations(rs('foo-v2', 2, { created: newTimestamp }), 5, 5);
    const oldRS = withReplicasAnnotations(rs('foo-v1', 3, { created: oldTimestamp }), 5, 5);
    expect(planProportionalScale(d, newRS, [oldRS]).map((a) => a.event)).toEqual([
      'Scaled up replica set foo-v1 to 6 from 3',
      'Scaled up replica set foo-v2 to 4 from 2',
    ]);
    const down = planProportionalScale(D(3), newRS, [oldRS]);
    expect(down.map((a) => a.event)).toEqual(['Scaled down replica set foo-v1 to 2 from 3', 'Scaled down replica set foo-v2 to 1 from 2']);
  });
  it('a saturated new RS takes the old ones to 0', () => {
    const d = D(3);
    const newRS = withReplicasAnnotations(rs('n', 3, { available: 3 }), 3, 3);
    const oldRS = withReplicasAnnotations(rs('o', 1), 3, 3);
    const actions = planProportionalScale(d, newRS, [oldRS]);
    expect(actions.map((a) => [a.rs, a.to])).toEqual([['o', 0]]);
  });
  it('annotation-only refresh has no event', () => {
    const d = D(4);
    const a = rs('a', 2, { created: oldTimestamp, annotations: { 'deployment.kubernetes.io/desired-replicas': '3', 'deployment.kubernetes.io/max-replicas': '4' } });
    const b = rs('b', 2, { created: newTimestamp, annotations: { 'deployment.kubernetes.io/desired-replicas': '4', 'deployment.kubernetes.io/max-replicas': '4' } });
    const actions = planProportionalScale(d, b, [a]);
    expect(actions).toEqual([
      {
        rs: 'a',
        from: 2,
        to: 2,
        operation: 'down',
        annotations: { 'deployment.kubernetes.io/desired-replicas': '4', 'deployment.kubernetes.io/max-replicas': '4' },
      },
    ]);
  });
});

describe('rolling update pieces (rolling_test.go)', () => {
  it.each([
    [10, 0, 10, 0, undefined],
    [10, 2, 10, 0, 2],
    [10, 2, 5, 0, 7],
    [10, 2, 10, 2, undefined],
    [10, 2, 2, 11, 10],
  ])('reconcileNewReplicaSet: %i replicas, surge %i, old %i, new %i → %s', (replicas, surge, oldR, newR, expected) => {
    const d = dep({ replicas, maxSurge: surge, maxUnavailable: 0 });
    const newRS = rs('foo-new', newR);
    const oldRS = rs('foo-old', oldR);
    const a = reconcileNewReplicaSet([newRS, oldRS], newRS, d);
    expect(a?.to).toBe(expected);
  });
  it.each([
    [10, 0, 10, 0, 10, 0, 9],
    [10, 2, 10, 0, 10, 0, 8],
    [10, 2, 10, 0, 8, 0, 8],
    [10, 2, 10, 0, 9, 0, 8],
    [10, 2, 8, 2, 8, 0, undefined],
  ])('reconcileOldReplicaSets: %i replicas, maxUnavailable %i, old %i, new %i, available old %i new %i → %s', (replicas, mu, oldR, newR, availOld, availNew, expected) => {
    const d = dep({ replicas, maxSurge: 0, maxUnavailable: mu });
    const newRS = rs('foo-new', newR, { available: availNew });
    const oldRS = rs('foo-old', oldR, { available: availOld });
    const actions = reconcileOldReplicaSets([oldRS, newRS], [oldRS], newRS, d);
    if (expected === undefined) expect(actions).toEqual([]);
    else expect(applyAll([oldRS], actions)[0]!.spec.replicas).toBe(expected);
  });
  it('cleanup then scale-down of the same RS gives two writes with two events', () => {
    const d = dep({ replicas: 10, maxSurge: 0, maxUnavailable: 2 });
    const newRS = rs('foo-new', 0);
    const oldRS = rs('foo-old', 10, { available: 9 });
    expect(reconcileOldReplicaSets([oldRS, newRS], [oldRS], newRS, d).map((a) => a.event)).toEqual([
      'Scaled down replica set foo-old to 9 from 10',
      'Scaled down replica set foo-old to 8 from 9',
    ]);
  });
  it.each([
    [10, 8, 1, 1],
    [10, 8, 3, 2],
    [10, 8, 0, 0],
    [10, 10, 3, 0],
  ])('cleanupUnhealthyReplicas: old %i, available %i, max %i → %i cleaned', (oldR, ready, max, expected) => {
    const d = dep({ replicas: 10, maxSurge: 2, maxUnavailable: 2 });
    expect(cleanupUnhealthyReplicas([rs('foo-v2', oldR, { available: ready })], d, max).cleanupCount).toBe(expected);
  });
  it('cleanupUnhealthyReplicas refuses while status shows more available than spec', () => {
    const d = dep({ replicas: 3, maxSurge: 1, maxUnavailable: 0 });
    const r = cleanupUnhealthyReplicas([rs('o', 2, { available: 3 })], d, 2);
    expect(r.error).toBe('when cleaning up unhealthy replicas, got invalid request to scale down default/o 2 -> 3');
    expect(r.scales).toEqual([]);
  });
  it.each([
    [10, 0, 10, 10, 9],
    [10, 2, 10, 10, 8],
    [10, 2, 8, 10, undefined],
    [10, 2, 10, 0, undefined],
    [10, 2, 1, 10, undefined],
  ])('scaleDownOldReplicaSetsForRollingUpdate: %i replicas, maxUnavailable %i, available %i, old %i → %s', (replicas, mu, ready, oldR, expected) => {
    const d = dep({ replicas, maxSurge: 0, maxUnavailable: mu });
    const oldRS = rs('foo-v2', oldR, { available: ready });
    const { scales } = scaleDownOldReplicaSetsForRollingUpdate([oldRS], [oldRS], d);
    if (expected === undefined) expect(scales).toEqual([]);
    else expect(scales.map((s) => s.to)).toEqual([expected]);
  });
  it('planRolling creates the new RS when there is none', () => {
    const d = dep({ replicas: 3, maxSurge: '25%', maxUnavailable: '25%', image: 'nginx:2' });
    const step = planRolling(d, undefined, [rs('foo-old', 3, { available: 3 })]);
    expect(step.kind).toBe('createNewRS');
    if (step.kind !== 'createNewRS') return;
    expect(step.replicas).toBe(1);
    expect(step.replicaSet.spec.replicas).toBe(1);
  });
});

/** A tiny world: pods appear with the RS spec, become available one tick later (unless broken), vanish at once. */
interface World {
  d: Deployment;
  rsList: ReplicaSet[];
  events: string[];
  now: number;
  broken?: Set<string>;
  deleted: string[];
}

function tick(w: World): void {
  w.rsList = w.rsList.map((r) => {
    const spec = r.spec.replicas!;
    const st = r.status ?? {};
    const available = w.broken?.has(r.metadata.name!) ? 0 : Math.min(st.replicas ?? 0, spec);
    return { ...r, status: { ...st, replicas: spec, readyReplicas: available, availableReplicas: available, observedGeneration: r.metadata.generation ?? 0 } };
  });
  w.now += 1000;
}

let uidSeq = 0;

/** One syncDeployment for a RollingUpdate/Recreate deployment that is neither paused nor scaled. */
function sync(w: World, pods: Pod[] = []): Step {
  const view = splitReplicaSets(w.d, w.rsList);
  let newRS = view.newRS;
  const decision = getNewReplicaSet(w.d, view, w.now);
  if (decision.kind === 'existing' && decision.rsUpdate) {
    const u = decision.rsUpdate;
    newRS = { ...decision.rs, metadata: { ...decision.rs.metadata, annotations: u.annotations }, spec: { ...decision.rs.spec, minReadySeconds: u.minReadySeconds } };
    w.rsList = w.rsList.map((r) => (r.metadata.name === newRS!.metadata.name ? newRS! : r));
  } else if (decision.kind === 'existing') {
    if (decision.deploymentRevision) w.d = { ...w.d, metadata: { ...w.d.metadata, annotations: { ...w.d.metadata.annotations, 'deployment.kubernetes.io/revision': decision.deploymentRevision } } };
    if (decision.progressingCondition) w.d = { ...w.d, status: setDeploymentCondition(w.d.status ?? {}, decision.progressingCondition) };
  }
  const recreate = w.d.spec.strategy?.type === 'Recreate';
  const plan = (): Step =>
    recreate ? planRecreate(w.d, newRS, view.allOldRSs, oldPodsRunning(newRS, view.allOldRSs, pods)) : planRolling(w.d, newRS, view.allOldRSs);
  let step = plan();
  if (step.kind === 'createNewRS') {
    const created: ReplicaSet = {
      ...step.replicaSet,
      metadata: { ...step.replicaSet.metadata, uid: `uid-${++uidSeq}`, creationTimestamp: iso(w.now), generation: 1 },
      status: { replicas: 0 },
    };
    w.rsList = [...w.rsList, created];
    newRS = created;
    const tail = newReplicaSetCreated(w.d, created, getNewReplicaSet(w.d, view, w.now).kind === 'missing' ? nextRevision(view.allOldRSs) : '', false, w.now);
    if (tail.event) w.events.push(tail.event);
    let status = w.d.status ?? {};
    if (tail.progressingCondition) status = setDeploymentCondition(status, tail.progressingCondition);
    w.d = {
      ...w.d,
      metadata: { ...w.d.metadata, annotations: { ...w.d.metadata.annotations, 'deployment.kubernetes.io/revision': tail.deploymentRevision ?? '' } },
      status,
    };
    step = plan();
  }
  if (step.kind === 'scale') {
    w.rsList = applyAll(w.rsList, step.scales);
    for (const s of step.scales) if (s.event) w.events.push(s.event);
  }
  if ((step.kind === 'scale' || step.kind === 'none') && step.cleanup) {
    const gone = cleanupCandidates(w.d, view.allOldRSs);
    w.deleted.push(...gone);
    w.rsList = w.rsList.filter((r) => !gone.includes(r.metadata.name!));
  }
  const current = splitReplicaSets(w.d, w.rsList);
  const all = [...current.allOldRSs, ...(current.newRS ? [current.newRS] : [])];
  const result = syncRolloutStatus(w.d, all, current.newRS, w.now);
  w.d = { ...w.d, status: result.status };
  return step;
}

function world(d: Deployment, rsList: ReplicaSet[]): World {
  return { d, rsList, events: [], now: T0 + 3_600_000, deleted: [] };
}

function oldRS(replicas: number, image = 'nginx:1'): ReplicaSet {
  const base = dep({ image }).spec.template!;
  const r = rs('foo-old', replicas, { created: T0, available: replicas, annotations: { 'deployment.kubernetes.io/revision': '1' }, generation: 1, observedGeneration: 1 });
  r.spec.template = { ...structuredClone(base), metadata: { labels: { app: 'foo', 'pod-template-hash': 'old' } } };
  return withReplicasAnnotations(r, replicas, replicas);
}

describe('rolling update, one step per reconcile (SEMANTICS A1 example)', () => {
  it('3 replicas, 25%/25%: new→1, old→2, new→2, old→1, new→3, old→0', () => {
    const d = dep({ replicas: 3, maxSurge: '25%', maxUnavailable: '25%', image: 'nginx:2', status: { observedGeneration: 1 } });
    const w = world(d, [withReplicasAnnotations(oldRS(3), 3, 4)]);
    for (let i = 0; i < 20 && !deploymentComplete(w.d, w.d.status); i++) {
      sync(w);
      tick(w);
    }
    sync(w);
    const n = splitReplicaSets(w.d, w.rsList).newRS!.metadata.name!;
    expect(n).toMatch(/^foo-[456789bcdf]+$/);
    expect(w.events).toEqual([
      `Scaled up replica set ${n} to 1`,
      'Scaled down replica set foo-old to 2 from 3',
      `Scaled up replica set ${n} to 2 from 1`,
      'Scaled down replica set foo-old to 1 from 2',
      `Scaled up replica set ${n} to 3 from 2`,
      'Scaled down replica set foo-old to 0 from 1',
    ]);
    expect(w.d.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    const progressing = w.d.status!.conditions!.find((c) => c.type === 'Progressing')!;
    expect(progressing).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${n}" has successfully progressed.` });
    expect(w.d.status!.conditions!.find((c) => c.type === 'Available')).toMatchObject({
      status: 'True',
      reason: 'MinimumReplicasAvailable',
      message: 'Deployment has minimum availability.',
    });
    expect(w.d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(w.d.status!.unavailableReplicas).toBeUndefined();
  });

  it.each([
    ['25%', '25%', 6],
    [1, 0, 6],
    [0, 1, 6],
    ['50%', '50%', 6],
    [2, 3, 10],
  ] as const)('invariants with surge %s / unavailable %s on %i replicas: ≤ replicas+surge asked, ≥ replicas−unavailable available', (s, u, replicas) => {
    const d = dep({ replicas, maxSurge: s, maxUnavailable: u, image: 'nginx:2', status: { observedGeneration: 1 } });
    const w = world(d, [oldRS(replicas)]);
    const { surge, unavailable } = resolveFenceposts(s, u, replicas);
    let syncs = 0;
    while (!deploymentComplete(w.d, w.d.status) && syncs < 100) {
      sync(w);
      syncs++;
      expect(w.rsList.reduce((n, r) => n + r.spec.replicas!, 0)).toBeLessThanOrEqual(replicas + surge);
      tick(w);
      expect(w.rsList.reduce((n, r) => n + (r.status?.availableReplicas ?? 0), 0)).toBeGreaterThanOrEqual(replicas - unavailable);
    }
    expect(deploymentComplete(w.d, w.d.status)).toBe(true);
    // Each write is one step: one scale event per sync at most, apart from cleanup+scale-down pairs.
    expect(w.events.length).toBeGreaterThan(1);
  });

  it('a broken new version stalls within maxUnavailable and times out at the progress deadline', () => {
    const d = dep({ replicas: 6, maxSurge: '25%', maxUnavailable: '25%', image: 'broken', status: { observedGeneration: 1 } });
    const w = world(d, [oldRS(6)]);
    w.broken = new Set();
    for (let i = 0; i < 10; i++) {
      sync(w);
      const n = splitReplicaSets(w.d, w.rsList).newRS?.metadata.name;
      if (n) w.broken.add(n);
      tick(w);
    }
    const view = splitReplicaSets(w.d, w.rsList);
    expect(view.newRS!.spec.replicas).toBe(3);
    expect(view.oldRSs.map((r) => r.spec.replicas)).toEqual([5]);
    expect(w.d.status!.availableReplicas).toBe(5);
    const cond = () => w.d.status!.conditions!.find((c) => c.type === 'Progressing')!;
    expect(cond()).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    const lastUpdate = Date.parse(cond().lastUpdateTime!);
    const r = syncRolloutStatus(w.d, w.rsList, view.newRS, w.now);
    expect(r.changed).toBe(false);
    expect(r.requeueAt).toBe(lastUpdate + 600_000 + 1000);
    w.now = lastUpdate + 600_000;
    sync(w);
    expect(cond().reason).toBe('ReplicaSetUpdated');
    w.now = lastUpdate + 601_000;
    sync(w);
    expect(cond()).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded', message: `ReplicaSet "${view.newRS!.metadata.name}" has timed out progressing.` });
    expect(w.d.status!.conditions!.find((c) => c.type === 'Available')!.status).toBe('True');
    expect(syncRolloutStatus(w.d, w.rsList, view.newRS, w.now).requeueAt).toBeUndefined();
  });

  it('revisionHistoryLimit 0 deletes the old RS once the rollout is complete', () => {
    const d = dep({ replicas: 2, maxSurge: 1, maxUnavailable: 0, image: 'nginx:2', revisionHistoryLimit: 0, status: { observedGeneration: 1 } });
    const w = world(d, [oldRS(2)]);
    for (let i = 0; i < 20 && w.deleted.length === 0; i++) {
      sync(w);
      tick(w);
    }
    expect(w.deleted).toEqual(['foo-old']);
  });
});

describe('Recreate (recreate.go)', () => {
  it('scales old to 0, waits for old pods, then creates the new RS at full size', () => {
    const d = dep({ replicas: 3, type: 'Recreate', image: 'nginx:2', status: { observedGeneration: 1 } });
    const w = world(d, [oldRS(3)]);
    const oldPod = {
      metadata: { name: 'p', ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'foo-old', uid: 'uid-foo-old', controller: true }] },
      spec: { containers: [] },
      status: { phase: 'Running' },
    } as Pod;
    expect(sync(w, [oldPod]).kind).toBe('scale');
    expect(w.events).toEqual(['Scaled down replica set foo-old to 0 from 3']);
    expect(sync(w, [oldPod]).kind).toBe('wait'); // status.replicas still 3
    tick(w);
    expect(sync(w, [{ ...oldPod, metadata: { ...oldPod.metadata, deletionTimestamp: iso(w.now) } }]).kind).toBe('wait'); // Terminating still counts
    expect(sync(w, [{ ...oldPod, status: { phase: 'Succeeded' } }]).kind).toBe('none');
    const n = splitReplicaSets(w.d, w.rsList).newRS!;
    expect(n.spec.replicas).toBe(3);
    expect(w.events[1]).toBe(`Scaled up replica set ${n.metadata.name} to 3`);
  });
  it('an existing new RS is brought to replicas in one step', () => {
    const d = dep({ replicas: 3, type: 'Recreate' });
    const newRS = rs('n', 1);
    const step = planRecreate(d, newRS, [rs('o', 0)], false);
    expect(step).toMatchObject({ kind: 'scale', scales: [{ rs: 'n', from: 1, to: 3, event: 'Scaled up replica set n to 3 from 1' }] });
  });
  it('oldPodsRunning ignores the new RS pods and terminal pods', () => {
    const own = (uid: string, phase?: string): Pod =>
      ({ metadata: { name: uid, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: uid, uid, controller: true }] }, spec: { containers: [] }, status: phase ? { phase } : {} }) as Pod;
    const o = rs('o', 0, { uid: 'o', statusReplicas: 0 });
    const n = rs('n', 3, { uid: 'n' });
    expect(oldPodsRunning(n, [o], [own('n', 'Running')])).toBe(false);
    expect(oldPodsRunning(n, [o], [own('o', 'Failed'), own('o', 'Succeeded')])).toBe(false);
    expect(oldPodsRunning(n, [o], [own('o', 'Unknown')])).toBe(true);
    expect(oldPodsRunning(n, [o], [own('o')])).toBe(true);
    expect(oldPodsRunning(n, [rs('o', 0, { uid: 'o', statusReplicas: 1 })], [])).toBe(true);
  });
});

describe('new ReplicaSet, revisions and rollback', () => {
  it('newReplicaSet builds name, labels, selector, owner, annotations and size', () => {
    const d = dep({ replicas: 4, maxSurge: 1, maxUnavailable: 1, minReadySeconds: 5, annotations: { 'kubernetes.io/change-cause': 'create' } });
    const hash = computeHash(d.spec.template);
    const r = newReplicaSet(d, [rs('foo-old', 4, { annotations: { 'deployment.kubernetes.io/revision': '7' } })]);
    expect(r).toEqual({
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `foo-${hash}`,
        namespace: 'default',
        labels: { app: 'foo', 'pod-template-hash': hash },
        annotations: {
          'kubernetes.io/change-cause': 'create',
          'deployment.kubernetes.io/revision': '8',
          'deployment.kubernetes.io/desired-replicas': '4',
          'deployment.kubernetes.io/max-replicas': '5',
        },
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'foo', uid: 'd-uid', controller: true, blockOwnerDeletion: true }],
      },
      spec: {
        replicas: 1,
        minReadySeconds: 5,
        selector: { matchLabels: { app: 'foo', 'pod-template-hash': hash } },
        template: { metadata: { labels: { app: 'foo', 'pod-template-hash': hash } }, spec: d.spec.template!.spec },
      },
    });
    expect(d.spec.template!.metadata!.labels).toEqual({ app: 'foo' });
    expect(newReplicaSet({ ...d, status: { collisionCount: 1 } }, []).metadata.name).not.toBe(`foo-${hash}`);
  });
  it('newReplicaSetCreated: event only for n > 0, NewReplicaSetCreated only with a deadline and a fresh create', () => {
    const d = dep();
    expect(newReplicaSetCreated(d, rs('foo-x', 2), '3', false, T0)).toEqual({
      event: 'Scaled up replica set foo-x to 2',
      deploymentRevision: '3',
      progressingCondition: {
        type: 'Progressing',
        status: 'True',
        lastUpdateTime: iso(T0),
        lastTransitionTime: iso(T0),
        reason: 'NewReplicaSetCreated',
        message: 'Created new replica set "foo-x"',
      },
    });
    expect(newReplicaSetCreated(d, rs('foo-x', 0), '3', false, T0).event).toBeUndefined();
    expect(newReplicaSetCreated(d, rs('foo-x', 2), '3', true, T0)).toEqual({ deploymentRevision: '3' });
    expect(newReplicaSetCreated(dep({ progressDeadlineSeconds: null }), rs('foo-x', 2), '3', false, T0).progressingCondition).toBeUndefined();
  });
  it('resolveCreateConflict: adopt our own equal RS, else count a collision', () => {
    const d = dep({ status: { collisionCount: 2 } });
    const mine = { ...rs('x', 1), spec: { ...rs('x', 1).spec, template: { ...structuredClone(d.spec.template!), metadata: { labels: { app: 'foo', 'pod-template-hash': 'h' } } } } };
    expect(resolveCreateConflict(d, mine)).toEqual({ kind: 'adopt' });
    expect(resolveCreateConflict(d, rs('x', 1))).toEqual({ kind: 'collision', collisionCount: 3 });
    const foreign = { ...mine, metadata: { ...mine.metadata, ownerReferences: [] } };
    expect(resolveCreateConflict(dep(), foreign)).toEqual({ kind: 'collision', collisionCount: 1 });
  });
  it('replicaSetCreateError: Warning event text and Progressing False', () => {
    expect(replicaSetCreateError(dep(), 'foo-x', 'quota exceeded', T0)).toEqual({
      event: 'Failed to create new replica set "foo-x": quota exceeded',
      progressingCondition: newDeploymentCondition('Progressing', 'False', 'ReplicaSetCreateError', 'Failed to create new replica set "foo-x": quota exceeded', T0),
    });
  });
  it('getNewReplicaSet on an existing RS: revision and FoundNewReplicaSet', () => {
    const d = dep({ status: {} });
    const newRS = { ...rs('n', 1, { annotations: { 'deployment.kubernetes.io/revision': '2' } }), spec: { ...rs('n', 1).spec, template: structuredClone(d.spec.template!) } };
    const view = { newRS, oldRSs: [], allOldRSs: [rs('o', 0, { annotations: { 'deployment.kubernetes.io/revision': '1' } })] };
    expect(getNewReplicaSet(d, view, T0)).toEqual({
      kind: 'existing',
      rs: newRS,
      deploymentRevision: '2',
      progressingCondition: newDeploymentCondition('Progressing', 'True', 'FoundNewReplicaSet', 'Found new replica set "n"', T0),
    });
    const d2 = dep({ minReadySeconds: 3 });
    expect(getNewReplicaSet(d2, view, T0)).toMatchObject({ kind: 'existing', rsUpdate: { minReadySeconds: 3 } });
    expect(getNewReplicaSet(d, { oldRSs: [], allOldRSs: view.allOldRSs }, T0)).toEqual({ kind: 'missing', revision: '2' });
  });
  it('undo: history 1,2,3 → undo to 1 reuses RS 1 as revision 4, then undo to 2 gives 5 (history 3,4,5)', () => {
    const templ = (image: string) => dep({ image }).spec.template!;
    const mk = (name: string, rev: string, image: string, replicas: number, created: number): ReplicaSet => ({
      ...rs(name, replicas, { created, annotations: { 'deployment.kubernetes.io/revision': rev } }),
      spec: { ...rs(name, replicas).spec, template: { ...templ(image), metadata: { labels: { app: 'foo', 'pod-template-hash': name } } } },
    });
    let list = [mk('v1', '1', 'nginx:1', 0, T0), mk('v2', '2', 'nginx:2', 0, T0 + 1000), mk('v3', '3', 'nginx:3', 3, T0 + 2000)];
    const undoTo = (image: string) => {
      const d = dep({ replicas: 3, image });
      const view = splitReplicaSets(d, list);
      const dec = getNewReplicaSet(d, view, T0);
      expect(dec.kind).toBe('existing');
      if (dec.kind !== 'existing') return;
      expect(dec.rsUpdate).toBeDefined();
      list = list.map((r) => (r.metadata.name === dec.rs.metadata.name ? { ...r, metadata: { ...r.metadata, annotations: dec.rsUpdate!.annotations } } : r));
      return dec.rs.metadata.name;
    };
    expect(undoTo('nginx:1')).toBe('v1');
    const rev = (n: string) => list.find((r) => r.metadata.name === n)!.metadata.annotations!;
    expect(rev('v1')['deployment.kubernetes.io/revision']).toBe('4');
    expect(rev('v1')['deployment.kubernetes.io/revision-history']).toBe('1');
    expect(undoTo('nginx:2')).toBe('v2');
    expect(rev('v2')['deployment.kubernetes.io/revision']).toBe('5');
    expect(rev('v2')['deployment.kubernetes.io/revision-history']).toBe('2');
    expect(list.map((r) => r.metadata.annotations!['deployment.kubernetes.io/revision']).sort()).toEqual(['3', '4', '5']);
  });
});

describe('cleanupCandidates (TestDeploymentController_cleanupDeployment / …Order)', () => {
  const withStatus = (name: string, spec: number, status: number, o: RsOpts = {}) => rs(name, spec, { statusReplicas: status, ...o });
  it.each([
    ['limit 1 of 3 idle', [withStatus('foo-1', 0, 0), withStatus('foo-2', 0, 0), withStatus('foo-3', 0, 0)], 1, 2],
    ['only spec = status = 0 go', [withStatus('foo-1', 0, 0), withStatus('foo-2', 0, 1), withStatus('foo-3', 1, 0), withStatus('foo-4', 1, 1)], 0, 1],
    ['limit 0', [withStatus('foo-1', 0, 0), withStatus('foo-2', 0, 0)], 0, 2],
    ['all busy', [withStatus('foo-1', 1, 1), withStatus('foo-2', 1, 1)], 0, 0],
    ['already being deleted', [withStatus('foo-1', 0, 0, { deleting: true })], 0, 0],
    ['unlimited', [withStatus('foo-1', 0, 0), withStatus('foo-2', 0, 0), withStatus('foo-3', 0, 0)], 2147483647, 0],
    ['unobserved generation kept', [withStatus('foo-1', 0, 0, { generation: 2, observedGeneration: 1 })], 0, 0],
  ] as const)('%s', (_n, old, limit, deletions) => {
    expect(cleanupCandidates(dep({ revisionHistoryLimit: limit }), [...old]).length).toBe(deletions);
  });
  const now = T0;
  const m = 60_000;
  const r = (name: string, replicas: number, created: number, revision: string) =>
    rs(name, replicas, { created, annotations: revision ? { 'deployment.kubernetes.io/revision': revision } : {} });
  it.each([
    ['rs1 < rs2, delete rs1', [r('foo-1', 0, now - m, '1'), r('foo-2', 0, now, '2')], 1, ['foo-1']],
    ['rs2 < rs1, delete rs2', [r('foo-1', 0, now - m, '2'), r('foo-2', 0, now, '1')], 1, ['foo-2']],
    ['rs2 has no revision, delete rs2', [r('foo-1', 0, now - m, '1'), r('foo-2', 0, now, '')], 1, ['foo-2']],
    ['rs1 has no revision, delete rs1', [r('foo-1', 0, now - m, ''), r('foo-2', 0, now, '2')], 1, ['foo-1']],
    ['rs1 has replicas, delete rs2', [r('foo-1', 1, now - m, '1'), r('foo-2', 0, now, '2'), r('foo-3', 0, now + m, '3')], 1, ['foo-2']],
    ['rs1 and rs2 have replicas, nothing', [r('foo-1', 1, now - m, '1'), r('foo-2', 1, now, '2'), r('foo-3', 0, now + m, '3')], 1, []],
    [
      'rs2 < rs4 < rs1 < rs3, delete rs2 and rs4',
      [r('foo-1', 0, now - m, '3'), r('foo-2', 0, now, '1'), r('foo-3', 0, now + m, '4'), r('foo-4', 0, now + 2 * m, '2')],
      2,
      ['foo-2', 'foo-4'],
    ],
  ] as const)('order: %s', (_n, old, limit, expected) => {
    expect(cleanupCandidates(dep({ revisionHistoryLimit: limit }), [...old])).toEqual([...expected]);
  });
});

describe('deployment status (sync.go calculateStatus, progress.go syncRolloutStatus)', () => {
  it('calculateStatus counts and the Available condition', () => {
    const d = dep({ replicas: 10, maxSurge: '25%', maxUnavailable: '25%', generation: 3 });
    const s = calculateStatus(d, [rs('old', 8, { available: 8, ready: 8 }), rs('new', 3, { statusReplicas: 3, available: 1, ready: 2 })], rs('new', 3, { statusReplicas: 3 }), T0);
    expect(s).toEqual({
      observedGeneration: 3,
      replicas: 11,
      updatedReplicas: 3,
      readyReplicas: 10,
      availableReplicas: 9,
      unavailableReplicas: 2,
      conditions: [newDeploymentCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', T0)],
    });
    const low = calculateStatus(d, [rs('old', 10, { available: 7 })], undefined, T0);
    expect(low.conditions).toEqual([newDeploymentCondition('Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', T0)]);
    expect(calculateStatus(dep({ replicas: 2, type: 'Recreate' }), [rs('n', 2, { available: 1 })], undefined, T0).conditions![0]!.status).toBe('False');
  });
  it('terminatingReplicas and collisionCount pass through; zero counters are omitted', () => {
    const d = dep({ replicas: 0, status: { collisionCount: 1 } });
    expect(calculateStatus(d, [rs('a', 0, { terminating: 2, statusReplicas: 0 })], undefined, T0)).toEqual({
      observedGeneration: 1,
      terminatingReplicas: 2,
      conditions: [newDeploymentCondition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', T0)],
      collisionCount: 1,
    });
  });
  it('keeps the times of an unchanged condition and reports no change', () => {
    const d = dep({ replicas: 1 });
    const all = [rs('n', 1, { available: 1 })];
    const first = syncRolloutStatus(d, all, all[0], T0);
    const d2 = { ...d, status: first.status };
    const second = syncRolloutStatus(d2, all, all[0], T0 + 5000);
    expect(second.changed).toBe(false);
    expect(second.status).toEqual(first.status);
  });
  it('progress refreshes lastUpdateTime and keeps lastTransitionTime', () => {
    const t1 = T0 + 10_000;
    const d = dep({
      replicas: 3,
      status: {
        observedGeneration: 1,
        replicas: 4,
        updatedReplicas: 1,
        conditions: [{ type: 'Progressing', status: 'True', lastUpdateTime: iso(T0), lastTransitionTime: iso(T0), reason: 'NewReplicaSetCreated', message: 'Created new replica set "n"' }],
      },
    });
    const n = rs('n', 2, { statusReplicas: 2, available: 1 });
    const r = syncRolloutStatus(d, [rs('o', 2, { available: 2 }), n], n, t1);
    expect(r.changed).toBe(true);
    expect(r.status.conditions!.find((c) => c.type === 'Progressing')).toEqual({
      type: 'Progressing',
      status: 'True',
      lastUpdateTime: iso(t1),
      lastTransitionTime: iso(T0),
      reason: 'ReplicaSetUpdated',
      message: 'ReplicaSet "n" is progressing.',
    });
    expect(r.requeueAt).toBe(t1 + 601_000);
  });
  it('no progress estimation once complete (NewReplicaSetAvailable stays while availability drops)', () => {
    const d = dep({
      replicas: 2,
      status: {
        observedGeneration: 1,
        replicas: 2,
        updatedReplicas: 2,
        availableReplicas: 2,
        conditions: [{ type: 'Progressing', status: 'True', lastUpdateTime: iso(T0), lastTransitionTime: iso(T0), reason: 'NewReplicaSetAvailable', message: 'x' }],
      },
    });
    const n = rs('n', 2, { available: 0 });
    const r = syncRolloutStatus(d, [n], n, T0 + 10_000_000);
    expect(r.status.conditions!.find((c) => c.type === 'Progressing')!.reason).toBe('NewReplicaSetAvailable');
    expect(r.requeueAt).toBeUndefined();
  });
  it('without a progress deadline the Progressing condition is removed', () => {
    const d = dep({ progressDeadlineSeconds: null, status: { conditions: [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' }] } });
    const r = syncRolloutStatus(d, [rs('n', 1, { available: 1 })], undefined, T0);
    expect(r.status.conditions!.map((c) => c.type)).toEqual(['Available']);
    expect(r.requeueAt).toBeUndefined();
  });
  it('messages name the deployment when there is no new RS', () => {
    const d = dep({ replicas: 1, status: { observedGeneration: 1 } });
    const r = syncRolloutStatus(d, [rs('o', 1, { available: 1 })], undefined, T0);
    expect(r.status.conditions!.find((c) => c.type === 'Progressing')).toMatchObject({ reason: 'ReplicaSetUpdated', message: 'Deployment "foo" is progressing.' });
  });
  it('ReplicaFailure is copied from the new RS first, removed when gone', () => {
    const fail = (msg: string) => [{ type: 'ReplicaFailure', status: 'True' as const, lastTransitionTime: iso(T0), reason: 'FailedCreate', message: msg }];
    const n = rs('n', 1, { conditions: fail('new') });
    const o = rs('o', 1, { conditions: fail('old') });
    const d = dep();
    expect(getReplicaFailures([o, n], n).map((c) => c.message)).toEqual(['new']);
    expect(getReplicaFailures([o, rs('n', 1)], rs('n', 1)).map((c) => c.message)).toEqual(['old']);
    const r = syncRolloutStatus(d, [o, n], n, T0 + 5000);
    expect(r.status.conditions!.find((c) => c.type === 'ReplicaFailure')).toEqual({
      type: 'ReplicaFailure',
      status: 'True',
      lastUpdateTime: iso(T0),
      lastTransitionTime: iso(T0),
      reason: 'FailedCreate',
      message: 'new',
    });
    const cleared = syncRolloutStatus({ ...d, status: r.status }, [rs('n', 1)], rs('n', 1), T0 + 6000);
    expect(cleared.status.conditions!.some((c) => c.type === 'ReplicaFailure')).toBe(false);
  });
  it('syncDeploymentStatus (paused, scaling) leaves Progressing alone', () => {
    const cond = { type: 'Progressing', status: 'Unknown' as const, lastUpdateTime: iso(T0), lastTransitionTime: iso(T0), reason: 'DeploymentPaused', message: 'Deployment is paused' };
    const d = dep({ paused: true, status: { conditions: [cond] } });
    const r = syncDeploymentStatus(d, [rs('n', 1, { available: 1 })], undefined, T0 + 9_999_999);
    expect(r.status.conditions![0]).toEqual(cond);
    expect(r.requeueAt).toBeUndefined();
  });
  it('checkPausedConditions', () => {
    expect(checkPausedConditions(dep({ paused: true }), T0)).toEqual({
      conditions: [newDeploymentCondition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', T0)],
    });
    const paused = dep({ status: { conditions: [newDeploymentCondition('Progressing', 'Unknown', 'DeploymentPaused', 'Deployment is paused', T0)] } });
    expect(checkPausedConditions(paused, T0 + 1000)).toEqual({
      conditions: [{ ...newDeploymentCondition('Progressing', 'Unknown', 'DeploymentResumed', 'Deployment is resumed', T0 + 1000), lastTransitionTime: iso(T0) }],
    });
    expect(checkPausedConditions({ ...paused, spec: { ...paused.spec, paused: true } }, T0)).toBeUndefined();
    const timedOut = dep({ paused: true, status: { conditions: [newDeploymentCondition('Progressing', 'False', 'ProgressDeadlineExceeded', 'x', T0)] } });
    expect(checkPausedConditions(timedOut, T0)).toBeUndefined();
    expect(checkPausedConditions(dep({ paused: true, progressDeadlineSeconds: null }), T0)).toBeUndefined();
  });
  it('setDeploymentCondition / removeDeploymentCondition (TestSetCondition, TestRemoveCondition)', () => {
    const prog = { type: 'Progressing', status: 'False' as const, reason: 'ForSomeReason' };
    const prog2 = { type: 'Progressing', status: 'True' as const, reason: 'BecauseItIs' };
    const avail = { type: 'Available', status: 'True' as const, reason: 'AwesomeController' };
    expect(setDeploymentCondition({}, avail)).toEqual({ conditions: [avail] });
    expect(setDeploymentCondition({ conditions: [prog] }, avail)).toEqual({ conditions: [prog, avail] });
    expect(setDeploymentCondition({ conditions: [prog] }, prog2)).toEqual({ conditions: [prog2] });
    expect(removeDeploymentCondition({}, 'Progressing')).toEqual({});
    expect(removeDeploymentCondition({ conditions: [prog] }, 'Progressing')).toEqual({});
    expect(removeDeploymentCondition({ conditions: [prog, avail] }, 'ReplicaFailure')).toEqual({ conditions: [prog, avail] });
    expect(getDeploymentCondition({ conditions: [prog, avail] }, 'ReplicaFailure')).toBeUndefined();
  });
  it('progressRequeueAt never points to the past', () => {
    const d = dep({ status: { conditions: [{ type: 'Progressing', status: 'True', lastUpdateTime: iso(T0), reason: 'ReplicaSetUpdated' }] } });
    expect(progressRequeueAt(d, d.status!, T0 + 10_000_000)).toBe(T0 + 10_000_000);
  });
  it('isSelectingAll', () => {
    const d = dep();
    expect(isSelectingAll(d)).toBe(false);
    expect(isSelectingAll({ ...d, spec: { ...d.spec, selector: {} } })).toBe(true);
    expect(isSelectingAll({ ...d, spec: { ...d.spec, selector: { matchLabels: {} } } })).toBe(true);
  });
});
