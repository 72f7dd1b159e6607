// The ReplicaSet and Deployment controller classes over an in-memory registry and a fake clock: the wiring of
// informers → work queue → pure plans → writes (the plans themselves are table-tested in rollout-*.test.ts and
// replicaset-*.test.ts). Time only moves when a test advances the clock; nothing sleeps.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Store } from '../../src/store/store.js';
import { Registry } from '../../src/registry/registry.js';
import { RESOURCES } from '../../src/api/registry.js';
import { EventRecorder } from '../../src/events/recorder.js';
import { ReplicaSetController } from '../../src/controllers/replicaset/controller.js';
import { DeploymentController } from '../../src/controllers/deployment/controller.js';
import { rfc3339 } from '../../src/util/clock.js';
import type { KObject, Pod } from '../../src/api/types.js';
import { TimerClock, settle } from './support/timer-clock.js';

const NS = RESOURCES.find((r) => r.kind === 'Namespace')!;
const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const RS = RESOURCES.find((r) => r.kind === 'ReplicaSet')!;
const DEPLOY = RESOURCES.find((r) => r.kind === 'Deployment')!;
const EVENTS = RESOURCES.find((r) => r.kind === 'Event')!;

let clock: TimerClock;
let reg: Registry;
let recorder: EventRecorder;
const stops: (() => void)[] = [];

beforeEach(() => {
  clock = new TimerClock(Date.UTC(2026, 0, 1, 12));
  reg = new Registry(Store.memory(), clock);
  reg.create(NS, undefined, { metadata: { name: 'default' } });
  recorder = new EventRecorder(reg, 'kbx');
});
afterEach(() => {
  for (const s of stops.splice(0)) s();
});

function startRS(): ReplicaSetController {
  const c = new ReplicaSetController(reg, recorder);
  c.start();
  stops.push(() => c.close());
  return c;
}

function startDeploy(): DeploymentController {
  const c = new DeploymentController(reg, recorder);
  c.start();
  stops.push(() => c.close());
  return c;
}

const template = (image = 'nginx:1') => ({ metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image }] } });
const pods = () => reg.list(PODS, 'default').items as Pod[];
const live = () => pods().filter((p) => !p.metadata.deletionTimestamp);
const events = (kind?: string) =>
  (reg.list(EVENTS, 'default').items as any[]).filter((e) => !kind || e.involvedObject.kind === kind).map((e) => `${e.reason}: ${e.message}`);

/** What the kubelet would write: the pod runs and is Ready since `now`. */
function markReady(p: Pod): void {
  const now = rfc3339(clock.now());
  reg.mutate(PODS, 'default', p.metadata.name!, (o) => {
    o.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }] };
  }, { subresource: 'status' });
}

/** Pods bound nowhere stay where they are; pods being deleted go (as the kubelet would remove them). */
function finishDeletions(): void {
  for (const p of pods()) if (p.metadata.deletionTimestamp) reg.delete(PODS, 'default', p.metadata.name!, { gracePeriodSeconds: 0 });
}

describe('ReplicaSetController', () => {
  it('creates the missing pods from the template, owned by the ReplicaSet, and reports them in status', async () => {
    startRS();
    const rs = reg.create(RS, 'default', { metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template() } } as KObject);
    await settle();
    expect(pods()).toHaveLength(3);
    for (const p of pods()) {
      expect(p.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
      expect(p.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'ReplicaSet', name: 'web', uid: rs.metadata.uid, controller: true })]);
      expect(p.spec.containers[0]!.image).toBe('nginx:1');
    }
    expect(events('ReplicaSet').filter((e) => e.startsWith('SuccessfulCreate: Created pod: web-'))).toHaveLength(3);
    const status = reg.get(RS, 'default', 'web').status;
    expect(status).toMatchObject({ replicas: 3, fullyLabeledReplicas: 3, observedGeneration: 1 });
    expect(status.readyReplicas ?? 0).toBe(0);
  });

  it('counts ready pods, and available ones once minReadySeconds have passed on the clock', async () => {
    startRS();
    reg.create(RS, 'default', { metadata: { name: 'web' }, spec: { replicas: 2, minReadySeconds: 30, selector: { matchLabels: { app: 'web' } }, template: template() } } as KObject);
    await settle();
    for (const p of pods()) markReady(p);
    await settle();
    expect(reg.get(RS, 'default', 'web').status).toMatchObject({ readyReplicas: 2 });
    expect(reg.get(RS, 'default', 'web').status.availableReplicas ?? 0).toBe(0);
    await clock.advance(30_000);
    expect(reg.get(RS, 'default', 'web').status.availableReplicas ?? 0).toBe(0); // available strictly after minReadySeconds
    await clock.advance(5); // the controller asked to look again just after
    expect(reg.get(RS, 'default', 'web').status).toMatchObject({ readyReplicas: 2, availableReplicas: 2 });
  });

  it('replaces a deleted pod; scaling down deletes the surplus, not-ready pods first', async () => {
    startRS();
    reg.create(RS, 'default', { metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template() } } as KObject);
    await settle();
    const [a, b] = pods();
    markReady(a!);
    markReady(b!);
    reg.delete(PODS, 'default', a!.metadata.name!, { gracePeriodSeconds: 0 });
    await settle();
    expect(pods()).toHaveLength(3);
    expect(pods().map((p) => p.metadata.name)).not.toContain(a!.metadata.name);
    reg.mutate(RS, 'default', 'web', (o) => {
      o.spec.replicas = 1;
    });
    await settle();
    expect(live().map((p) => p.metadata.name)).toEqual([b!.metadata.name]);
    expect(events('ReplicaSet').filter((e) => e.startsWith('SuccessfulDelete'))).toHaveLength(2);
  });

  it('adopts a matching orphan and releases a pod whose labels stop matching', async () => {
    reg.create(PODS, 'default', { metadata: { name: 'orphan', labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1' }] } } as KObject);
    startRS();
    const rs = reg.create(RS, 'default', { metadata: { name: 'web' }, spec: { replicas: 1, selector: { matchLabels: { app: 'web' } }, template: template() } } as KObject);
    await settle();
    expect(pods().map((p) => p.metadata.name)).toEqual(['orphan']);
    expect(pods()[0]!.metadata.ownerReferences![0]!.uid).toBe(rs.metadata.uid);
    reg.mutate(PODS, 'default', 'orphan', (o) => {
      o.metadata.labels = { app: 'debug' };
    });
    await settle();
    expect(reg.get(PODS, 'default', 'orphan').metadata.ownerReferences).toBeUndefined();
    expect(pods()).toHaveLength(2); // a replacement for the released pod
  });
});

describe('DeploymentController', () => {
  const deployment = (image: string, extra: Record<string, unknown> = {}) =>
    ({ metadata: { name: 'web' }, spec: { replicas: 3, selector: { matchLabels: { app: 'web' } }, template: template(image), ...extra } }) as KObject;
  const replicaSets = () => (reg.list(RS, 'default').items as any[]).sort((a, b) => Number(a.metadata.annotations['deployment.kubernetes.io/revision']) - Number(b.metadata.annotations['deployment.kubernetes.io/revision']));

  it('creates revision 1 with the pod-template-hash, scaled to replicas, and says so', async () => {
    startDeploy();
    const d = reg.create(DEPLOY, 'default', deployment('nginx:1'));
    await settle();
    const [rs] = replicaSets();
    const hash = rs.metadata.labels['pod-template-hash'];
    expect(rs.metadata.name).toBe(`web-${hash}`);
    expect(rs.spec.replicas).toBe(3);
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'web', 'pod-template-hash': hash });
    expect(rs.metadata.ownerReferences[0]).toMatchObject({ kind: 'Deployment', uid: d.metadata.uid, controller: true });
    expect(rs.metadata.annotations['deployment.kubernetes.io/revision']).toBe('1');
    expect(events('Deployment')).toContain(`ScalingReplicaSet: Scaled up replica set web-${hash} to 3`);
    const dep = reg.get(DEPLOY, 'default', 'web');
    expect(dep.metadata.annotations['deployment.kubernetes.io/revision']).toBe('1');
    expect(dep.status.observedGeneration).toBe(1);
  });

  it('rolls a new template out step by step as pods become ready, then reports the rollout complete', async () => {
    startRS();
    startDeploy();
    reg.create(DEPLOY, 'default', deployment('nginx:1'));
    await settle();
    for (const p of pods()) markReady(p);
    await settle();
    expect(reg.get(DEPLOY, 'default', 'web').status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3 });

    reg.mutate(DEPLOY, 'default', 'web', (o) => {
      o.spec.template.spec.containers[0].image = 'nginx:2';
    });
    await settle();
    const [, next] = replicaSets();
    expect(next.spec.template.spec.containers[0].image).toBe('nginx:2');
    // Default 25%/25% of 3: one surge pod first, the old ReplicaSet keeps all three.
    expect(replicaSets().map((r) => r.spec.replicas)).toEqual([3, 1]);

    for (let round = 0; round < 10 && replicaSets()[0].spec.replicas > 0; round++) {
      for (const p of live()) if (!p.status?.conditions?.length) markReady(p);
      finishDeletions();
      await settle();
    }
    for (const p of live()) if (!p.status?.conditions?.length) markReady(p);
    await settle();
    expect(replicaSets().map((r) => r.spec.replicas)).toEqual([0, 3]);
    expect(live().every((p) => p.spec.containers[0]!.image === 'nginx:2')).toBe(true);
    const dep = reg.get(DEPLOY, 'default', 'web');
    expect(dep.metadata.annotations['deployment.kubernetes.io/revision']).toBe('2');
    expect(dep.status).toMatchObject({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    const progressing = dep.status.conditions.find((c: any) => c.type === 'Progressing');
    expect(progressing).toMatchObject({ status: 'True', reason: 'NewReplicaSetAvailable', message: `ReplicaSet "${next.metadata.name}" has successfully progressed.` });
  });

  it('a rollout whose pods never become ready times out after progressDeadlineSeconds on the clock', async () => {
    startRS();
    startDeploy();
    reg.create(DEPLOY, 'default', deployment('nginx:1', { progressDeadlineSeconds: 60 }));
    await settle();
    let progressing = reg.get(DEPLOY, 'default', 'web').status.conditions.find((c: any) => c.type === 'Progressing');
    expect(progressing).toMatchObject({ status: 'True', reason: 'ReplicaSetUpdated' });
    await clock.advance(59_000);
    progressing = reg.get(DEPLOY, 'default', 'web').status.conditions.find((c: any) => c.type === 'Progressing');
    expect(progressing.status).toBe('True');
    await clock.advance(2_000);
    progressing = reg.get(DEPLOY, 'default', 'web').status.conditions.find((c: any) => c.type === 'Progressing');
    expect(progressing).toMatchObject({ status: 'False', reason: 'ProgressDeadlineExceeded' });
  });
});
