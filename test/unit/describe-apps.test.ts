import { describe, it, expect } from 'vitest';
import type { KObject } from '../../src/api/types.js';
import {
  classifyReplicaSets,
  describeDeployment,
  describeDeploymentWithContext,
  describeReplicaSet,
  describeReplicaSetWithContext,
  equalIgnoreHash,
  podTemplateText,
  revisionOf,
} from '../../src/printers/describe-apps.js';
import { FIXTURE, GOLDEN } from './cli-rollout-fixture.js';

const ctx = { now: FIXTURE.now, timeZone: 'UTC' };
const rs = (name: string) => FIXTURE.replicaSets.find((r) => r.metadata.name === name)!;

describe('describe deployment (kubectl v1.35 goldens)', () => {
  it('prints every section of a RollingUpdate deployment with old and new ReplicaSets and events', () => {
    expect(describeDeployment(FIXTURE.deployment, FIXTURE.replicaSets, FIXTURE.events, ctx)).toBe(GOLDEN.describeDeployment);
  });

  it('the Describer-shaped wrapper takes the ReplicaSets from ctx.related', () => {
    expect(describeDeploymentWithContext(FIXTURE.deployment, FIXTURE.events, { ...ctx, related: { replicaSets: FIXTURE.replicaSets } as any })).toBe(
      GOLDEN.describeDeployment,
    );
  });

  it('--show-events=false leaves the Events section out; no owned ReplicaSets leaves OldReplicaSets/NewReplicaSet out', () => {
    const text = describeDeployment(FIXTURE.deployment, [], undefined, ctx);
    expect(text).not.toContain('Events:');
    expect(text).not.toContain('OldReplicaSets:');
    expect(text).not.toContain('NewReplicaSet:');
    expect(text.endsWith('NewReplicaSetAvailable\n')).toBe(true);
  });

  it('ReplicaSets controlled by another owner (or none) are ignored', () => {
    const orphan = structuredClone(rs('web-hash3'));
    orphan.metadata.ownerReferences = [];
    const text = describeDeployment(FIXTURE.deployment, [rs('web-hash1'), orphan], [], ctx);
    expect(text).toMatch(/\nOldReplicaSets: +web-hash1 \(0\/0 replicas created\)\nNewReplicaSet: +<none>\nEvents: +<none>\n$/);
  });

  it('Recreate: no RollingUpdateStrategy line; nil maxSurge prints <nil>', () => {
    const d = structuredClone(FIXTURE.deployment);
    d.spec.strategy = { type: 'Recreate' };
    expect(describeDeployment(d, [], undefined, ctx)).toMatch(/\nStrategyType: +Recreate\nMinReadySeconds: +5\nPod Template:\n/);
    d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%' } };
    expect(describeDeployment(d, [], undefined, ctx)).toMatch(/\nRollingUpdateStrategy: +25% max unavailable, <nil> max surge\n/);
  });
});

describe('describe replicaset (kubectl v1.35 goldens)', () => {
  it('the new ReplicaSet, controlled by the deployment, no pods', () => {
    expect(describeReplicaSet(rs('web-hash3'), [], [], ctx)).toBe(GOLDEN.describeRS3);
  });

  it('an old ReplicaSet scaled to 0', () => {
    expect(describeReplicaSet(rs('web-hash1'), [], [], ctx)).toBe(GOLDEN.describeRS1);
  });

  it('counts only the pods it controls, by phase', () => {
    const rs3 = rs('web-hash3');
    const owned = (phase: string, i: number): KObject => ({
      metadata: { name: `p${i}`, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-hash3', uid: rs3.metadata.uid!, controller: true }] },
      status: { phase },
    });
    const pods = [owned('Running', 1), owned('Running', 2), owned('Pending', 3), owned('Succeeded', 4), owned('Failed', 5), owned('Unknown', 6), { metadata: { name: 'orphan' }, status: { phase: 'Running' } }];
    expect(describeReplicaSet(rs3, pods, undefined, ctx)).toContain('Pods Status:    2 Running / 1 Waiting / 1 Succeeded / 1 Failed\n');
    expect(describeReplicaSetWithContext(rs3, undefined, { ...ctx, related: { podsError: 'boom' } as any })).toContain('Pods Status:    error in fetching pods: boom\n');
  });

  it('prints the conditions table when the ReplicaSet has conditions', () => {
    const r = structuredClone(rs('web-hash3'));
    r.status = { replicas: 1, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'quota' }] };
    expect(describeReplicaSet(r, [], undefined, ctx)).toContain('Conditions:\n  Type             Status  Reason\n  ----             ------  ------\n  ReplicaFailure   True    FailedCreate\n');
  });
});

describe('deployment helpers', () => {
  it('classifyReplicaSets: owned only, oldest first, new = template equal ignoring the hash', () => {
    const { newRS, oldRSs, activeOldRSs } = classifyReplicaSets(FIXTURE.deployment, [...FIXTURE.replicaSets].reverse());
    expect(newRS?.metadata.name).toBe('web-hash3');
    expect(oldRSs.map((r) => r.metadata.name)).toEqual(['web-hash1', 'web-hash2']);
    expect(activeOldRSs).toEqual([]);
  });

  it('equalIgnoreHash: the hash label, empty values and key order do not matter', () => {
    const a = { metadata: { labels: { app: 'x', 'pod-template-hash': 'abc' } }, spec: { containers: [{ name: 'c', image: 'i', resources: {} }] } };
    const b = { metadata: { labels: { app: 'x' }, annotations: {} }, spec: { containers: [{ image: 'i', name: 'c' }], volumes: [] } };
    expect(equalIgnoreHash(a, b)).toBe(true);
    expect(equalIgnoreHash(a, { ...b, spec: { containers: [{ name: 'c', image: 'j' }] } })).toBe(false);
  });

  it('revisionOf: absent is 0, garbage is undefined', () => {
    expect(revisionOf({ metadata: {} })).toBe(0);
    expect(revisionOf({ metadata: { annotations: { 'deployment.kubernetes.io/revision': '12' } } })).toBe(12);
    expect(revisionOf({ metadata: { annotations: { 'deployment.kubernetes.io/revision': 'x' } } })).toBeUndefined();
  });

  it('podTemplateText is the raw (untabulated) DescribePodTemplate', () => {
    expect(podTemplateText({ metadata: { labels: { app: 'a' } }, spec: { containers: [] } })).toBe(
      'Pod Template:\n  Labels:\tapp=a\n  Containers: <none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n',
    );
  });
});
