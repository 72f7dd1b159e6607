import { describe, it, expect } from 'vitest';
import type { EventObject, KObject } from '../../src/api/types.js';
import {
  classifyReplicaSets,
  describeDeployment,
  describeDeploymentWithContext,
  describeReplicaSet,
  describeReplicaSetWithContext,
  podTemplateText,
} from '../../src/printers/describe-apps.js';
import { goSort } from '../../src/compat/go-sort.js';
import { FIXTURE, GOLDEN } from './cli-rollout-fixture.js';
import { equalIgnoreHash, revisionOf } from '../../src/api/deployment-util.js';

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

// A real rolling update: 24 events, many in the same second. kubectl v1.35 orders them with Go's
// unstable sort.Sort; the golden below is its output for this list in this (server) order.
const ROLLING_EVENTS_NOW = 1795426637161;
const ROLLING_EVENTS = [{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled up replica set web-56c47dbf to 3","count":1,"firstTimestamp":"2026-11-23T09:31:11Z","lastTimestamp":"2026-11-23T09:31:11Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled up replica set web-bd7b48f68 to 1","count":1,"firstTimestamp":"2026-11-23T09:31:13Z","lastTimestamp":"2026-11-23T09:31:13Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled down replica set web-56c47dbf to 2 from 3","count":2,"firstTimestamp":"2026-11-23T09:31:14Z","lastTimestamp":"2026-11-23T09:31:40Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled up replica set web-bd7b48f68 to 2 from 1","count":2,"firstTimestamp":"2026-11-23T09:31:14Z","lastTimestamp":"2026-11-23T09:31:40Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled down replica set web-56c47dbf to 1 from 2","count":2,"firstTimestamp":"2026-11-23T09:31:15Z","lastTimestamp":"2026-11-23T09:31:41Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled up replica set web-bd7b48f68 to 3 from 2","count":2,"firstTimestamp":"2026-11-23T09:31:15Z","lastTimestamp":"2026-11-23T09:31:41Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled down replica set web-56c47dbf to 0 from 1","count":2,"firstTimestamp":"2026-11-23T09:31:16Z","lastTimestamp":"2026-11-23T09:31:41Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled up replica set web-5ddd58875 to 1","count":1,"firstTimestamp":"2026-11-23T09:31:20Z","lastTimestamp":"2026-11-23T09:31:20Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled down replica set web-bd7b48f68 to 2 from 3","count":2,"firstTimestamp":"2026-11-23T09:31:21Z","lastTimestamp":"2026-11-23T09:31:43Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled up replica set web-5ddd58875 to 2 from 1","count":1,"firstTimestamp":"2026-11-23T09:31:21Z","lastTimestamp":"2026-11-23T09:31:21Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled down replica set web-bd7b48f68 to 1 from 2","count":2,"firstTimestamp":"2026-11-23T09:31:22Z","lastTimestamp":"2026-11-23T09:31:43Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled up replica set web-5ddd58875 to 3 from 2","count":1,"firstTimestamp":"2026-11-23T09:31:22Z","lastTimestamp":"2026-11-23T09:31:22Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled down replica set web-bd7b48f68 to 0 from 1","count":2,"firstTimestamp":"2026-11-23T09:31:23Z","lastTimestamp":"2026-11-23T09:31:44Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled up replica set web-56c47dbf to 1 from 0","count":1,"firstTimestamp":"2026-11-23T09:31:34Z","lastTimestamp":"2026-11-23T09:31:34Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled down replica set web-5ddd58875 to 2 from 3","count":1,"firstTimestamp":"2026-11-23T09:31:34Z","lastTimestamp":"2026-11-23T09:31:34Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled up replica set web-56c47dbf to 2 from 1","count":1,"firstTimestamp":"2026-11-23T09:31:34Z","lastTimestamp":"2026-11-23T09:31:34Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled down replica set web-5ddd58875 to 1 from 2","count":1,"firstTimestamp":"2026-11-23T09:31:35Z","lastTimestamp":"2026-11-23T09:31:35Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled up replica set web-56c47dbf to 3 from 2","count":1,"firstTimestamp":"2026-11-23T09:31:35Z","lastTimestamp":"2026-11-23T09:31:35Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled down replica set web-5ddd58875 to 0 from 1","count":1,"firstTimestamp":"2026-11-23T09:31:36Z","lastTimestamp":"2026-11-23T09:31:36Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled up replica set web-bd7b48f68 to 1 from 0","count":1,"firstTimestamp":"2026-11-23T09:31:39Z","lastTimestamp":"2026-11-23T09:31:39Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled up replica set web-7598858d5b to 1","count":1,"firstTimestamp":"2026-11-23T09:31:42Z","lastTimestamp":"2026-11-23T09:31:42Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled up replica set web-7598858d5b to 2 from 1","count":1,"firstTimestamp":"2026-11-23T09:31:43Z","lastTimestamp":"2026-11-23T09:31:43Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled up replica set web-7598858d5b to 3 from 2","count":1,"firstTimestamp":"2026-11-23T09:31:43Z","lastTimestamp":"2026-11-23T09:31:43Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}},{"type":"Normal","reason":"ScalingReplicaSet","message":"Scaled down replica set web-7598858d5b to 1 from 3","count":1,"firstTimestamp":"2026-11-23T09:31:45Z","lastTimestamp":"2026-11-23T09:31:45Z","source":{"component":"deployment-controller"},"involvedObject":{"kind":"Deployment","name":"web"}}] as unknown as EventObject[];
const ROLLING_EVENTS_GOLDEN = "Events:\n  Type    Reason             Age                    From                   Message\n  ----    ------             ----                   ----                   -------\n  Normal  ScalingReplicaSet  6m6s                   deployment-controller  Scaled up replica set web-56c47dbf to 3\n  Normal  ScalingReplicaSet  6m4s                   deployment-controller  Scaled up replica set web-bd7b48f68 to 1\n  Normal  ScalingReplicaSet  5m57s                  deployment-controller  Scaled up replica set web-5ddd58875 to 1\n  Normal  ScalingReplicaSet  5m56s                  deployment-controller  Scaled up replica set web-5ddd58875 to 2 from 1\n  Normal  ScalingReplicaSet  5m55s                  deployment-controller  Scaled up replica set web-5ddd58875 to 3 from 2\n  Normal  ScalingReplicaSet  5m43s                  deployment-controller  Scaled down replica set web-5ddd58875 to 2 from 3\n  Normal  ScalingReplicaSet  5m43s                  deployment-controller  Scaled up replica set web-56c47dbf to 2 from 1\n  Normal  ScalingReplicaSet  5m43s                  deployment-controller  Scaled up replica set web-56c47dbf to 1 from 0\n  Normal  ScalingReplicaSet  5m42s                  deployment-controller  Scaled up replica set web-56c47dbf to 3 from 2\n  Normal  ScalingReplicaSet  5m42s                  deployment-controller  Scaled down replica set web-5ddd58875 to 1 from 2\n  Normal  ScalingReplicaSet  5m41s                  deployment-controller  Scaled down replica set web-5ddd58875 to 0 from 1\n  Normal  ScalingReplicaSet  5m38s                  deployment-controller  Scaled up replica set web-bd7b48f68 to 1 from 0\n  Normal  ScalingReplicaSet  5m37s (x2 over 6m3s)   deployment-controller  Scaled up replica set web-bd7b48f68 to 2 from 1\n  Normal  ScalingReplicaSet  5m37s (x2 over 6m3s)   deployment-controller  Scaled down replica set web-56c47dbf to 2 from 3\n  Normal  ScalingReplicaSet  5m36s (x2 over 6m1s)   deployment-controller  Scaled down replica set web-56c47dbf to 0 from 1\n  Normal  ScalingReplicaSet  5m36s (x2 over 6m2s)   deployment-controller  Scaled up replica set web-bd7b48f68 to 3 from 2\n  Normal  ScalingReplicaSet  5m36s (x2 over 6m2s)   deployment-controller  Scaled down replica set web-56c47dbf to 1 from 2\n  Normal  ScalingReplicaSet  5m35s                  deployment-controller  Scaled up replica set web-7598858d5b to 1\n  Normal  ScalingReplicaSet  5m34s (x2 over 5m55s)  deployment-controller  Scaled down replica set web-bd7b48f68 to 1 from 2\n  Normal  ScalingReplicaSet  5m34s (x2 over 5m56s)  deployment-controller  Scaled down replica set web-bd7b48f68 to 2 from 3\n  Normal  ScalingReplicaSet  5m34s                  deployment-controller  Scaled up replica set web-7598858d5b to 2 from 1\n  Normal  ScalingReplicaSet  5m34s                  deployment-controller  Scaled up replica set web-7598858d5b to 3 from 2\n  Normal  ScalingReplicaSet  5m33s (x2 over 5m54s)  deployment-controller  Scaled down replica set web-bd7b48f68 to 0 from 1\n  Normal  ScalingReplicaSet  5m32s                  deployment-controller  Scaled down replica set web-7598858d5b to 1 from 3\n";

describe("events order (Go sort.Sort)", () => {
  it("same-second events come out where kubectl puts them", () => {
    const text = describeDeployment(FIXTURE.deployment, [], ROLLING_EVENTS, { now: ROLLING_EVENTS_NOW, timeZone: "UTC" });
    expect(text.slice(text.indexOf("Events:"))).toBe(ROLLING_EVENTS_GOLDEN);
  });
  it("goSort sorts, and is stable up to 12 elements (insertion sort)", () => {
    const xs = Array.from({ length: 200 }, (_, i) => ({ k: (i * 7919) % 13, i }));
    const sorted = goSort([...xs], (a, b) => a.k < b.k);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i - 1]!.k <= sorted[i]!.k).toBe(true);
    const small = Array.from({ length: 12 }, (_, i) => ({ k: i % 3, i }));
    expect(goSort([...small], (a, b) => a.k < b.k).map((x) => x.i)).toEqual([0, 3, 6, 9, 1, 4, 7, 10, 2, 5, 8, 11]);
  });
});
