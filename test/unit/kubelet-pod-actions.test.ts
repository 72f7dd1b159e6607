// computePodActions, table-tested with the cases of Kubernetes' kuberuntime_manager_test.go (TestComputePodActions,
// TestComputePodActionsWithInitContainers, TestComputePodActionsWithRestartableInitContainers), adapted to kbx:
// Docker containers found by label, completed init containers kept, backoff decided in the plan.
import { describe, it, expect } from 'vitest';
import type { Container, Pod } from '../../src/api/types.js';
import type { RuntimeContainer } from '../../src/runtime/runtime.js';
import {
  computePodActions,
  containerHash,
  HASH_LABEL,
  SANDBOX_LABEL,
  terminationOrder,
  type PodSnapshot,
  type ProbeView,
  type SyncActions,
} from '../../src/kubelet/pod-actions.js';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const at = (msAgo: number) => new Date(NOW - msAgo).toISOString();

type Policy = 'Always' | 'OnFailure' | 'Never';

function pod(opts: { policy?: Policy; containers?: (string | Container)[]; init?: (string | Container)[]; status?: Pod['status']; deleting?: boolean } = {}): Pod {
  const mk = (c: string | Container): Container => (typeof c === 'string' ? { name: c, image: 'busybox' } : c);
  return {
    metadata: { name: 'p', namespace: 'default', uid: 'u1', ...(opts.deleting ? { deletionTimestamp: at(-30_000) } : {}) },
    spec: {
      restartPolicy: opts.policy ?? 'Always',
      containers: (opts.containers ?? ['foo1', 'foo2', 'foo3']).map(mk),
      ...(opts.init ? { initContainers: opts.init.map(mk) } : {}),
    },
    status: opts.status ?? { phase: 'Running' },
  };
}

const sidecar = (name: string, extra: Partial<Container> = {}): Container => ({ name, image: 'busybox', restartPolicy: 'Always', ...extra });

let seq = 0;
function rc(name: string, state: RuntimeContainer['state'], o: { role?: 'infra' | 'init' | 'app' | 'ephemeral'; exit?: number; attempt?: number; finishedAgo?: number; sandbox?: string; hash?: string; id?: string } = {}): RuntimeContainer {
  const role = o.role ?? 'app';
  return {
    id: o.id ?? `${name}-${o.attempt ?? 0}-${++seq}`,
    name: `kbx-x_${name}_p_default_u1_${o.attempt ?? 0}`,
    labels: {
      'io.kbx.container': name,
      'io.kbx.role': role,
      'io.kbx.restart-count': String(o.attempt ?? 0),
      ...(role !== 'infra' ? { [SANDBOX_LABEL]: o.sandbox ?? 'sb' } : {}),
      ...(o.hash ? { [HASH_LABEL]: o.hash } : {}),
    },
    image: 'busybox',
    imageId: 'sha256:1',
    state,
    exitCode: o.exit ?? 0,
    oomKilled: false,
    error: '',
    createdAt: at(60_000),
    startedAt: at(59_000),
    ...(state === 'exited' ? { finishedAt: at(o.finishedAgo ?? 60_000) } : {}),
  };
}

const sandbox = (state: RuntimeContainer['state'] = 'running', attempt = 0) => rc('POD', state, { role: 'infra', attempt, id: state === 'running' ? 'sb' : `dead-sb-${attempt}` });
const running = (name: string, o: Parameters<typeof rc>[2] = {}) => rc(name, 'running', o);
const exitedC = (name: string, exit: number, o: Parameters<typeof rc>[2] = {}) => rc(name, 'exited', { exit, ...o });

function snap(p: Pod, containers: RuntimeContainer[], o: Partial<Omit<PodSnapshot, 'pod' | 'containers'>> = {}): PodSnapshot {
  return { pod: p, containers, probes: new Map(), killed: new Map(), backoff: new Map(), now: NOW, ...o };
}

function sync(s: PodSnapshot): SyncActions {
  const a = computePodActions(s);
  if (a.kind !== 'sync') throw new Error(`expected a sync, got ${a.kind}`);
  return a;
}

/** The actions in short: what starts, what is killed (and why), who waits in backoff. */
function short(a: SyncActions) {
  return {
    sandbox: a.createSandbox ? `create#${a.createSandbox.attempt}` : a.sandboxGone ? 'gone' : 'keep',
    start: a.start.map((s) => `${s.name}#${s.attempt}`),
    kill: a.kill.map((k) => `${k.name}:${k.reason}`),
    backoff: a.backoff.map((b) => b.name),
  };
}

describe('computePodActions: app containers (TestComputePodActions)', () => {
  const cases: { name: string; pod: Pod; containers: RuntimeContainer[]; opts?: Partial<PodSnapshot>; want: Partial<ReturnType<typeof short>>; done?: boolean }[] = [
    {
      name: 'a new pod: create the sandbox and start every container',
      pod: pod(),
      containers: [],
      want: { sandbox: 'create#0', start: ['foo1#0', 'foo2#0', 'foo3#0'], kill: [] },
    },
    {
      name: 'everything runs: nothing to do',
      pod: pod(),
      containers: [sandbox(), running('foo1'), running('foo2'), running('foo3')],
      want: { sandbox: 'keep', start: [], kill: [], backoff: [] },
    },
    {
      name: 'restart exited containers if RestartPolicy == Always',
      pod: pod(),
      containers: [sandbox(), running('foo1'), exitedC('foo2', 0), exitedC('foo3', 1)],
      want: { start: ['foo2#1', 'foo3#1'], kill: [] },
    },
    {
      name: 'restart failed containers if RestartPolicy == OnFailure',
      pod: pod({ policy: 'OnFailure' }),
      containers: [sandbox(), running('foo1'), exitedC('foo2', 0), exitedC('foo3', 1)],
      want: { start: ['foo3#1'], kill: [] },
    },
    {
      name: "don't restart containers if RestartPolicy == Never",
      pod: pod({ policy: 'Never' }),
      containers: [sandbox(), running('foo1'), exitedC('foo2', 0), exitedC('foo3', 1)],
      want: { start: [], kill: [] },
    },
    {
      name: 'OnFailure: a container killed for a failed probe restarts although it exited 0',
      pod: pod({ policy: 'OnFailure', containers: ['foo1'] }),
      containers: [sandbox(), exitedC('foo1', 0, { id: 'k' })],
      opts: { killed: new Map([['k', 'unlessNever']]) },
      want: { start: ['foo1#1'] },
    },
    {
      name: 'Never: a container killed for a changed spec restarts anyway',
      pod: pod({ policy: 'Never', containers: ['foo1'] }),
      containers: [sandbox(), exitedC('foo1', 143, { id: 'k' })],
      opts: { killed: new Map([['k', 'always']]) },
      want: { start: ['foo1#1'] },
    },
    {
      name: 'kill the pod and re-create the sandbox if it is dead, and RestartPolicy == Always',
      pod: pod(),
      containers: [sandbox('exited'), running('foo1', { sandbox: 'dead-sb-0' }), running('foo2', { sandbox: 'dead-sb-0' }), exitedC('foo3', 0)],
      want: { sandbox: 'create#1', kill: ['foo1:sandbox', 'foo2:sandbox'], start: ['foo3#1'] },
    },
    {
      name: 'a running sandbox without an IP (disconnected from the cluster network): re-created, its containers killed',
      pod: pod(),
      containers: [sandbox(), running('foo1'), running('foo2'), running('foo3')],
      opts: { sandboxWithoutNetwork: true },
      want: { sandbox: 'create#1', kill: ['foo1:sandbox', 'foo2:sandbox', 'foo3:sandbox'] },
    },
    {
      name: 'a dead sandbox under OnFailure: re-created, the succeeded container stays done',
      pod: pod({ policy: 'OnFailure' }),
      containers: [sandbox('exited'), running('foo1', { sandbox: 'dead-sb-0' }), exitedC('foo2', 0), exitedC('foo3', 1)],
      want: { sandbox: 'create#1', kill: ['foo1:sandbox'], start: ['foo3#1'] },
    },
    {
      name: 'no new sandbox under RestartPolicy == Never once containers ran',
      pod: pod({ policy: 'Never' }),
      containers: [sandbox('exited'), exitedC('foo1', 0), exitedC('foo2', 0), running('foo3', { sandbox: 'dead-sb-0' })],
      want: { sandbox: 'gone', kill: ['foo3:sandbox'], start: [] },
    },
    {
      name: 'no new sandbox under OnFailure when every container succeeded',
      pod: pod({ policy: 'OnFailure' }),
      containers: [sandbox('exited'), exitedC('foo1', 0), exitedC('foo2', 0), exitedC('foo3', 0)],
      want: { sandbox: 'gone', kill: [], start: [] },
    },
    {
      name: 'a container still running in an old sandbox is killed (it restarts in the new one)',
      pod: pod({ containers: ['foo1'] }),
      containers: [sandbox(), running('foo1', { sandbox: 'old' })],
      want: { kill: ['foo1:sandbox'], start: [] },
    },
    {
      name: "kill and recreate the container if the container's spec changed",
      pod: pod({ containers: [{ name: 'foo1', image: 'busybox:1.37' }, 'foo2'] }),
      containers: [sandbox(), running('foo1', { hash: containerHash({ name: 'foo1', image: 'busybox:1.36' }) }), running('foo2', { hash: containerHash({ name: 'foo2', image: 'busybox' }) })],
      opts: { backoff: new Map([['foo1', 40_000]]) },
      want: { kill: ['foo1:spec'], start: ['foo1#1'], backoff: [] },
    },
    {
      name: 'a container made before kbx hashed specs is left alone',
      pod: pod({ containers: ['foo1'] }),
      containers: [sandbox(), running('foo1')],
      want: { kill: [], start: [] },
    },
    {
      name: 'kill the container if the liveness check has failed',
      pod: pod({ containers: ['foo1', 'foo2'] }),
      containers: [sandbox(), running('foo1', { id: 'l' }), running('foo2')],
      opts: { probes: new Map<string, ProbeView>([['l', { started: true, failed: { message: 'Container foo1 failed liveness probe, will be restarted' } }]]) },
      want: { kill: ['foo1:probe'], start: ['foo1#1'] },
    },
    {
      name: 'a failed liveness check under RestartPolicy == Never: killed, not restarted',
      pod: pod({ policy: 'Never', containers: ['foo1'] }),
      containers: [sandbox(), running('foo1', { id: 'l' })],
      opts: { probes: new Map<string, ProbeView>([['l', { started: true, failed: { message: 'Container foo1 failed liveness probe' } }]]) },
      want: { kill: ['foo1:probe'], start: [] },
    },
    {
      name: 'a failed liveness check within the backoff: killed now, restarted after it',
      pod: pod({ containers: ['foo1'] }),
      containers: [sandbox(), running('foo1', { id: 'l', attempt: 2 })],
      opts: { probes: new Map<string, ProbeView>([['l', { started: true, failed: { message: 'x' } }]]), backoff: new Map([['foo1', 20_000]]) },
      want: { kill: ['foo1:probe'], start: [], backoff: ['foo1'] },
    },
    {
      name: 'kill the container if the startup check has failed',
      pod: pod({ containers: ['foo1'] }),
      containers: [sandbox(), running('foo1', { id: 's' })],
      opts: { probes: new Map<string, ProbeView>([['s', { started: false, failed: { message: 'Container foo1 failed startup probe, will be restarted', graceSeconds: 5 } }]]) },
      want: { kill: ['foo1:probe'], start: ['foo1#1'] },
    },
    {
      name: 'crash-loop backoff: a container that exited 2s ago with a 10s delay waits',
      pod: pod({ containers: ['foo1'] }),
      containers: [sandbox(), exitedC('foo1', 1, { attempt: 1, finishedAgo: 2_000 })],
      opts: { backoff: new Map([['foo1', 10_000]]) },
      want: { start: [], backoff: ['foo1'] },
    },
    {
      name: 'crash-loop backoff over: the container restarts with the next attempt number',
      pod: pod({ containers: ['foo1'] }),
      containers: [sandbox(), exitedC('foo1', 1, { attempt: 1, finishedAgo: 11_000 })],
      opts: { backoff: new Map([['foo1', 10_000]]) },
      want: { start: ['foo1#2'], backoff: [] },
    },
    {
      name: 'a container removed behind kbx (docker rm -f) comes back with the next attempt number',
      pod: pod({ containers: ['foo1'], status: { phase: 'Running', containerStatuses: [{ name: 'foo1', containerID: 'docker://x', restartCount: 2, ready: true, state: {}, lastState: {}, image: 'busybox', imageID: '' }] } }),
      containers: [sandbox()],
      want: { start: ['foo1#3'] },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const a = sync(snap(c.pod, c.containers, c.opts));
      const got = short(a);
      for (const k of Object.keys(c.want) as (keyof typeof got)[]) expect(got[k], k).toEqual(c.want[k]);
    });
  }

  it('the backoff wait and delay are reported for the CrashLoopBackOff message', () => {
    const a = sync(snap(pod({ containers: ['foo1'] }), [sandbox(), exitedC('foo1', 1, { finishedAgo: 2_000 })], { backoff: new Map([['foo1', 20_000]]) }));
    expect(a.backoff).toEqual([{ name: 'foo1', role: 'app', waitMs: 18_000, delayMs: 20_000 }]);
  });

  it('a restart replaces the dead instance (kept for logs --previous)', () => {
    const dead = exitedC('foo1', 1, { id: 'dead' });
    const a = sync(snap(pod({ containers: ['foo1'] }), [sandbox(), dead]));
    expect(a.start).toEqual([{ name: 'foo1', role: 'app', attempt: 1, replaces: 'dead' }]);
  });

  it('created but never started (an interrupted sync): resumed, not re-created', () => {
    const a = sync(snap(pod({ containers: ['foo1'] }), [sandbox(), rc('foo1', 'created', { id: 'c1' })]));
    expect(a.resume).toEqual([{ id: 'c1', name: 'foo1', role: 'app' }]);
    expect(a.start).toEqual([]);
  });

  it('the pod is done when no container runs or will run again (Never, all exited)', () => {
    const a = sync(snap(pod({ policy: 'Never' }), [sandbox(), exitedC('foo1', 0), exitedC('foo2', 1), exitedC('foo3', 0)]));
    expect(a.podDone).toBe(true);
    const b = sync(snap(pod({ policy: 'Never' }), [sandbox(), exitedC('foo1', 0), running('foo2'), exitedC('foo3', 0)]));
    expect(b.podDone).toBe(false);
  });

  it('a pod with a deletion timestamp is terminated; a Succeeded/Failed one only has its running containers stopped', () => {
    const del = computePodActions(snap(pod({ deleting: true }), [sandbox(), running('foo1')]));
    expect(del.kind).toBe('terminate');
    const fin = computePodActions(snap(pod({ status: { phase: 'Succeeded' } }), [sandbox(), exitedC('foo1', 0)]));
    expect(fin).toEqual({ kind: 'finished', stop: ['sb'] });
  });
});

describe('computePodActions: init containers (TestComputePodActionsWithInitContainers)', () => {
  const init = ['init1', 'init2'];
  const cases: { name: string; pod: Pod; containers: RuntimeContainer[]; want: Partial<ReturnType<typeof short>>; initialized?: boolean; initFailed?: boolean }[] = [
    {
      name: 'a new pod: create the sandbox and start the first init container only',
      pod: pod({ init }),
      containers: [],
      want: { sandbox: 'create#0', start: ['init1#0'] },
      initialized: false,
    },
    {
      name: 'initialization in progress: do nothing',
      pod: pod({ init }),
      containers: [sandbox(), running('init1', { role: 'init' })],
      want: { start: [], kill: [] },
      initialized: false,
    },
    {
      name: 'the first one completed: start the next',
      pod: pod({ init }),
      containers: [sandbox(), exitedC('init1', 0, { role: 'init' })],
      want: { start: ['init2#0'] },
      initialized: false,
    },
    {
      name: 'every init container completed: start the app containers',
      pod: pod({ init }),
      containers: [sandbox(), exitedC('init1', 0, { role: 'init' }), exitedC('init2', 0, { role: 'init' })],
      want: { start: ['foo1#0', 'foo2#0', 'foo3#0'] },
      initialized: true,
    },
    {
      name: 'a failed init container restarts if RestartPolicy == Always',
      pod: pod({ init }),
      containers: [sandbox(), exitedC('init1', 0, { role: 'init' }), exitedC('init2', 1, { role: 'init' })],
      want: { start: ['init2#1'] },
      initialized: false,
    },
    {
      name: 'a failed init container restarts if RestartPolicy == OnFailure',
      pod: pod({ init, policy: 'OnFailure' }),
      containers: [sandbox(), exitedC('init1', 1, { role: 'init' })],
      want: { start: ['init1#1'] },
      initialized: false,
    },
    {
      name: 'a failed init container fails the pod if RestartPolicy == Never',
      pod: pod({ init, policy: 'Never' }),
      containers: [sandbox(), exitedC('init1', 1, { role: 'init' })],
      want: { start: [], kill: [] },
      initFailed: true,
    },
    {
      name: 'the sandbox died during initialization: re-created, the running init container is killed',
      pod: pod({ init }),
      containers: [sandbox('exited'), exitedC('init1', 0, { role: 'init' }), running('init2', { role: 'init', sandbox: 'dead-sb-0' })],
      want: { sandbox: 'create#1', kill: ['init2:sandbox'], start: [] },
      initialized: false,
    },
    {
      name: 'an init container removed after the pod initialized does not run again',
      pod: pod({ init, containers: ['foo1'] }),
      containers: [sandbox(), exitedC('init2', 0, { role: 'init' }), running('foo1')],
      want: { start: [], kill: [] },
      initialized: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const a = sync(snap(c.pod, c.containers));
      const got = short(a);
      for (const k of Object.keys(c.want) as (keyof typeof got)[]) expect(got[k], k).toEqual(c.want[k]);
      if (c.initialized !== undefined) expect(a.initialized).toBe(c.initialized);
      expect(a.initFailed).toBe(c.initFailed ?? false);
    });
  }

  it('init just completed and no app container ever ran: the status is written first (PodInitializing)', () => {
    const a = sync(snap(pod({ init }), [sandbox(), exitedC('init1', 0, { role: 'init' }), exitedC('init2', 0, { role: 'init' })]));
    expect(a.announceInitialized).toBe(true);
    const b = sync(snap(pod({ init }), [sandbox(), exitedC('init1', 0, { role: 'init' }), exitedC('init2', 0, { role: 'init' }), running('foo1'), running('foo2'), exitedC('foo3', 1)]));
    expect(b.announceInitialized).toBe(false);
  });
});

describe('computePodActions: native sidecars (TestComputePodActionsWithRestartableInitContainers)', () => {
  const probes = (entries: [string, ProbeView][]) => new Map<string, ProbeView>(entries);
  const cases: { name: string; pod: Pod; containers: RuntimeContainer[]; opts?: Partial<PodSnapshot>; want: Partial<ReturnType<typeof short>>; initialized?: boolean; podDone?: boolean; initFailed?: boolean }[] = [
    {
      name: 'a new pod: the first sidecar starts alone',
      pod: pod({ init: [sidecar('side1'), 'init2'], containers: ['foo1'] }),
      containers: [],
      want: { sandbox: 'create#0', start: ['side1#0'] },
      initialized: false,
    },
    {
      name: 'a running sidecar without a startup probe lets the next init container start',
      pod: pod({ init: [sidecar('side1'), 'init2'], containers: ['foo1'] }),
      containers: [sandbox(), running('side1', { role: 'init' })],
      want: { start: ['init2#0'] },
      initialized: false,
    },
    {
      name: 'a sidecar whose startup probe has not succeeded holds the next one back',
      pod: pod({ init: [sidecar('side1', { startupProbe: { exec: { command: ['true'] } } }), 'init2'], containers: ['foo1'] }),
      containers: [sandbox(), running('side1', { role: 'init', id: 's1' })],
      opts: { probes: probes([['s1', { started: false }]]) },
      want: { start: [] },
      initialized: false,
    },
    {
      name: 'once its startup probe succeeded, the next one starts',
      pod: pod({ init: [sidecar('side1', { startupProbe: { exec: { command: ['true'] } } }), 'init2'], containers: ['foo1'] }),
      containers: [sandbox(), running('side1', { role: 'init', id: 's1' })],
      opts: { probes: probes([['s1', { started: true }]]) },
      want: { start: ['init2#0'] },
    },
    {
      name: 'all init done, the sidecar running: the app containers start beside it',
      pod: pod({ init: [sidecar('side1'), 'init2'], containers: ['foo1', 'foo2'] }),
      containers: [sandbox(), running('side1', { role: 'init' }), exitedC('init2', 0, { role: 'init' })],
      want: { start: ['foo1#0', 'foo2#0'], kill: [] },
      initialized: true,
    },
    {
      name: 'a sidecar that exited during initialization restarts (RestartPolicy == Never notwithstanding)',
      pod: pod({ policy: 'Never', init: [sidecar('side1'), 'init2'], containers: ['foo1'] }),
      containers: [sandbox(), exitedC('side1', 1, { role: 'init' })],
      want: { start: ['side1#1'] },
      initialized: false,
    },
    {
      name: 'a sidecar that exits while the app runs restarts; the app is left alone',
      pod: pod({ policy: 'Never', init: [sidecar('side1')], containers: ['foo1'] }),
      containers: [sandbox(), exitedC('side1', 0, { role: 'init' }), running('foo1')],
      want: { start: ['side1#1'], kill: [] },
      initialized: true,
      podDone: false,
    },
    {
      name: 'a sidecar restart waits out the crash-loop backoff',
      pod: pod({ init: [sidecar('side1')], containers: ['foo1'] }),
      containers: [sandbox(), exitedC('side1', 1, { role: 'init', finishedAgo: 1_000 }), running('foo1')],
      opts: { backoff: new Map([['side1', 10_000]]) },
      want: { start: [], backoff: ['side1'] },
    },
    {
      name: 'a sidecar removed after initialization is started again',
      pod: pod({ init: [sidecar('side1')], containers: ['foo1'] }),
      containers: [sandbox(), running('foo1')],
      want: { start: ['side1#0'] },
    },
    {
      name: 'a sidecar whose liveness probe failed is killed to be restarted',
      pod: pod({ policy: 'Never', init: [sidecar('side1', { livenessProbe: { exec: { command: ['false'] } } })], containers: ['foo1'] }),
      containers: [sandbox(), running('side1', { role: 'init', id: 's1' }), running('foo1')],
      opts: { probes: probes([['s1', { started: true, failed: { message: 'Container side1 failed liveness probe, will be restarted' } }]]) },
      want: { kill: ['side1:probe'], start: ['side1#1'] },
    },
    {
      name: "a sidecar's changed spec restarts it",
      pod: pod({ init: [sidecar('side1', { image: 'busybox:1.37' })], containers: ['foo1'] }),
      containers: [sandbox(), running('side1', { role: 'init', hash: 'old' }), running('foo1')],
      want: { kill: ['side1:spec'], start: ['side1#1'] },
    },
    {
      name: 'the app containers completed (Never): the pod is done, its sidecars stop in reverse order and stay stopped',
      pod: pod({ policy: 'Never', init: [sidecar('side1'), 'init2', sidecar('side3')], containers: ['foo1'] }),
      containers: [sandbox(), running('side1', { role: 'init' }), exitedC('init2', 0, { role: 'init' }), exitedC('side3', 1, { role: 'init' }), exitedC('foo1', 0)],
      want: { start: [], kill: ['side1:podDone'], backoff: [] },
      podDone: true,
    },
    {
      name: 'OnFailure, the app succeeded: the sidecars stop',
      pod: pod({ policy: 'OnFailure', init: [sidecar('side1'), sidecar('side2')], containers: ['foo1'] }),
      containers: [sandbox(), running('side1', { role: 'init' }), running('side2', { role: 'init' }), exitedC('foo1', 0)],
      want: { kill: ['side2:podDone', 'side1:podDone'] },
      podDone: true,
    },
    {
      name: 'a regular init container fails under Never: the pod fails and its sidecar stops',
      pod: pod({ policy: 'Never', init: [sidecar('side1'), 'init2'], containers: ['foo1'] }),
      containers: [sandbox(), running('side1', { role: 'init' }), exitedC('init2', 1, { role: 'init' })],
      want: { start: [], kill: ['side1:podDone'] },
      initFailed: true,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const a = sync(snap(c.pod, c.containers, c.opts));
      const got = short(a);
      for (const k of Object.keys(c.want) as (keyof typeof got)[]) expect(got[k], k).toEqual(c.want[k]);
      if (c.initialized !== undefined) expect(a.initialized).toBe(c.initialized);
      if (c.podDone !== undefined) expect(a.podDone).toBe(c.podDone);
      expect(a.initFailed).toBe(c.initFailed ?? false);
    });
  }

  it('a sidecar killed for a failed probe is restarted whatever the pod restartPolicy', () => {
    const a = sync(snap(pod({ policy: 'Never', init: [sidecar('side1')], containers: ['foo1'] }), [sandbox(), running('side1', { role: 'init', id: 's1' }), running('foo1')], {
      probes: probes([['s1', { started: true, failed: { message: 'x' } }]]),
    }));
    expect(a.kill[0]!.restart).toBe('always');
  });
});

describe('terminationOrder', () => {
  it('app containers together first, then the sidecars one by one in reverse order', () => {
    const p = pod({ init: [sidecar('side1'), 'init2', sidecar('side3')], containers: ['foo1', 'foo2'] });
    const groups = terminationOrder(p, [sandbox(), running('side1', { role: 'init' }), exitedC('init2', 0, { role: 'init' }), running('side3', { role: 'init' }), running('foo1'), running('foo2')]);
    expect(groups.map((g) => g.map((k) => k.name))).toEqual([['foo1', 'foo2'], ['side3'], ['side1']]);
    expect(groups[0]![0]!.message).toBe('Stopping container foo1');
  });

  it('a regular init container still running stops with the app containers; nothing running: no groups', () => {
    const p = pod({ init: ['init1'], containers: ['foo1'] });
    expect(terminationOrder(p, [sandbox(), running('init1', { role: 'init' })]).map((g) => g.map((k) => k.name))).toEqual([['init1']]);
    expect(terminationOrder(p, [sandbox('exited'), exitedC('foo1', 0)])).toEqual([]);
  });
});

describe('computePodActions: ephemeral containers (TestComputePodActions, ephemeral cases)', () => {
  const withDebugger = (o: Parameters<typeof pod>[0] = {}, status?: Pod['status']): Pod => {
    const p = pod({ containers: ['foo1'], ...o, ...(status ? { status } : {}) });
    p.spec.ephemeralContainers = [{ name: 'debugger', image: 'busybox', targetContainerName: 'foo1' }];
    return p;
  };
  const eph = (name: string, state: RuntimeContainer['state'], o: Parameters<typeof rc>[2] = {}) => rc(name, state, { role: 'ephemeral', ...o });

  it('Create ephemeral container: started in the running sandbox', () => {
    const a = sync(snap(withDebugger(), [sandbox(), running('foo1')]));
    expect(short(a)).toEqual({ sandbox: 'keep', start: ['debugger#0'], kill: [], backoff: [] });
    expect(a.start[0]!.role).toBe('ephemeral');
  });

  it('Ephemeral containers are never restarted (exited, or once seen by the API)', () => {
    expect(short(sync(snap(withDebugger(), [sandbox(), running('foo1'), eph('debugger', 'exited', { exit: 1 })]))).start).toEqual([]);
    const seen = withDebugger({}, { phase: 'Running', ephemeralContainerStatuses: [{ name: 'debugger', containerID: 'docker://gone', state: {}, lastState: {}, ready: false, restartCount: 0, image: 'busybox', imageID: '' }] });
    expect(short(sync(snap(seen, [sandbox(), running('foo1')]))).start).toEqual([]);
  });

  it('Kill pod and do not restart ephemeral container: a new sandbox starts none, the running one is stopped', () => {
    const a = sync(snap(withDebugger(), [sandbox('exited'), running('foo1'), eph('debugger', 'running')]));
    expect(short(a)).toMatchObject({ sandbox: 'create#1', start: [], kill: ['foo1:sandbox', 'debugger:sandbox'] });
  });

  it('may start before init completes', () => {
    const a = sync(snap(withDebugger({ init: ['init1'] }), [sandbox(), running('init1', { role: 'init' })]));
    expect(a.initialized).toBe(false);
    expect(short(a).start).toEqual(['debugger#0']);
  });

  it('stops with the app containers on deletion', () => {
    const groups = terminationOrder(withDebugger(), [sandbox(), running('foo1'), eph('debugger', 'running')]);
    expect(groups.map((g) => g.map((k) => `${k.name}:${k.role}`))).toEqual([['foo1:app', 'debugger:ephemeral']]);
  });
});
