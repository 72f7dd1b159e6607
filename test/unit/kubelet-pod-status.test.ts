import { describe, it, expect } from 'vitest';
import { computePodStatus, podPhase, containerStatus, type Observation, type ObservedContainer } from '../../src/kubelet/pod-status.js';
import type { Pod } from '../../src/api/types.js';
import type { RuntimeContainer } from '../../src/runtime/runtime.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);

function pod(restartPolicy: 'Always' | 'OnFailure' | 'Never' = 'Always', names = ['a']): Pod {
  return {
    metadata: { name: 'p', namespace: 'default', uid: 'u1' },
    spec: { restartPolicy, containers: names.map((n) => ({ name: n, image: 'busybox' })) },
    status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }] },
  };
}

function rc(state: RuntimeContainer['state'], exitCode = 0, restart = 0, extra: Partial<RuntimeContainer> = {}): RuntimeContainer {
  return {
    id: `id${restart}`,
    name: 'n',
    labels: { 'io.kbx.restart-count': String(restart) },
    image: 'busybox',
    imageId: 'sha256:abc',
    state,
    exitCode,
    oomKilled: false,
    error: '',
    createdAt: '2026-01-01T11:59:00Z',
    startedAt: '2026-01-01T11:59:01Z',
    finishedAt: state === 'running' ? undefined : '2026-01-01T11:59:30Z',
    ...extra,
  };
}

function obs(app: ObservedContainer[], extra: Partial<Observation> = {}): Observation {
  return { sandboxReady: true, podIP: '172.18.0.5', hostIP: '172.18.0.1', init: [], app, initialized: true, initFailed: false, ...extra };
}

describe('container status', () => {
  it('running container is ready and started', () => {
    const s = containerStatus({ name: 'a', image: 'busybox', current: rc('running') });
    expect(s.state.running?.startedAt).toBe('2026-01-01T11:59:01Z');
    expect(s.ready).toBe(true);
    expect(s.containerID).toBe('docker://id0');
  });

  it('crash loop: waiting CrashLoopBackOff with the last termination', () => {
    const s = containerStatus({ name: 'a', image: 'busybox', current: rc('exited', 1, 2), waiting: { reason: 'CrashLoopBackOff', message: 'back-off 20s' } });
    expect(s.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(s.lastState.terminated?.exitCode).toBe(1);
    expect(s.lastState.terminated?.reason).toBe('Error');
    expect(s.restartCount).toBe(2);
    expect(s.ready).toBe(false);
  });

  it('restarted container keeps the previous termination in lastState', () => {
    const s = containerStatus({ name: 'a', image: 'busybox', current: rc('running', 0, 1), previous: rc('exited', 137, 0, { oomKilled: true }) });
    expect(s.lastState.terminated?.reason).toBe('OOMKilled');
    expect(s.restartCount).toBe(1);
  });
});

describe('pod phase (kubelet getPhase)', () => {
  it.each([
    ['Always', [rc('running')], 'Running'],
    ['Always', [rc('exited', 1)], 'Running'],
    ['Never', [rc('exited', 0)], 'Succeeded'],
    ['Never', [rc('exited', 2)], 'Failed'],
    ['OnFailure', [rc('exited', 0)], 'Succeeded'],
    ['OnFailure', [rc('exited', 3)], 'Running'],
  ] as const)('%s with %o → %s', (policy, currents, want) => {
    const p = pod(policy);
    const statuses = currents.map((c) => containerStatus({ name: 'a', image: 'busybox', current: c }));
    expect(podPhase(p, obs([]), statuses)).toBe(want);
  });

  it('is Pending while a container waits to be created', () => {
    const p = pod('Always', ['a', 'b']);
    const statuses = [containerStatus({ name: 'a', image: 'x', current: rc('running') }), containerStatus({ name: 'b', image: 'x', waiting: { reason: 'ErrImagePull' } })];
    expect(podPhase(p, obs([]), statuses)).toBe('Pending');
  });
});

describe('computePodStatus', () => {
  it('two running containers: Running, all conditions True, IPs set', () => {
    const p = pod('Always', ['a', 'b']);
    const st = computePodStatus(p, obs([{ name: 'a', image: 'x', current: rc('running') }, { name: 'b', image: 'x', current: rc('running') }]), NOW);
    expect(st.phase).toBe('Running');
    expect(st.conditions!.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    expect(st.podIP).toBe('172.18.0.5');
    expect(st.hostIP).toBe('172.18.0.1');
    expect(st.startTime).toBe('2026-01-01T12:00:00Z');
  });

  it('keeps lastTransitionTime while a condition does not change', () => {
    const p = pod();
    const first = computePodStatus(p, obs([{ name: 'a', image: 'x', current: rc('running') }]), NOW);
    p.status = first;
    const second = computePodStatus(p, obs([{ name: 'a', image: 'x', current: rc('running') }]), NOW + 60_000);
    expect(second.conditions).toEqual(first.conditions);
  });

  it('names unready containers in the Ready condition', () => {
    const st = computePodStatus(pod(), obs([{ name: 'a', image: 'x', waiting: { reason: 'ImagePullBackOff' } }]), NOW);
    const ready = st.conditions!.find((c) => c.type === 'Ready')!;
    expect(ready.status).toBe('False');
    expect(ready.reason).toBe('ContainersNotReady');
    expect(ready.message).toBe('containers with unready status: [a]');
  });

  it('a terminal pod stays terminal', () => {
    const p = pod('Never');
    p.status = { ...p.status, phase: 'Succeeded' };
    const st = computePodStatus(p, obs([{ name: 'a', image: 'x', current: rc('running') }]), NOW);
    expect(st.phase).toBe('Succeeded');
  });
});

describe('computePodStatus with native sidecars (restartable init containers)', () => {
  function sidecarPod(policy: 'Always' | 'Never' = 'Never'): Pod {
    return {
      metadata: { name: 'p', namespace: 'default', uid: 'u1' },
      spec: {
        restartPolicy: policy,
        initContainers: [{ name: 'side', image: 'busybox', restartPolicy: 'Always' } as any, { name: 'setup', image: 'busybox' }],
        containers: [{ name: 'app', image: 'busybox' }],
      },
      status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'True' }] },
    };
  }
  const side = (current?: RuntimeContainer, extra: Partial<ObservedContainer> = {}): ObservedContainer => ({ name: 'side', image: 'busybox', current, sidecar: true, ...extra });
  const setup = (current?: RuntimeContainer): ObservedContainer => ({ name: 'setup', image: 'busybox', current });
  const app = (current?: RuntimeContainer, extra: Partial<ObservedContainer> = {}): ObservedContainer => ({ name: 'app', image: 'busybox', current, ...extra });

  it('a sidecar whose startup probe has not passed: Pending, Initialized False naming it', () => {
    const s = computePodStatus(sidecarPod(), obs([app()], { init: [side(rc('running'), { started: false, ready: false }), setup()], initialized: false }), NOW);
    expect(s.phase).toBe('Pending');
    const init = s.conditions!.find((c) => c.type === 'Initialized')!;
    expect(init).toMatchObject({ status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [side setup]' });
    expect(s.initContainerStatuses![0]).toMatchObject({ name: 'side', started: false, ready: false });
  });

  it('the sidecar counts for ContainersReady and is named first when unready', () => {
    const ready = computePodStatus(sidecarPod(), obs([app(rc('running'))], { init: [side(rc('running')), setup(rc('exited', 0))] }), NOW);
    expect(ready.phase).toBe('Running');
    expect(ready.conditions!.find((c) => c.type === 'ContainersReady')!.status).toBe('True');
    const unready = computePodStatus(sidecarPod(), obs([app(rc('running'), { ready: false })], { init: [side(rc('running'), { ready: false }), setup(rc('exited', 0))] }), NOW);
    expect(unready.conditions!.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', message: 'containers with unready status: [side app]' });
  });

  it('Never: the app completed while the sidecar runs → Running; once the sidecar was stopped → Succeeded', () => {
    const running = computePodStatus(sidecarPod('Never'), obs([app(rc('exited', 0))], { init: [side(rc('running')), setup(rc('exited', 0))] }), NOW);
    expect(running.phase).toBe('Running');
    const done = computePodStatus(sidecarPod('Never'), obs([app(rc('exited', 0))], { init: [side(rc('exited', 143)), setup(rc('exited', 0))] }), NOW);
    expect(done.phase).toBe('Succeeded'); // a stopped sidecar does not count
  });

  it('a sidecar waiting for its first start keeps the pod Pending', () => {
    const s = computePodStatus(sidecarPod('Always'), obs([app(rc('running'))], { init: [side(undefined, { waiting: { reason: 'ErrImagePull' } }), setup(rc('exited', 0))] }), NOW);
    expect(s.phase).toBe('Pending');
  });
});
