// The Kubelet over FakeRuntime, an in-memory registry and a fake clock (no Docker, no sleeps): a pod goes
// create → running → container crash → immediate restart → crash → CrashLoopBackOff → restart after the backoff
// → delete; the statuses, events and Docker calls are the kubelet's.
import { describe, it, expect, beforeEach, afterEach } from 'vitest';
import { Store } from '../../src/store/store.js';
import { Registry } from '../../src/registry/registry.js';
import { RESOURCES } from '../../src/api/registry.js';
import { EventRecorder } from '../../src/events/recorder.js';
import { FakeRuntime } from '../../src/runtime/fake-runtime.js';
import { Kubelet } from '../../src/kubelet/kubelet.js';
import { LABELS } from '../../src/runtime/runtime.js';
import type { KObject, Pod } from '../../src/api/types.js';
import { TimerClock, settle } from './support/timer-clock.js';

const NS = RESOURCES.find((r) => r.kind === 'Namespace')!;
const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const NODES = RESOURCES.find((r) => r.kind === 'Node')!;
const EVENTS = RESOURCES.find((r) => r.kind === 'Event')!;
const INFRA = 'kbx-infra:test';

let clock: TimerClock;
let reg: Registry;
let runtime: FakeRuntime;
let kubelet: Kubelet;
const logs: string[] = [];

beforeEach(async () => {
  clock = new TimerClock(Date.UTC(2026, 0, 1, 12));
  reg = new Registry(Store.memory(), clock);
  reg.create(NS, undefined, { metadata: { name: 'default' } });
  runtime = new FakeRuntime(clock);
  runtime.addImage('busybox');
  runtime.addImage(INFRA);
  kubelet = new Kubelet({
    registry: reg,
    runtime,
    clusterId: 't1',
    nodeName: 'kbx',
    clock,
    recorder: new EventRecorder(reg, 'kbx'),
    infraImage: INFRA,
    log: (m) => logs.push(m),
    timers: clock,
  });
  await kubelet.start();
  await settle();
});
afterEach(() => kubelet.stop());

const get = () => reg.get(PODS, 'default', 'web') as Pod;
const app = () => [...runtime.containers.values()].filter((c) => c.labels[LABELS.container] === 'app').sort((a, b) => Number(a.labels[LABELS.restartCount]) - Number(b.labels[LABELS.restartCount]));
const running = () => app().find((c) => c.state === 'running');
const events = () => (reg.list(EVENTS, 'default').items as any[]).map((e) => `${e.reason}: ${e.message}`);

describe('Kubelet (FakeRuntime, in-memory registry, fake clock)', () => {
  it('registers its node', () => {
    const node = reg.get(NODES, undefined, 'kbx');
    expect(node.status.conditions.find((c: any) => c.type === 'Ready').status).toBe('True');
  });

  it('create → running → crash → restart → CrashLoopBackOff → restart after the backoff → delete', async () => {
    reg.create(PODS, 'default', {
      metadata: { name: 'web' },
      spec: { nodeName: 'kbx', terminationGracePeriodSeconds: 5, containers: [{ name: 'app', image: 'busybox', command: ['sh', '-c', 'serve'] }] },
    } as KObject);
    await settle();

    // Running: a sandbox, one app container in its network namespace, the status as the kubelet writes it.
    const infra = [...runtime.containers.values()].find((c) => c.labels[LABELS.role] === 'infra')!;
    expect(infra.state).toBe('running');
    expect(infra.spec.image).toBe(INFRA);
    expect(app()).toHaveLength(1);
    expect(app()[0]!.spec.network).toEqual({ mode: 'container', id: infra.id });
    expect(app()[0]!.spec.entrypoint).toEqual(['sh', '-c', 'serve']);
    let p = get();
    expect(p.status!.phase).toBe('Running');
    expect(p.status!.podIP).toBe(infra.ipAddress);
    expect(p.status!.containerStatuses![0]).toMatchObject({ name: 'app', ready: true, restartCount: 0, started: true, containerID: `docker://${app()[0]!.id}` });
    expect(p.status!.conditions!.find((c) => c.type === 'Ready')!.status).toBe('True');
    expect(events()).toEqual(expect.arrayContaining(['Created: Created container: app', 'Started: Started container app']));

    // A steady pod is not rewritten by further syncs.
    const rv = p.metadata.resourceVersion;
    await clock.advance(10_000); // two relists
    expect(get().metadata.resourceVersion).toBe(rv);

    // First crash: restarted at once (attempt 1), the dead one kept for logs --previous.
    runtime.writeLog(running()!.id, 'first life');
    runtime.exit(running()!.id, 1);
    await settle();
    expect(app().map((c) => [c.labels[LABELS.restartCount], c.state])).toEqual([
      ['0', 'exited'],
      ['1', 'running'],
    ]);
    p = get();
    expect(p.status!.containerStatuses![0]!.restartCount).toBe(1);
    expect(p.status!.containerStatuses![0]!.lastState.terminated).toMatchObject({ exitCode: 1, reason: 'Error' });
    const previous = await kubelet.logs(p, { container: 'app', previous: true } as any);
    let text = '';
    for await (const chunk of previous as AsyncIterable<Buffer>) text += chunk.toString();
    expect(text).toBe('first life\n');

    // Second crash within the backoff: CrashLoopBackOff for 10s, then a restart (attempt 2); the oldest goes.
    clock.advance(1_000);
    runtime.exit(running()!.id, 2);
    await settle();
    p = get();
    const waiting = p.status!.containerStatuses![0]!.state.waiting!;
    expect(waiting.reason).toBe('CrashLoopBackOff');
    expect(waiting.message).toBe(`back-off 10s restarting failed container=app pod=web_default(${p.metadata.uid})`);
    expect(p.status!.containerStatuses![0]!.lastState.terminated!.exitCode).toBe(2);
    expect(p.status!.conditions!.find((c) => c.type === 'Ready')!.status).toBe('False');
    expect(events()).toContain(`BackOff: Back-off restarting failed container app in pod web_default(${p.metadata.uid})`);
    await clock.advance(9_000);
    expect(running()).toBeUndefined();
    await clock.advance(1_100);
    expect(running()!.labels[LABELS.restartCount]).toBe('2');
    expect(app().map((c) => c.labels[LABELS.restartCount])).toEqual(['1', '2']);
    p = get();
    expect(p.status!.containerStatuses![0]).toMatchObject({ restartCount: 2, ready: true });
    expect(p.status!.containerStatuses![0]!.state.running).toBeDefined();

    // Delete: Killing, the containers stopped with the grace period, everything removed, the pod object gone.
    const stopsBefore = runtime.callsTo('stopContainer').length;
    const last = running()!.id;
    reg.delete(PODS, 'default', 'web');
    await settle();
    expect(runtime.callsTo('stopContainer').slice(stopsBefore)).toEqual([[last, 5]]);
    expect(runtime.containers.size).toBe(0);
    expect(reg.tryGet(PODS, 'default', 'web')).toBeUndefined();
    expect(events()).toContain('Killing: Stopping container app');
    expect(logs.filter((l) => l.includes('failed'))).toEqual([]);
  });
});

describe('Kubelet: a changed container spec', () => {
  it('an image update restarts the container with the new image (Killing "definition changed"), whatever the policy', async () => {
    runtime.addImage('busybox:1.37');
    reg.create(PODS, 'default', {
      metadata: { name: 'web' },
      spec: { nodeName: 'kbx', restartPolicy: 'Never', terminationGracePeriodSeconds: 5, containers: [{ name: 'app', image: 'busybox' }] },
    } as KObject);
    await settle();
    const first = running()!;
    reg.mutate(PODS, 'default', 'web', (o) => {
      o.spec.containers[0].image = 'busybox:1.37';
    });
    await settle();
    expect(runtime.container(first.id)!.state).toBe('exited');
    expect(running()!.spec.image).toBe('busybox:1.37');
    expect(running()!.labels[LABELS.restartCount]).toBe('1');
    expect(events()).toContain('Killing: Container app definition changed, will be restarted');
    const st = get().status!.containerStatuses![0]!;
    expect(st).toMatchObject({ image: 'busybox:1.37', restartCount: 1, ready: true });
    expect(get().status!.phase).toBe('Running');
  });
});

describe('Kubelet: native sidecars (FakeRuntime)', () => {
  const sidecarPod = (policy: 'Always' | 'Never') =>
    ({
      metadata: { name: 'web' },
      spec: {
        nodeName: 'kbx',
        restartPolicy: policy,
        terminationGracePeriodSeconds: 5,
        initContainers: [
          { name: 'side', image: 'busybox', restartPolicy: 'Always' },
          { name: 'setup', image: 'busybox' },
        ],
        containers: [{ name: 'app', image: 'busybox' }],
      },
    }) as KObject;
  const of = (name: string) => [...runtime.containers.values()].filter((c) => c.labels[LABELS.container] === name);
  const cell = (name: string) => [...(get().status!.initContainerStatuses ?? []), ...(get().status!.containerStatuses ?? [])].find((s) => s.name === name)!;

  it('start in order and keep running beside the app; restarted on exit under restartPolicy Never; stopped when the app is done', async () => {
    reg.create(PODS, 'default', sidecarPod('Never'));
    await settle();
    // The sidecar runs; the regular init container ran after it started; the app waits for that one.
    expect(of('side').map((c) => c.state)).toEqual(['running']);
    expect(of('setup').map((c) => c.state)).toEqual(['running']);
    expect(of('app')).toEqual([]);
    expect(get().status!.phase).toBe('Pending');
    runtime.exit(of('setup')[0]!.id, 0);
    await settle();
    expect(of('app').map((c) => c.state)).toEqual(['running']);
    expect(get().status!.phase).toBe('Running');
    expect(cell('side')).toMatchObject({ ready: true, started: true });
    expect(get().status!.conditions!.find((c) => c.type === 'Initialized')!.status).toBe('True');

    // The sidecar exits: restarted although the pod's restartPolicy is Never.
    runtime.exit(of('side')[0]!.id, 1);
    await settle();
    expect(of('side').map((c) => c.state).sort()).toEqual(['exited', 'running']);
    expect(cell('side').restartCount).toBe(1);

    // The app completes: the pod is done; the sidecar is stopped (SIGTERM) and not restarted; phase Succeeded.
    runtime.exit(of('app')[0]!.id, 0);
    await settle();
    await clock.advance(1_000);
    expect(of('side').every((c) => c.state === 'exited')).toBe(true);
    expect(get().status!.phase).toBe('Succeeded');
    expect(events()).toContain('Killing: Stopping container side');
  });

  it('deletion stops the app containers before the sidecars', async () => {
    reg.create(PODS, 'default', sidecarPod('Always'));
    await settle();
    runtime.exit(of('setup')[0]!.id, 0);
    await settle();
    const appId = of('app')[0]!.id;
    const sideId = of('side')[0]!.id;
    const before = runtime.callsTo('stopContainer').length;
    reg.delete(PODS, 'default', 'web');
    await settle();
    expect(runtime.callsTo('stopContainer').slice(before).map((c) => c[0])).toEqual([appId, sideId]);
    expect(runtime.containers.size).toBe(0);
  });

  it("pulls with the pod's imagePullSecrets (the matching registry's credential); a missing one is the kubelet's warning", async () => {
    const SECRETS = RESOURCES.find((r) => r.kind === 'Secret')!;
    const cfg = { auths: { 'registry.example:5000': { username: 'me', password: 'pw' } } };
    reg.create(SECRETS, 'default', { metadata: { name: 'regcred' }, type: 'kubernetes.io/dockerconfigjson', data: { '.dockerconfigjson': Buffer.from(JSON.stringify(cfg)).toString('base64') } } as KObject);
    reg.create(PODS, 'default', {
      metadata: { name: 'web' },
      spec: { nodeName: 'kbx', imagePullSecrets: [{ name: 'regcred' }, { name: 'gone' }], containers: [{ name: 'app', image: 'registry.example:5000/team/app:1', imagePullPolicy: 'Always' }] },
    } as KObject);
    await settle();
    expect(runtime.callsTo('pullImage')).toContainEqual(['registry.example:5000/team/app:1', 'me']);
    expect(events()).toContain('FailedToRetrieveImagePullSecret: Unable to retrieve some image pull secrets (gone); attempting to pull the image may not succeed.');
    expect(get().status!.phase).toBe('Running');
  });
});

