// Rollout arithmetic: fenceposts, proportions, revisions, annotations, predicates and the
// pod-template-hash, table-driven with the cases of SEMANTICS.md A1 and of Kubernetes'
// deployment_util_test.go / controller_utils_test.go.
import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet, IntOrString } from '../../src/controllers/deployment/types.js';
import {
  deploymentAnnotationsForRollback,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  filterActiveReplicaSets,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  getActualReplicaCountForReplicaSets,
  getProportion,
  getReplicaCountForReplicaSets,
  getReplicaSetFraction,
  getScaledValueFromIntOrPercent,
  getTerminatingReplicaCountForReplicaSets,
  hasProgressDeadline,
  hasRevisionHistoryLimit,
  isSaturated,
  isScalingEvent,
  lastRevision,
  maxRevision,
  maxSurge,
  maxUnavailable,
  minAvailable,
  newRSNewReplicas,
  nextRevision,
  nonNegativeInt32Annotation,
  replicasAnnotations,
  replicasAnnotationsNeedUpdate,
  resolveFenceposts,
  roundToInt32,
  setNewReplicaSetAnnotations,
  sortByCreationTimestamp,
  sortBySizeNewer,
  sortBySizeOlder,
} from '../../src/controllers/deployment/rollout-math.js';
import { computeHash, fnv32a, safeEncodeString } from '../../src/controllers/deployment/hash.js';

import { T0, iso, type DepOpts, dep, type RsOpts, rs, withReplicasAnnotations } from './fixtures/rollout.js';
import { equalIgnoreHash, revisionOf } from '../../src/api/deployment-util.js';

// ---------------------------------------------------------------------------------------------

describe('getScaledValueFromIntOrPercent', () => {
  it.each([
    [5, 10, true, 5],
    ['25%', 10, true, 3],
    ['25%', 10, false, 2],
    ['39%', 10, true, 4],
    ['39%', 10, false, 3],
    ['1%', 2, true, 1],
    ['1%', 2, false, 0],
    ['100%', 7, false, 7],
  ] as const)('%s of %i (roundUp %s) = %i', (v, total, up, want) => {
    expect(getScaledValueFromIntOrPercent(v, total, up)).toBe(want);
  });
  it('rejects what is neither an int nor a percentage', () => {
    expect(() => getScaledValueFromIntOrPercent('oops', 10, true)).toThrow('invalid value for IntOrString: invalid type: string is not a percentage');
    expect(() => getScaledValueFromIntOrPercent('x%', 10, true)).toThrow('invalid value for IntOrString: invalid value "x%"');
    expect(() => getScaledValueFromIntOrPercent(null, 10, true)).toThrow('nil value for IntOrString');
  });
});

describe('resolveFenceposts (deployment_util_test.go TestResolveFenceposts + SEMANTICS A1)', () => {
  it.each([
    ['0%', '0%', 0, 0, 1],
    ['39%', '39%', 10, 4, 3],
    [undefined, '39%', 10, 0, 3],
    ['39%', undefined, 10, 4, 0],
    [undefined, undefined, 10, 0, 1],
    // SEMANTICS: 3 replicas → 1/0 (3..4 pods); 4 → 1/1 (3..5); 10 → 3/2.
    ['25%', '25%', 3, 1, 0],
    ['25%', '25%', 4, 1, 1],
    ['25%', '25%', 10, 3, 2],
    // both resolve to 0 → unavailable 1
    ['1%', 0, 2, 1, 0],
    [0, '1%', 2, 0, 1],
    [0, '10%', 1, 0, 1],
  ] as const)('surge %s unavailable %s of %i → %i/%i', (s, u, desired, surge, unavailable) => {
    expect(resolveFenceposts(s, u, desired)).toEqual({ surge, unavailable });
  });
  it.each([
    ['oops', '39%'],
    ['55%', 'urg'],
  ])('errors on %s / %s', (s, u) => {
    expect(() => resolveFenceposts(s, u, 10)).toThrow();
  });
});

describe('maxUnavailable / maxSurge / minAvailable (TestMaxUnavailable, TestMinAvailable)', () => {
  const d = (replicas: number, mu: number | string) => dep({ replicas, maxSurge: 1, maxUnavailable: mu });
  it.each([
    [10, 5, 5, 5],
    [10, 10, 10, 0],
    [5, 10, 5, 0],
    [0, 10, 0, 0],
    [10, '50%', 5, 5],
    [10, '60%', 6, 4],
    [10, '100%', 10, 0],
    [5, '100%', 5, 0],
  ] as const)('%i replicas, maxUnavailable %s → %i (minAvailable %i)', (replicas, mu, want, minAvail) => {
    expect(maxUnavailable(d(replicas, mu))).toBe(want);
    expect(minAvailable(d(replicas, mu))).toBe(minAvail);
  });
  it('is 0 for Recreate, and surge too', () => {
    const r = dep({ replicas: 10, type: 'Recreate' });
    expect(maxUnavailable(r)).toBe(0);
    expect(maxSurge(r)).toBe(0);
    expect(minAvailable(r)).toBe(0);
  });
  it('surge of the default 25% on 10 replicas is 3, a bad value counts as 0', () => {
    expect(maxSurge(dep({ replicas: 10, maxSurge: '25%', maxUnavailable: '25%' }))).toBe(3);
    expect(maxSurge(dep({ replicas: 10, maxSurge: 'bad', maxUnavailable: '25%' }))).toBe(0);
  });
});

describe('newRSNewReplicas (TestNewRSNewReplicas, TestDeploymentController_reconcileNewReplicaSet)', () => {
  it.each([
    ['can not scale up - to newRSReplicas', 'RollingUpdate', 1, 5, 1, 5],
    ['scale up - to depReplicas', 'RollingUpdate', 6, 2, 10, 6],
    ['recreate - to depReplicas', 'Recreate', 3, 1, 1, 3],
  ] as const)('%s', (_n, type, depReplicas, newRSReplicas, surge, expected) => {
    const d = dep({ replicas: depReplicas, type, maxSurge: surge, maxUnavailable: 1 });
    if (type === 'Recreate') d.spec.strategy = { type: 'Recreate', rollingUpdate: { maxUnavailable: 1, maxSurge: surge } };
    const rs5 = rs('rs5', 5);
    const newRC = rs('new', newRSReplicas);
    expect(newRSNewReplicas(d, [rs5], newRC)).toBe(expected);
  });
  it('throws for an unknown strategy type', () => {
    const d = dep();
    d.spec.strategy = { type: 'Blue' };
    expect(() => newRSNewReplicas(d, [], rs('x', 0))).toThrow("deployment type Blue isn't supported");
  });
});

describe('getReplicaSetFraction (TestGetReplicaSetFraction)', () => {
  it.each([
    ['empty deployment always scales to 0', 0, 0, 0, 10, undefined, -10],
    ['missing max-replicas annotation, no status → no scaling', 10, 0, 0, 5, undefined, 0],
    ['max-replicas 0, no status → no scaling', 10, 0, 0, 5, '0', 0],
    ['missing annotation falls back to status.replicas', 120, 100, 0, 50, undefined, 10],
    ['annotation 0 falls back to status.replicas', 120, 100, 0, 50, '0', 10],
    ['scale up by 1/5', 120, 0, 0, 50, '100', 10],
    ['scale up with maxSurge by ~1/5', 120, 0, 10, 50, '110', 9],
    ['scale down by 1/6', 10, 0, 0, 6, '12', -1],
    ['scale down with maxSurge by ~1/6', 100, 0, 10, 50, '130', -8],
  ] as const)('%s', (_n, replicas, statusReplicas, surge, rsReplicas, ann, expected) => {
    const d = dep({ replicas, maxSurge: surge, maxUnavailable: 1, status: { replicas: statusReplicas } });
    const r = rs('r', rsReplicas, { annotations: ann === undefined ? {} : { 'deployment.kubernetes.io/max-replicas': ann } });
    expect(getReplicaSetFraction(r, d)).toBe(expected);
  });
  it('getProportion bounds the fraction by what is left', () => {
    const d = dep({ replicas: 15, maxSurge: 3, maxUnavailable: 0 });
    const old = rs('old', 8, { annotations: { 'deployment.kubernetes.io/max-replicas': '13' } });
    expect(getProportion(old, d, 5, 0)).toBe(3);
    expect(getProportion(old, d, 5, 3)).toBe(2);
    expect(getProportion(old, d, 5, 5)).toBe(0);
    expect(getProportion(rs('zero', 0), d, 5, 0)).toBe(0);
  });
  it('roundToInt32 rounds half away from zero', () => {
    expect([2.5, -2.5, 2.49, -2.49, 0].map(roundToInt32)).toEqual([3, -3, 2, -2, 0]);
  });
});

describe('revisions', () => {
  const withRev = (name: string, rev?: string) => rs(name, 0, { annotations: rev === undefined ? {} : { 'deployment.kubernetes.io/revision': rev } });
  it('revisionOf: absent is 0, garbage is unparsable', () => {
    expect(revisionOf(withRev('a', '7'))).toBe(7);
    expect(revisionOf(withRev('a'))).toBe(0);
    expect(revisionOf(withRev('a', 'x'))).toBeUndefined();
  });
  it('maxRevision skips unparsable ones; lastRevision is the second highest', () => {
    const list = [withRev('a', '1'), withRev('b', 'x'), withRev('c', '4'), withRev('d', '3')];
    expect(maxRevision(list)).toBe(4);
    expect(lastRevision(list)).toBe(3);
    expect(maxRevision([])).toBe(0);
    expect(nextRevision(list)).toBe('5');
  });
});

describe('setNewReplicaSetAnnotations (TestAnnotationUtils)', () => {
  it('renumbers and keeps a bounded revision history (limit 5 chars)', () => {
    const d = dep({ annotations: { 'deployment.kubernetes.io/revision': '1' } });
    let r = rs('r', 1);
    for (let i = 10; i < 20; i++) {
      const next = String(i + 1);
      r = { ...r, metadata: { ...r.metadata, annotations: setNewReplicaSetAnnotations(d, r, next, true, 5).annotations } };
      if (i >= 12) expect(r.metadata.annotations!['deployment.kubernetes.io/revision-history']).toBe(`${i - 1},${i}`);
      expect(r.metadata.annotations!['deployment.kubernetes.io/revision']).toBe(next);
    }
  });
  it('copies deployment annotations except the skip list; adds replicas annotations on create', () => {
    const d = dep({
      replicas: 4,
      maxSurge: 1,
      maxUnavailable: 1,
      annotations: {
        'kubernetes.io/change-cause': 'kubectl set image deployment/foo c=nginx:2 --record=true',
        'deployment.kubernetes.io/revision': '3',
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
        'deprecated.deployment.rollback.to': '1',
        team: 'a',
      },
    });
    const { annotations, changed } = setNewReplicaSetAnnotations(d, rs('n', 0), '4', false);
    expect(changed).toBe(true);
    expect(annotations).toEqual({
      'kubernetes.io/change-cause': 'kubectl set image deployment/foo c=nginx:2 --record=true',
      team: 'a',
      'deployment.kubernetes.io/revision': '4',
      'deployment.kubernetes.io/desired-replicas': '4',
      'deployment.kubernetes.io/max-replicas': '5',
    });
  });
  it('a reused RS gets max+1 and its old number in revision-history (undo: 1,2,3 → 2 becomes 4)', () => {
    const d = dep();
    const r2 = rs('r2', 0, { annotations: { 'deployment.kubernetes.io/revision': '2' } });
    const res = setNewReplicaSetAnnotations(d, r2, '4', true);
    expect(res.changed).toBe(true);
    expect(res.annotations['deployment.kubernetes.io/revision']).toBe('4');
    expect(res.annotations['deployment.kubernetes.io/revision-history']).toBe('2');
    const again = setNewReplicaSetAnnotations(d, { ...r2, metadata: { ...r2.metadata, annotations: res.annotations } }, '6', true);
    expect(again.annotations['deployment.kubernetes.io/revision-history']).toBe('2,4');
  });
  it('never lowers a revision and reports no change when all is in place', () => {
    const r = rs('r', 1, { annotations: { 'deployment.kubernetes.io/revision': '5' } });
    expect(setNewReplicaSetAnnotations(dep(), r, '3', true)).toEqual({ annotations: { 'deployment.kubernetes.io/revision': '5' }, changed: false });
  });
  it('does nothing when the RS revision is garbage', () => {
    const r = rs('r', 1, { annotations: { 'deployment.kubernetes.io/revision': 'x' } });
    const d = dep({ annotations: { a: 'b' } });
    expect(setNewReplicaSetAnnotations(d, r, '3', true)).toEqual({ annotations: { 'deployment.kubernetes.io/revision': 'x' }, changed: false });
  });
  it('does not mutate its inputs', () => {
    const d = dep({ annotations: { a: 'b' } });
    const r = rs('r', 1);
    const before = JSON.stringify([d, r]);
    setNewReplicaSetAnnotations(d, r, '2', false);
    expect(JSON.stringify([d, r])).toBe(before);
  });
  it('deploymentAnnotationsForRollback keeps only the skip-listed deployment keys', () => {
    const d = dep({ annotations: { 'deployment.kubernetes.io/revision': '3', 'kubernetes.io/change-cause': 'new', team: 'x' } });
    const r = rs('r', 0, { annotations: { 'deployment.kubernetes.io/revision': '1', 'kubernetes.io/change-cause': 'old', 'deployment.kubernetes.io/desired-replicas': '3' } });
    expect(deploymentAnnotationsForRollback(d, r)).toEqual({ 'deployment.kubernetes.io/revision': '3', 'kubernetes.io/change-cause': 'old' });
  });
});

describe('replicas annotations', () => {
  it('replicasAnnotationsNeedUpdate (TestReplicasAnnotationsNeedUpdate)', () => {
    const mk = (a?: Record<string, string>) => {
      const r = rs('hello', 1);
      r.metadata.annotations = a;
      return r;
    };
    expect(replicasAnnotationsNeedUpdate(mk(undefined), 10, 20)).toBe(true);
    expect(replicasAnnotationsNeedUpdate(mk({ 'deployment.kubernetes.io/desired-replicas': '8', 'deployment.kubernetes.io/max-replicas': '20' }), 10, 20)).toBe(true);
    expect(replicasAnnotationsNeedUpdate(mk({ 'deployment.kubernetes.io/desired-replicas': '10', 'deployment.kubernetes.io/max-replicas': '16' }), 10, 20)).toBe(true);
    expect(replicasAnnotationsNeedUpdate(mk({ 'deployment.kubernetes.io/desired-replicas': '10', 'deployment.kubernetes.io/max-replicas': '20' }), 10, 20)).toBe(false);
  });
  it.each([
    [undefined, undefined],
    ['invalid', undefined],
    ['-1', undefined],
    ['0', 0],
    ['13', 13],
    ['2147483647', 2147483647],
    ['2147483648', undefined],
    ['4294967296', undefined],
  ])('nonNegativeInt32Annotation(%s) = %s (TestGetNonNegativeInt32FromAnnotation)', (v, want) => {
    const r = rs('r', 1, { annotations: v === undefined ? { foo: '2' } : { test: v, foo: '2' } });
    expect(nonNegativeInt32Annotation(r, 'test')).toBe(want);
  });
  it('replicasAnnotations is replicas and replicas + maxSurge', () => {
    expect(replicasAnnotations(dep({ replicas: 10, maxSurge: '25%', maxUnavailable: '25%' }))).toEqual({
      'deployment.kubernetes.io/desired-replicas': '10',
      'deployment.kubernetes.io/max-replicas': '13',
    });
  });
  it('isSaturated needs spec, desired annotation and availability all at replicas', () => {
    const d = dep({ replicas: 1 });
    const base = rs('r', 1, { available: 1, annotations: { 'deployment.kubernetes.io/desired-replicas': '1' } });
    expect(isSaturated(d, base)).toBe(true);
    expect(isSaturated(d, rs('r', 1, { available: 0, annotations: { 'deployment.kubernetes.io/desired-replicas': '1' } }))).toBe(false);
    expect(isSaturated(d, rs('r', 1, { available: 1 }))).toBe(false);
    expect(isSaturated(d, undefined)).toBe(false);
  });
  it('isScalingEvent compares active RSs’ desired-replicas with spec.replicas', () => {
    const d = dep({ replicas: 5 });
    const at = (n: string, replicas: number, desired?: string) =>
      rs(n, replicas, { annotations: desired === undefined ? {} : { 'deployment.kubernetes.io/desired-replicas': desired } });
    expect(isScalingEvent(d, at('new', 2, '5'), [at('old', 3, '5')])).toBe(false);
    expect(isScalingEvent(d, at('new', 2, '4'), [at('old', 3, '5')])).toBe(true);
    expect(isScalingEvent(d, at('new', 5, '5'), [at('old', 0, '3')])).toBe(false); // inactive RSs do not count
    expect(isScalingEvent(d, at('new', 5), [])).toBe(false); // unreadable annotation skipped
  });
});

describe('finding ReplicaSets (TestFindNewReplicaSet, TestFindOldReplicaSets)', () => {
  const d = dep({ image: 'nginx' });
  const sameTemplate = (name: string, created: number, hash: string) => {
    const r = rs(name, 1, { created });
    r.spec.template = structuredClone(d.spec.template)!;
    r.spec.template.metadata!.labels!['pod-template-hash'] = hash;
    return r;
  };
  const newRS = sameTemplate('new', T0 + 60_000, 'hash');
  const newRSDup = sameTemplate('dup', T0, 'different-hash');
  const oldRS = rs('old', 0, { created: T0 - 60_000, image: 'nginx-old-1' });
  it('the new RS is the one with the template, whatever its hash', () => {
    expect(findNewReplicaSet(d, [newRS, oldRS])?.metadata.name).toBe('new');
  });
  it('the oldest of several equal ones', () => {
    expect(findNewReplicaSet(d, [newRS, oldRS, newRSDup])?.metadata.name).toBe('dup');
  });
  it('none', () => {
    expect(findNewReplicaSet(d, [oldRS])).toBeUndefined();
  });
  it('old ones: all but the new, and those with replicas', () => {
    expect(findOldReplicaSets(d, [newRS, oldRS])).toEqual({ oldRSs: [], allOldRSs: [oldRS] });
    expect(findOldReplicaSets(d, [oldRS])).toEqual({ oldRSs: [], allOldRSs: [oldRS] });
    const r = findOldReplicaSets(d, [oldRS, newRS, newRSDup]);
    expect(r.allOldRSs.map((x) => x.metadata.name)).toEqual(['old', 'new']);
    expect(r.oldRSs.map((x) => x.metadata.name)).toEqual(['new']);
    expect(findOldReplicaSets(d, [newRS])).toEqual({ oldRSs: [], allOldRSs: [] });
  });
  it('findActiveOrLatest', () => {
    const a = rs('a', 0, { created: T0 });
    const b = rs('b', 0, { created: T0 + 1000 });
    expect(findActiveOrLatest(undefined, [a, b])?.metadata.name).toBe('b');
    expect(findActiveOrLatest(rs('n', 0), [a, b])?.metadata.name).toBe('n');
    expect(findActiveOrLatest(rs('n', 0), [a, rs('c', 2)])?.metadata.name).toBe('c');
    expect(findActiveOrLatest(rs('n', 1), [rs('c', 2)])).toBeUndefined();
    expect(findActiveOrLatest(undefined, [])).toBeUndefined();
  });
  it('sorting helpers', () => {
    const x = rs('x', 2, { created: T0 });
    const y = rs('y', 2, { created: T0 + 1000 });
    const z = rs('z', 5, { created: T0 + 2000 });
    expect(sortBySizeNewer([x, y, z]).map((r) => r.metadata.name)).toEqual(['z', 'y', 'x']);
    expect(sortBySizeOlder([x, y, z]).map((r) => r.metadata.name)).toEqual(['z', 'x', 'y']);
    expect(sortByCreationTimestamp([y, rs('a', 1), x]).map((r) => r.metadata.name)).toEqual(['a', 'x', 'y']);
    expect(filterActiveReplicaSets([rs('zero', 0), undefined, rs('foo', 1), rs('bar', 2)]).map((r) => r.metadata.name)).toEqual(['foo', 'bar']);
  });
  it('counts (TestGetReplicaCountForReplicaSets)', () => {
    const rs1 = rs('rs1', 1, { statusReplicas: 2, terminating: 3 });
    const rs2 = rs('rs2', 2, { statusReplicas: 3, terminating: 1 });
    const rs3 = rs('rs3', 3, { statusReplicas: 0, terminating: 0 });
    const rs4 = rs('rs4', 1, { statusReplicas: 1 });
    expect(getReplicaCountForReplicaSets([rs1, rs2, rs3])).toBe(6);
    expect(getActualReplicaCountForReplicaSets([rs1, rs2, rs3])).toBe(5);
    expect(getTerminatingReplicaCountForReplicaSets([rs1, rs2, rs3])).toBe(4);
    expect(getTerminatingReplicaCountForReplicaSets([rs1, rs2, rs3, rs4])).toBeUndefined();
    expect(getReplicaCountForReplicaSets([rs1, rs2, rs3, rs4])).toBe(7);
  });
});

describe('progress predicates', () => {
  it.each([
    ['not complete: min but not all pods available', 5, 5, 5, 4, false],
    ['not complete: min availability not honored', 5, 5, 5, 3, false],
    ['complete', 5, 5, 5, 5, true],
    ['not complete: all available but not updated', 5, 5, 4, 5, false],
    ['not complete: still running old pods', 1, 2, 1, 1, false],
    ['not complete: one replica never comes up', 1, 1, 1, 0, false],
  ] as const)('deploymentComplete: %s (TestDeploymentComplete)', (_n, desired, current, updated, available, want) => {
    const d = dep({ replicas: desired });
    expect(deploymentComplete(d, { replicas: current, updatedReplicas: updated, availableReplicas: available, observedGeneration: 1 })).toBe(want);
  });
  it('deploymentComplete needs the current generation observed', () => {
    expect(deploymentComplete(dep({ replicas: 1, generation: 2 }), { replicas: 1, updatedReplicas: 1, availableReplicas: 1, observedGeneration: 1 })).toBe(false);
  });
  const st = (replicas: number, updatedReplicas: number, readyReplicas: number, availableReplicas: number) => ({ replicas, updatedReplicas, readyReplicas, availableReplicas });
  it.each([
    ['progressing: updated pods', st(10, 4, 4, 4), st(10, 6, 4, 4), true],
    ['not progressing', st(10, 4, 4, 4), st(10, 4, 4, 4), false],
    ['progressing: old pods removed', st(10, 4, 6, 6), st(8, 4, 6, 6), true],
    ['not progressing: less new pods', st(10, 7, 3, 3), st(10, 6, 3, 3), false],
    ['progressing: less overall but more new pods', st(10, 4, 7, 7), st(8, 8, 5, 5), true],
    ['progressing: more ready pods', st(10, 10, 9, 8), st(10, 10, 10, 8), true],
    ['progressing: more available pods', st(10, 10, 10, 9), st(10, 10, 10, 10), true],
  ])('deploymentProgressing: %s (TestDeploymentProgressing)', (_n, old, next, want) => {
    expect(deploymentProgressing(dep({ status: old }), next)).toBe(want);
  });
  const at = (min: number, sec: number) => Date.UTC(2016, 0, 1, 0, min, sec);
  it.each([
    ['nil progressDeadlineSeconds - no timeout', null, 'ReplicaSetUpdated', at(1, 9), at(1, 20), false],
    ['infinite progressDeadlineSeconds - no timeout', 2147483647, 'ReplicaSetUpdated', at(1, 9), at(1, 20), false],
    ['10s, 00:01:20 - 00:01:09 = 11s', 10, 'ReplicaSetUpdated', at(1, 9), at(1, 20), true],
    ['10s, 00:01:20 - 00:01:11 = 9s', 10, 'ReplicaSetUpdated', at(1, 11), at(1, 20), false],
    ['10s, exactly 10s is not yet', 10, 'ReplicaSetUpdated', at(1, 10), at(1, 20), false],
    ['previous status was a complete deployment', 10, 'NewReplicaSetAvailable', at(0, 0), at(59, 0), false],
    ['already timed out', 10, 'ProgressDeadlineExceeded', at(1, 19), at(1, 20), true],
  ] as const)('deploymentTimedOut: %s (TestDeploymentTimedOut)', (_n, pds, reason, from, now, want) => {
    const d = dep({ progressDeadlineSeconds: pds });
    const status = { conditions: [{ type: 'Progressing', status: 'True' as const, reason, lastUpdateTime: iso(from) }] };
    expect(deploymentTimedOut(d, status, now)).toBe(want);
  });
  it('hasProgressDeadline / hasRevisionHistoryLimit treat MaxInt32 as none', () => {
    expect(hasProgressDeadline(dep({ progressDeadlineSeconds: 600 }))).toBe(true);
    expect(hasProgressDeadline(dep({ progressDeadlineSeconds: null }))).toBe(false);
    expect(hasProgressDeadline(dep({ progressDeadlineSeconds: 2147483647 }))).toBe(false);
    expect(hasRevisionHistoryLimit(dep({ revisionHistoryLimit: 0 }))).toBe(true);
    expect(hasRevisionHistoryLimit(dep({ revisionHistoryLimit: 2147483647 }))).toBe(false);
    expect(hasRevisionHistoryLimit(dep())).toBe(false);
  });
});

describe('hash', () => {
  it('fnv32a test vectors', () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(fnv32a(enc(''))).toBe(0x811c9dc5);
    expect(fnv32a(enc('a'))).toBe(0xe40c292c);
    expect(fnv32a(enc('foobar'))).toBe(0xbf9cf968);
  });
  it('safeEncodeString maps digits 0-9 to 4 5 6 7 8 9 b c d f', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    expect(safeEncodeString('2166136261')).toBe('65bb57b6b5');
  });
  const template = dep().spec.template!;
  it('computeHash is deterministic, key-order independent and uses only 456789bcdf', () => {
    const h = computeHash(template);
    expect(h).toMatch(/^[456789bcdf]{1,10}$/);
    const reordered = { spec: template.spec, metadata: template.metadata };
    expect(computeHash(reordered)).toBe(h);
    expect(computeHash({ ...template, metadata: { ...template.metadata, creationTimestamp: null } } as never)).toBe(h);
    expect(computeHash(dep({ image: 'nginx:2' }).spec.template)).not.toBe(h);
  });
  it('collisionCount changes the hash (TestComputeHash)', () => {
    expect(computeHash({}, 1)).not.toBe(computeHash({}, 2));
    expect(computeHash({})).not.toBe(computeHash({}, 2147483647));
    expect(computeHash(template, 0)).not.toBe(computeHash(template));
  });
  it('matches a golden value (guards against accidental changes of the dump)', () => {
    expect(computeHash({})).toBe(safeEncodeString(String(fnv32a(new TextEncoder().encode('')))));
    expect(computeHash({ metadata: { labels: { app: 'web' } } })).toBe(safeEncodeString(String(fnv32a(new TextEncoder().encode('{"metadata":{"labels":{"app":"web"}}}')))));
  });

  const tpl = (name: string, nodeName: string, annotations: Record<string, string>, labels: Record<string, string>) => ({
    metadata: { name, annotations, labels },
    spec: { nodeName } as never,
  });
  const H = 'pod-template-hash';
  it.each([
    ['Same spec, same labels', tpl('foo', 'foo-node', {}, { [H]: 'value-1', something: 'else' }), tpl('foo', 'foo-node', {}, { [H]: 'value-1', something: 'else' }), true],
    ['Same spec, only pod-template-hash label value is different', tpl('foo', 'foo-node', {}, { [H]: 'value-1', something: 'else' }), tpl('foo', 'foo-node', {}, { [H]: 'value-2', something: 'else' }), true],
    ['Same spec, the former doesn’t have pod-template-hash label', tpl('foo', 'foo-node', {}, { something: 'else' }), tpl('foo', 'foo-node', {}, { [H]: 'value-2', something: 'else' }), true],
    ['Same spec, the label is different, the former doesn’t have the hash label, same number of labels', tpl('foo', 'foo-node', {}, { something: 'else' }), tpl('foo', 'foo-node', {}, { [H]: 'value-2' }), false],
    ['Same spec, the label is different, the latter doesn’t have the hash label, same number of labels', tpl('foo', 'foo-node', {}, { [H]: 'value-1' }), tpl('foo', 'foo-node', {}, { something: 'else' }), false],
    ['Same spec, the label is different, and the pod-template-hash label value is the same', tpl('foo', 'foo-node', {}, { [H]: 'value-1' }), tpl('foo', 'foo-node', {}, { [H]: 'value-1', something: 'else' }), false],
    ['Different spec, same labels', tpl('foo', 'foo-node', { former: 'value' }, { [H]: 'value-1', something: 'else' }), tpl('foo', 'foo-node', { latter: 'value' }, { [H]: 'value-1', something: 'else' }), false],
    ['Different spec, different pod-template-hash label value', tpl('foo-1', 'foo-node', {}, { [H]: 'value-1', something: 'else' }), tpl('foo-2', 'foo-node', {}, { [H]: 'value-2', something: 'else' }), false],
    ['Different spec, the former doesn’t have pod-template-hash label', tpl('foo-1', 'foo-node-1', {}, { something: 'else' }), tpl('foo-2', 'foo-node-2', {}, { [H]: 'value-2', something: 'else' }), false],
    ['Different spec, different labels', tpl('foo', 'foo-node-1', {}, { something: 'else' }), tpl('foo', 'foo-node-2', {}, { nothing: 'else' }), false],
  ])('equalIgnoreHash: %s (TestEqualIgnoreHash, both orders)', (_n, a, b, want) => {
    const before = JSON.stringify([a, b]);
    expect(equalIgnoreHash(a, b)).toBe(want);
    expect(equalIgnoreHash(b, a)).toBe(want);
    expect(JSON.stringify([a, b])).toBe(before);
  });
  it('equalIgnoreHash treats null, absent and empty alike', () => {
    expect(equalIgnoreHash({ metadata: { labels: {} }, spec: { containers: [], volumes: null } as never }, {})).toBe(true);
  });
});
