// The node agent: turns the pods bound to this node into Docker containers and reports their status.
//
// Level-triggered: every sync of a pod observes what Docker has (found by labels), asks the pure
// computePodActions (pod-actions.ts) what to do, carries the actions out through the runtime port and
// writes the status when it changed. Syncs of one pod never overlap; different pods sync in
// parallel. Triggers: pod changes (watch), Docker container events, probe results, timers (backoff
// expiry) and a periodic relist that also removes containers whose pod no longer exists.
import type { Container, Pod } from '../api/types.js';
import { RESOURCES } from '../api/registry.js';
import { isApiError } from '../api/errors.js';
import type { Registry } from '../registry/registry.js';
import type { EventRecorder } from '../events/recorder.js';
import { LABELS, type ContainerRuntime, type ExecSession, type RuntimeContainer } from '../runtime/runtime.js';
import type { ExecOptions, LogOptions, NodeApi } from './node-api.js';
import { ContainerObserver } from './observer.js';
import { PodStreams } from './pod-streams.js';
import { appSpec, emptyDirOptions, infraSpec, INFRA_NAME, volumeName } from './container-spec.js';
import { networkName } from '../runtime/runtime.js';
import { securityFields } from './security-context.js';
import { Backoff } from './backoff.js';
import { ImageManager, ImagePullFailed } from './images.js';
import { computePodStatus, type Observation, type ObservedContainer } from './pod-status.js';
import {
  computePodActions,
  instances,
  isSidecar,
  newest,
  HASH_LABEL,
  containerHash,
  SANDBOX_LABEL,
  sandboxOf,
  type ContainerToKill,
  type ContainerToStart,
  type PodSnapshot,
  type ProbeView,
  type SyncActions,
  type Role,
} from './pod-actions.js';
import type { Clock } from '../util/clock.js';
import { nodeObject } from './node.js';
import { ProbeManager, type RunningContainer } from './probes/manager.js';
import { DefaultProbeTransport, type ProbeTransport } from './probes/transport.js';
import { HookRunner, graceAfterPreStop, hookOf, podRef } from './lifecycle.js';
import type { PodNetworkSettings } from '../dataplane/manager.js';
import { serviceEnv } from './service-env.js';
import { VolumeManager } from './volumes/manager.js';
import { containerEnv, serviceLinkServices, skippedKeysMessage } from './env.js';
import type { TokenIssuer } from '../auth/sa-token.js';
import { podPullSecrets, registryEnvSources } from './env-sources.js';
import { credentialsFor, dockerConfigsOf } from './credential-keyring.js';

const SERVICES = RESOURCES.find((r) => r.kind === 'Service')!;

const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const NODES = RESOURCES.find((r) => r.kind === 'Node')!;
const RELIST_MS = 5_000;
/** Kubernetes gives postStart no deadline; kbx bounds it so a hung hook cannot hold a pod's syncs forever. */
const POST_START_TIMEOUT_MS = 120_000;

export interface KubeletDeps {
  registry: Registry;
  runtime: ContainerRuntime;
  clusterId: string;
  nodeName: string;
  clock: Clock;
  recorder: EventRecorder;
  infraImage: string;
  log: (msg: string) => void;
  /** How probes reach containers; default: Docker exec for exec probes, the pod IP or the pod's sandbox for http/tcp. */
  probeTransport?: ProbeTransport;
  /** The data plane a sandbox is wired to (service route and cluster DNS); none: pods get Docker's defaults. */
  podNetwork?: () => Promise<PodNetworkSettings | undefined>;
  /** Where delayed syncs, the relist and probes are scheduled; default: the real timers (a test's fake clock drives its own). */
  timers?: Timers;
  /** Where configMap/secret/downwardAPI/projected volume contents are written ($KBX_HOME/pods). */
  podsDir?: string;
  /** Signs projected service-account tokens. */
  tokens?: TokenIssuer;
}

export interface Timers {
  setTimer(fn: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

const REAL_TIMERS: Timers = {
  setTimer: (fn, ms) => {
    const t = setTimeout(fn, ms);
    t.unref();
    return t;
  },
  clearTimer: (t) => clearTimeout(t as NodeJS.Timeout),
};

interface Worker {
  running: boolean;
  dirty: boolean;
  timer?: unknown;
  timerAt?: number;
}

/** What the kubelet remembers of one pod between syncs; everything else it reads from Docker and the API each time. */
interface PodMemory {
  /** Waiting reasons Docker cannot tell (image pulls, CrashLoopBackOff, create errors), by container name. */
  waiting: Map<string, { reason: string; message?: string }>;
  /** The sandbox as last seen (for preStop hooks of kills). */
  sandbox?: { id: string; ip?: string };
  /**
   * Docker containers the kubelet killed to restart them, by id: for a failed probe or postStart hook (restarted even
   * after exit 0 under OnFailure) or a changed spec (restarted whatever the policy).
   */
  killed: Map<string, 'always' | 'unlessNever'>;
  /** Containers whose liveness or startup probe failed, by id: the next sync kills them. */
  probeFailed: Map<string, { message: string; grace?: number }>;
  /** When a pull's progress was last shown, by container name (at most once a second). */
  lastProgress: Map<string, number>;
  /** The relist's fingerprint of the pod's Docker containers (a change wakes a sync). */
  fingerprint?: string;
}

export class Kubelet implements NodeApi {
  private pods = new Map<string, Pod>();
  private workers = new Map<string, Worker>();
  private backoff = new Backoff();
  private images: ImageManager;
  private observer: ContainerObserver;
  private streams: PodStreams;
  private stopWatch?: () => void;
  private events?: { close(): void };
  private relistTimer?: unknown;
  private readonly timers: Timers;
  private hostIP?: string;
  private ready = false;
  private stopped = false;
  private probes: ProbeManager;
  /** What the kubelet remembers of each pod between syncs, by pod uid (forgotten in one step when the pod goes). */
  private memory = new Map<string, PodMemory>();
  private transport: ProbeTransport;
  private hooks: HookRunner;
  private volumes: VolumeManager;

  constructor(private readonly d: KubeletDeps) {
    this.timers = d.timers ?? REAL_TIMERS;
    this.observer = new ContainerObserver(d.runtime);
    this.streams = new PodStreams(d.runtime, d.clusterId);
    this.volumes = new VolumeManager({
      registry: d.registry,
      podsDir: d.podsDir ?? `${process.env.TMPDIR || '/tmp'}/kbx-pods-${d.clusterId}`,
      nodeName: d.nodeName,
      tokens: d.tokens,
      enqueue: (uid) => this.enqueue(uid),
      now: () => d.clock.now(),
    });
    this.images = new ImageManager(d.runtime, d.recorder, d.clock);
    this.transport = d.probeTransport ?? new DefaultProbeTransport(d.runtime, { log: d.log });
    this.hooks = new HookRunner(d.runtime, this.transport);
    this.probes = new ProbeManager({
      now: () => d.clock.now(),
      transport: this.transport,
      event: (pod, container, e) => {
        const init = (pod.spec.initContainers ?? []).some((c) => c.name === container);
        d.recorder.record('kubelet', pod, e.type, e.reason, e.message, fieldPath(init ? 'init' : 'app', container));
      },
      changed: (uid) => this.enqueue(uid),
      setTimer: (fn, ms) => this.timers.setTimer(fn, ms),
      clearTimer: (t) => this.timers.clearTimer(t),
      kill: (pod, _container, id, message, grace) => {
        // As the kubelet's prober: the result is recorded and the pod's sync kills the container.
        this.mem(pod.metadata.uid!).probeFailed.set(id, { message, ...(grace !== undefined ? { grace } : {}) });
        this.enqueue(pod.metadata.uid!);
      },
    });
  }

  private mem(uid: string): PodMemory {
    let m = this.memory.get(uid);
    if (!m) {
      m = { waiting: new Map(), killed: new Map(), probeFailed: new Map(), lastProgress: new Map() };
      this.memory.set(uid, m);
    }
    return m;
  }

  /**
   * Stops an app container as Kubernetes' killContainer does: its preStop hook first (taken off the grace period,
   * event FailedPreStopHook if it fails), then the stop signal with what is left of the grace period.
   */
  private async stopApp(pod: Pod, spec: Container | undefined, id: string, graceSeconds: number, infra?: { id: string; ip?: string }): Promise<void> {
    const hook = spec && hookOf(spec, 'preStop');
    let grace = graceSeconds;
    if (hook && spec && graceSeconds > 0) {
      const t0 = this.d.clock.now();
      const failed = await this.hooks.run(hook, { pod, container: spec, containerId: id, podIP: infra?.ip, infraId: infra?.id }, graceSeconds * 1000);
      const init = (pod.spec.initContainers ?? []).includes(spec);
      if (failed) this.d.recorder.record('kubelet', pod, 'Warning', 'FailedPreStopHook', failed, fieldPath(init ? 'init' : 'app', spec.name));
      grace = graceAfterPreStop(graceSeconds, this.d.clock.now() - t0);
    }
    await this.d.runtime.stopContainer(id, grace);
  }

  async start(): Promise<void> {
    const { registry } = this.d;
    this.stopWatch = registry.watch(PODS, undefined, {}, (e) => {
      const pod = e.object as Pod;
      const uid = pod.metadata.uid!;
      if (e.type === 'DELETED') this.pods.delete(uid);
      else if (pod.spec.nodeName === this.d.nodeName) this.pods.set(uid, pod);
      else return;
      if (this.ready) this.enqueue(uid);
    });
    this.volumes.start();
    void this.connect();
    const relistLoop = () => {
      this.relistTimer = this.timers.setTimer(() => {
        void this.relist().finally(() => !this.stopped && relistLoop());
      }, RELIST_MS);
    };
    relistLoop();
  }

  /** Waits for Docker, sets up the cluster network and node, then syncs every pod. Retries while Docker is down. */
  private async connect(): Promise<void> {
    const { runtime, clusterId } = this.d;
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        await runtime.ping();
        const net = await runtime.ensureNetwork(networkName(clusterId), { [LABELS.managed]: 'true', [LABELS.cluster]: clusterId });
        this.hostIP = net.gateway;
        await this.registerNode();
        this.events = runtime.events({ [LABELS.cluster]: clusterId }, (ev) => {
          const uid = ev.labels[LABELS.podUid];
          this.observer.event(ev.action, ev.id);
          if (uid) this.enqueue(uid);
        });
        this.ready = true;
        await this.relist();
        for (const uid of this.pods.keys()) this.enqueue(uid);
        return;
      } catch (e) {
        if (attempt === 0) this.d.log(`kubelet: waiting for Docker: ${(e as Error).message}`);
        await new Promise<void>((r) => this.timers.setTimer(r, Math.min(5000, 250 * 2 ** attempt)));
      }
    }
  }

  stop(): void {
    this.stopped = true;
    this.stopWatch?.();
    this.events?.close();
    if (this.relistTimer !== undefined) this.timers.clearTimer(this.relistTimer);
    for (const w of this.workers.values()) if (w.timer !== undefined) this.timers.clearTimer(w.timer);
    this.probes.close();
    this.volumes.close();
  }

  private async registerNode(): Promise<void> {
    const info = await this.d.runtime.info();
    const node = nodeObject(this.d.nodeName, info, this.hostIP, this.d.clock.now());
    const existing = this.d.registry.tryGet(NODES, undefined, this.d.nodeName);
    if (!existing) this.d.registry.create(NODES, undefined, node);
    else this.d.registry.mutate(NODES, undefined, this.d.nodeName, (n) => { n.status = node.status; }, { subresource: 'status' });
  }

  /** One Docker list for the whole cluster: finds pods whose containers changed, and orphans. */
  private async relist(): Promise<void> {
    if (!this.ready) return;
    let all: RuntimeContainer[];
    try {
      all = await this.d.runtime.listContainers({ [LABELS.cluster]: this.d.clusterId });
    } catch {
      return;
    }
    const byPod = new Map<string, RuntimeContainer[]>();
    for (const c of all) {
      const uid = c.labels[LABELS.podUid];
      if (!uid) continue;
      const list = byPod.get(uid) ?? [];
      list.push(c);
      byPod.set(uid, list);
    }
    for (const [uid, cs] of byPod) {
      // What the kubelet relies on: each container's state and the sandbox's IP (a network disconnected behind its back).
      const fp = cs.map((c) => `${c.id}:${c.state}${c.labels[LABELS.role] === 'infra' ? `:${c.ipAddress ?? ''}` : ''}`).sort().join(',');
      const m = this.mem(uid);
      if (!this.pods.has(uid) || m.fingerprint !== fp) this.enqueue(uid);
      m.fingerprint = fp;
    }
    for (const uid of this.memory.keys()) if (!byPod.has(uid) && !this.pods.has(uid) && !this.workers.has(uid)) this.memory.delete(uid);
    // Pods whose containers vanished behind our back (docker rm -f) need a sync too.
    for (const uid of this.pods.keys()) if (!byPod.has(uid)) this.enqueue(uid);
    this.volumes.sweep(new Set(this.pods.keys()));
    // Forget inspections of containers that no longer exist.
    const ids = new Set(all.map((c) => c.id));
    this.observer.retain(ids);
  }

  enqueue(uid: string, delayMs = 0): void {
    if (this.stopped) return;
    let w = this.workers.get(uid);
    if (!w) {
      w = { running: false, dirty: false };
      this.workers.set(uid, w);
    }
    if (delayMs > 0) {
      const at = this.d.clock.now() + delayMs;
      if (w.timer !== undefined && w.timerAt! <= at) return;
      if (w.timer !== undefined) this.timers.clearTimer(w.timer);
      w.timerAt = at;
      w.timer = this.timers.setTimer(() => {
        w!.timer = undefined;
        this.enqueue(uid);
      }, delayMs);
      return;
    }
    if (w.running) {
      w.dirty = true;
      return;
    }
    w.running = true;
    void this.runWorker(uid, w);
  }

  private async runWorker(uid: string, w: Worker): Promise<void> {
    do {
      w.dirty = false;
      try {
        await this.syncPod(uid);
      } catch (e) {
        this.d.log(`kubelet: sync of pod ${uid} failed: ${(e as Error)?.stack ?? e}`);
        this.enqueue(uid, 2000);
      }
    } while (w.dirty && !this.stopped);
    w.running = false;
    if (!this.pods.has(uid) && w.timer === undefined) this.workers.delete(uid);
  }

  // ---------------------------------------------------------------- sync

  /** One sync: observe → computePodActions (pure, pod-actions.ts) → carry the actions out → write the status. */
  private async syncPod(uid: string): Promise<void> {
    const containers = await this.observeAll(uid);
    const pod = this.pods.get(uid);
    if (!pod) return this.cleanup(uid, containers);
    const actions = computePodActions(this.snapshot(pod, containers));
    if (actions.kind === 'terminate') return this.terminate(pod, containers, actions.stopOrder);
    if (actions.kind === 'finished') {
      this.probes.removePod(uid);
      // A finished pod keeps its containers (for logs) but not its sandbox.
      for (const id of actions.stop) await this.d.runtime.stopContainer(id, 0);
      return;
    }
    // Volumes with API data (configMap, secret, downwardAPI, projected): none missing before anything starts.
    if (!this.mountVolumes(pod, containers)) return;
    await this.execute(pod, containers, actions);
  }

  private observeAll(uid: string): Promise<RuntimeContainer[]> {
    return this.listPod(uid).then((list) => this.observer.observe(list));
  }

  private listPod(uid: string): Promise<RuntimeContainer[]> {
    return this.d.runtime.listContainers({ [LABELS.cluster]: this.d.clusterId, [LABELS.podUid]: uid });
  }

  /** What computePodActions needs besides the containers: probe results, kills in flight, backoff delays. */
  private snapshot(pod: Pod, containers: RuntimeContainer[]): PodSnapshot {
    const uid = pod.metadata.uid!;
    const now = this.d.clock.now();
    const m = this.mem(uid);
    const probes = new Map<string, ProbeView>();
    for (const c of containers) {
      const spec = specOf(pod, c);
      if (c.state !== 'running' || !spec) continue;
      const failed = m.probeFailed.get(c.id);
      probes.set(c.id, { started: this.probes.state(uid, spec, c.id).started ?? true, ...(failed ? { failed: { message: failed.message, graceSeconds: failed.grace } } : {}) });
    }
    const backoff = new Map<string, number>();
    for (const c of [...(pod.spec.initContainers ?? []), ...pod.spec.containers]) backoff.set(c.name, this.backoff.currentDelay(`${uid}/${c.name}`, now));
    const infra = sandboxOf(containers);
    const sandboxWithoutNetwork = !!infra && infra.state === 'running' && !infra.ipAddress;
    return { pod, containers, probes, killed: m.killed, backoff, now, ...(sandboxWithoutNetwork ? { sandboxWithoutNetwork } : {}) };
  }

  /** Carries out one sync's actions through the runtime port, in the kubelet's order, then writes the status. */
  private async execute(pod: Pod, containers: RuntimeContainer[], a: SyncActions): Promise<void> {
    const { runtime, clock, recorder } = this.d;
    const uid = pod.metadata.uid!;
    const m = this.mem(uid);
    for (const k of a.kill) {
      const spec = specOf(pod, k);
      if (k.immediate) {
        await runtime.stopContainer(k.id, 0);
        continue;
      }
      if (k.reason !== 'probe') recorder.record('kubelet', pod, 'Normal', 'Killing', k.message, fieldPath(k.role, k.name));
      if (k.restart) m.killed.set(k.id, k.restart);
      await this.stopApp(pod, spec, k.id, k.graceSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30, m.sandbox);
    }

    let infra: RuntimeContainer | undefined;
    if (a.createSandbox) {
      infra = await this.createSandbox(pod, containers, a.createSandbox);
      if (!infra) return;
    } else infra = containers.find((c) => c.id === a.sandboxId);
    if (infra) m.sandbox = { id: infra.id, ip: infra.ipAddress };

    if (infra) {
      for (const r of a.resume) await this.resume(pod, r.id);
      for (const s of a.start.filter((x) => x.role === 'init')) await this.startInstance(pod, s, infra);
      if (a.announceInitialized && a.start.some((x) => x.role === 'app')) {
        // Init just completed: say so (PodInitializing) before starting the app containers, whose postStart hooks
        // can take a while, as the kubelet writes a pod's status before acting on it.
        this.writeStatus(pod, this.observation(pod, containers, infra, { initialized: true, initFailed: false }));
      }
      for (const s of a.start.filter((x) => x.role === 'app')) await this.startInstance(pod, s, infra);
      for (const s of a.start.filter((x) => x.role === 'ephemeral')) await this.startInstance(pod, s, infra, containers);
    }
    for (const b of a.backoff) {
      const ref = podRef(pod);
      m.waiting.set(b.name, { reason: 'CrashLoopBackOff', message: `back-off ${Math.round(b.delayMs / 1000)}s restarting failed container=${b.name} pod=${ref}` });
      recorder.record('kubelet', pod, 'Warning', 'BackOff', `Back-off restarting failed container ${b.name} in pod ${ref}`, fieldPath(b.role, b.name));
      this.enqueue(uid, b.waitMs + 50);
    }

    // Status, from a fresh look at Docker after the steps above.
    const after = await this.observeAll(uid);
    for (const id of m.killed.keys()) if (!after.some((c) => c.id === id)) m.killed.delete(id);
    for (const id of m.probeFailed.keys()) if (!after.some((c) => c.id === id && c.state === 'running')) m.probeFailed.delete(id);
    if (infra) {
      // Probe workers follow the containers that run now (a new container starts its probes over); sidecars too.
      const running: RunningContainer[] = [];
      const specs: [Container, boolean][] = [...(pod.spec.initContainers ?? []).filter(isSidecar).map((c) => [c, true] as [Container, boolean]), ...pod.spec.containers.map((c) => [c, false] as [Container, boolean])];
      for (const [c, sidecar] of specs) {
        const [cur] = instances(after, c.name);
        if (cur && cur.state === 'running' && (!cur.labels[SANDBOX_LABEL] || cur.labels[SANDBOX_LABEL] === infra.id)) {
          running.push({ spec: c, id: cur.id, startedAt: cur.startedAt ? Date.parse(cur.startedAt) : clock.now(), ...(sidecar ? { restartPolicy: 'Always' as const } : {}) });
        }
      }
      this.probes.update(pod, infra.ipAddress, infra.id, running);
    } else this.probes.removePod(uid);
    const initialized = a.initialized && !a.initFailed;
    this.writeStatus(pod, this.observation(pod, after, infra, { initialized, initFailed: a.initFailed }));
    if (a.initFailed || a.podDone || a.sandboxGone) {
      // Terminal pods release their sandbox on the next sync.
      const cur = this.pods.get(uid);
      if (cur?.status?.phase === 'Succeeded' || cur?.status?.phase === 'Failed') this.enqueue(uid, 100);
    }
  }

  /** What the status is computed from: the containers as seen, with waiting reasons and probe results. */
  private observation(pod: Pod, containers: RuntimeContainer[], infra: RuntimeContainer | undefined, init: { initialized: boolean; initFailed: boolean }): Observation {
    const uid = pod.metadata.uid!;
    const withProbes = (c: Container) => {
      const [cur, prev] = instances(containers, c.name);
      return { ...this.observed(pod, c, cur, prev), ...(cur?.state === 'running' ? this.probes.state(uid, c, cur.id) : {}) };
    };
    return {
      sandboxReady: !!infra,
      podIP: infra?.ipAddress,
      hostIP: this.hostIP,
      init: (pod.spec.initContainers ?? []).map((c) => (isSidecar(c) ? { ...withProbes(c), sidecar: true } : this.observed(pod, c, ...instances(containers, c.name)))),
      app: pod.spec.containers.map(withProbes),
      ephemeral: (pod.spec.ephemeralContainers ?? []).map((c) => this.observed(pod, c, ...instances(containers, c.name))),
      ...init,
    };
  }

  private observed(pod: Pod, c: Container, cur?: RuntimeContainer, prev?: RuntimeContainer): ObservedContainer {
    const m = this.mem(pod.metadata.uid!);
    let waiting = m.waiting.get(c.name);
    // A waiting reason only stands while nothing newer runs.
    if (waiting && cur && cur.state === 'running') {
      m.waiting.delete(c.name);
      waiting = undefined;
    }
    return { name: c.name, image: c.image, current: cur, previous: prev, waiting };
  }

  private async createSandbox(pod: Pod, containers: RuntimeContainer[], want: { attempt: number; replaces?: string }): Promise<RuntimeContainer | undefined> {
    const { runtime, clusterId, infraImage } = this.d;
    // The dead sandbox goes (its containers were stopped by the kill actions: they restart in the new one).
    if (want.replaces) for (const c of containers) if (c.labels[LABELS.role] === 'infra') await runtime.removeContainer(c.id, { force: true });
    const fsGroup = (pod.spec.securityContext as { fsGroup?: number } | undefined)?.fsGroup;
    for (const v of pod.spec.volumes ?? []) {
      if (!v.emptyDir) continue;
      const owned = await runtime.createVolume(volumeName(clusterId, pod, v.name), { [LABELS.managed]: 'true', [LABELS.cluster]: clusterId, [LABELS.podUid]: pod.metadata.uid! }, emptyDirOptions(v, fsGroup));
      if (!owned) this.d.recorder.record('kubelet', pod, 'Warning', 'FailedMount', `MountVolume.SetUp for volume "${v.name}": the Docker engine's files are not reachable from kbx, so the emptyDir keeps Docker's root-owned 0755 directory${typeof fsGroup === 'number' ? ` (fsGroup ${fsGroup} not applied)` : ''}`);
    }
    if (!(await runtime.imagePresent(infraImage))) {
      try {
        await runtime.pullImage(infraImage);
      } catch (e) {
        this.setWaitingAll(pod, 'ContainerCreating', `infrastructure image "${infraImage}" is missing: ${(e as Error).message}`);
        this.d.recorder.record('kubelet', pod, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: ${(e as Error).message}`);
        this.enqueue(pod.metadata.uid!, 10_000);
        return undefined;
      }
    }
    const spec = infraSpec(clusterId, pod, infraImage, await this.d.podNetwork?.());
    spec.name = spec.name.replace(/_0$/, `_${want.attempt}`);
    spec.labels[LABELS.restartCount] = String(want.attempt);
    try {
      const id = await runtime.createContainer(spec);
      await runtime.startContainer(id);
      const c = await runtime.inspectContainer(id);
      if (want.replaces) this.d.recorder.record('kubelet', pod, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.');
      return c ?? undefined;
    } catch (e) {
      this.d.recorder.record('kubelet', pod, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: ${(e as Error).message}`);
      this.enqueue(pod.metadata.uid!, 5_000);
      return undefined;
    }
  }

  /** The service variables of the pod's namespace (only the master service's with enableServiceLinks: false). */
  private serviceEnvFor(pod: Pod): string[] {
    try {
      const ns = this.d.registry.list(SERVICES, pod.metadata.namespace).items;
      return serviceEnv(serviceLinkServices(pod, ns, pod.metadata.namespace === 'default' ? ns : this.d.registry.list(SERVICES, 'default').items));
    } catch {
      return [];
    }
  }

  /**
   * Sets up the pod's API-data volumes (WaitForAttachAndMount): each failure is a FailedMount event; one that was
   * never mounted keeps the pod ContainerCreating (false), retried when a ConfigMap or Secret changes and every 10 s.
   */
  private mountVolumes(pod: Pod, containers: RuntimeContainer[]): boolean {
    const failures = this.volumes.setUp(pod, { hostIP: this.hostIP, podIP: this.mem(pod.metadata.uid!).sandbox?.ip });
    for (const f of failures) this.d.recorder.record('kubelet', pod, 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${f.volume}" : ${f.message}`);
    if (!failures.some((f) => f.blocking)) return true;
    for (const c of pod.spec.containers) this.mem(pod.metadata.uid!).waiting.set(c.name, { reason: 'ContainerCreating' });
    const obs = (list: Container[]) => list.map((c) => this.observed(pod, c, ...instances(containers, c.name)));
    this.writeStatus(pod, { sandboxReady: false, hostIP: this.hostIP, init: obs(pod.spec.initContainers ?? []), app: obs(pod.spec.containers), initialized: false, initFailed: false });
    this.enqueue(pod.metadata.uid!, 10_000);
    return false;
  }

  private setWaitingAll(pod: Pod, reason: string, message: string): void {
    const m = this.mem(pod.metadata.uid!);
    for (const c of pod.spec.containers) m.waiting.set(c.name, { reason, message });
  }

  private async startContainer(pod: Pod, c: Container, role: Role, attempt: number, infra: RuntimeContainer, pidOf?: RuntimeContainer): Promise<void> {
    const { runtime, clusterId, recorder } = this.d;
    const key = `${pod.metadata.uid}/${c.name}`;
    const waiting = this.mem(pod.metadata.uid!).waiting;
    const where = fieldPath(role, c.name);
    let image: Awaited<ReturnType<ImageManager['ensure']>>;
    try {
      const pull = podPullSecrets(this.d.registry, pod);
      if (pull.missing.length) recorder.record('kubelet', pod, 'Warning', 'FailedToRetrieveImagePullSecret', `Unable to retrieve some image pull secrets (${pull.missing.join(', ')}); attempting to pull the image may not succeed.`);
      image = await this.images.ensure(pod, c, where, (msg) => this.progress(pod, c, msg, where), credentialsFor(c.image, dockerConfigsOf(pull.secrets)));
    } catch (e) {
      if (!(e instanceof ImagePullFailed)) throw e;
      waiting.set(c.name, { reason: e.reason, message: e.message });
      this.enqueue(pod.metadata.uid!, Math.max(1000, this.images.retryIn(pod, c) + 100));
      return;
    }
    const env = containerEnv(pod, c, { ...registryEnvSources(this.d.registry, pod, this.d.nodeName), services: this.serviceEnvFor(pod), podIP: infra.ipAddress, hostIP: this.hostIP });
    if ('error' in env) {
      waiting.set(c.name, { reason: 'CreateContainerConfigError', message: env.error });
      recorder.record('kubelet', pod, 'Warning', 'Failed', `Error: ${env.error}`, where);
      this.enqueue(pod.metadata.uid!, 10_000);
      return;
    }
    for (const s of env.skipped) recorder.record('kubelet', pod, 'Warning', 'InvalidEnvironmentVariableNames', skippedKeysMessage(pod.metadata.namespace!, s));
    const security = securityFields(pod, c, (image ?? (await runtime.imagePresent(c.image)))?.user);
    if ('error' in security) {
      waiting.set(c.name, { reason: 'CreateContainerConfigError', message: security.error });
      recorder.record('kubelet', pod, 'Warning', 'Failed', `Error: ${security.error}`, where);
      this.enqueue(pod.metadata.uid!, 10_000);
      return;
    }
    const spec = { ...appSpec(clusterId, pod, c, role, attempt, infra.id, [], { env: env.env, mounts: this.volumes.mountsFor(pod, c) }), ...security };
    if (security.capAdd) spec.capAdd = security.capAdd;
    // An ephemeral container with a target sees that container's processes (the kubelet's namespace targeting).
    // shareProcessNamespace: every container joins the sandbox's PID namespace (the pause process is PID 1).
    if (pidOf) spec.pidMode = `container:${pidOf.id}`;
    else if (pod.spec.shareProcessNamespace === true) spec.pidMode = `container:${infra.id}`;
    // hostPID / hostIPC: the host's namespaces, as the CRI's NamespaceMode NODE (validation forbids hostPID with shareProcessNamespace).
    if (pod.spec.hostPID === true) spec.pidMode = 'host';
    if (pod.spec.hostIPC === true) spec.ipcMode = 'host';
    spec.labels[SANDBOX_LABEL] = infra.id;
    spec.labels[HASH_LABEL] = containerHash(c);
    let id: string;
    try {
      id = await runtime.createContainer(spec);
    } catch (e) {
      const existing = await runtime.inspectContainer(spec.name);
      if (!existing) {
        const msg = (e as Error).message;
        waiting.set(c.name, { reason: 'CreateContainerError', message: msg });
        recorder.record('kubelet', pod, 'Warning', 'Failed', `Error: ${msg}`, where);
        this.enqueue(pod.metadata.uid!, 5000);
        return;
      }
      id = existing.id; // made by a sync that was interrupted: adopt it
    }
    waiting.delete(c.name);
    recorder.record('kubelet', pod, 'Normal', 'Created', `Created container: ${c.name}`, where);
    try {
      await runtime.startContainer(id);
      recorder.record('kubelet', pod, 'Normal', 'Started', `Started container ${c.name}`, where);
      const postStart = role === 'app' || isSidecar(c) ? hookOf(c, 'postStart') : undefined;
      if (postStart) await this.postStart(pod, c, role, id, postStart, infra);
    } catch (e) {
      const msg = (e as Error).message;
      recorder.record('kubelet', pod, 'Warning', 'Failed', `Error: failed to start container "${c.name}": ${msg}`, where);
      this.backoff.next(key, this.d.clock.now());
      this.enqueue(pod.metadata.uid!, 1000);
    }
  }

  /**
   * Runs a container's postStart hook; the sync waits for it, as the kubelet's does. A failure kills the container
   * (its preStop runs first) and it restarts under the pod's restartPolicy.
   */
  private async postStart(pod: Pod, c: Container, role: Role, id: string, hook: Record<string, any>, infra: RuntimeContainer): Promise<void> {
    const { recorder } = this.d;
    const where = fieldPath(role, c.name);
    const failed = await this.hooks.run(hook, { pod, container: c, containerId: id, podIP: infra.ipAddress, infraId: infra.id }, POST_START_TIMEOUT_MS);
    if (!failed) return;
    recorder.record('kubelet', pod, 'Warning', 'FailedPostStartHook', failed, where);
    recorder.record('kubelet', pod, 'Normal', 'Killing', 'FailedPostStartHook', where);
    const m = this.mem(pod.metadata.uid!);
    m.killed.set(id, 'unlessNever'); // restarts even after exit 0 (OnFailure)
    await this.stopApp(pod, c, id, pod.spec.terminationGracePeriodSeconds ?? 30, { id: infra.id, ip: infra.ipAddress });
    m.waiting.set(c.name, { reason: 'PostStartHookError', message: failed });
  }

  /** A container that was created but never started (interrupted sync): start it now. */
  private async resume(pod: Pod, id: string): Promise<void> {
    try {
      await this.d.runtime.startContainer(id);
    } catch {
      this.enqueue(pod.metadata.uid!, 1000);
    }
  }

  /** Starts a new instance; a restart first records the backoff step and removes instances older than the one it replaces. */
  private async startInstance(pod: Pod, s: ContainerToStart, infra: RuntimeContainer, containers: RuntimeContainer[] = []): Promise<void> {
    const c = specOf(pod, s)!;
    if (s.role === 'ephemeral') {
      const target = (c as { targetContainerName?: string }).targetContainerName;
      const running = target ? instances(containers, target)[0] : undefined;
      return this.startContainer(pod, c, s.role, s.attempt, infra, running?.state === 'running' ? running : undefined);
    }
    if (s.replaces) {
      this.backoff.next(`${pod.metadata.uid}/${c.name}`, this.d.clock.now());
      // Keep the last dead instance for `logs --previous`; older ones go.
      const all = await this.d.runtime.listContainers({ [LABELS.cluster]: this.d.clusterId, [LABELS.podUid]: pod.metadata.uid!, [LABELS.container]: c.name });
      for (const old of all) if (old.id !== s.replaces && old.state !== 'running') await this.d.runtime.removeContainer(old.id, { force: true });
    }
    await this.startContainer(pod, c, s.role, s.attempt, infra);
  }

  private progress(pod: Pod, c: Container, msg: string, where: string): void {
    const m = this.mem(pod.metadata.uid!);
    const now = this.d.clock.now();
    if (now - (m.lastProgress.get(c.name) ?? 0) < 1000) return;
    m.lastProgress.set(c.name, now);
    m.waiting.set(c.name, { reason: 'ContainerCreating', message: msg });
    // One Pulling event whose message shows the progress; the final message is Kubernetes' own.
    this.d.recorder.amend('kubelet', pod, 'Normal', 'Pulling', msg, where);
  }

  private writeStatus(pod: Pod, obs: Parameters<typeof computePodStatus>[1]): void {
    const uid = pod.metadata.uid!;
    try {
      this.d.registry.mutate(
        PODS,
        pod.metadata.namespace,
        pod.metadata.name!,
        (p) => {
          if (p.metadata.uid !== uid || p.metadata.deletionTimestamp) return false;
          const status = computePodStatus(p as Pod, obs, this.d.clock.now());
          if (JSON.stringify(status) === JSON.stringify(p.status)) return false;
          p.status = status;
        },
        { subresource: 'status' },
      );
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }

  // ---------------------------------------------------------------- termination

  /**
   * Graceful shutdown: app containers stop together, then the sidecars one by one in reverse order (each group with
   * what is left of the grace period), then everything is removed and the pod object goes.
   */
  private async terminate(pod: Pod, containers: RuntimeContainer[], stopOrder: ContainerToKill[][]): Promise<void> {
    const { clock, recorder } = this.d;
    // No more probes (Kubernetes stops liveness and startup; readiness no longer matters).
    this.probes.removePod(pod.metadata.uid!);
    const infra = newest(containers.filter((c) => c.labels[LABELS.role] === 'infra' && c.state === 'running'));
    const sandbox = infra ? { id: infra.id, ip: infra.ipAddress } : undefined;
    for (const group of stopOrder) {
      const grace = Math.ceil(Math.max(0, Date.parse(pod.metadata.deletionTimestamp!) - clock.now()) / 1000);
      await Promise.all(
        group.map(async (k) => {
          recorder.record('kubelet', pod, 'Normal', 'Killing', k.message, fieldPath(k.role, k.name));
          const spec = specOf(pod, k);
          if (k.role === 'init' && !(spec && isSidecar(spec))) await this.d.runtime.stopContainer(k.id, grace);
          else await this.stopApp(pod, spec, k.id, grace, sandbox);
        }),
      );
    }
    await this.removeAll(pod.metadata.uid!, containers);
    try {
      this.d.registry.delete(PODS, pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
    this.forget(pod.metadata.uid!);
  }

  /** The pod is gone from the API: nothing of it may keep running. */
  private async cleanup(uid: string, containers: RuntimeContainer[]): Promise<void> {
    await this.removeAll(uid, containers);
    this.forget(uid);
  }

  private async removeAll(uid: string, containers: RuntimeContainer[]): Promise<void> {
    const { runtime, clusterId } = this.d;
    // App containers first, the sandbox last: they live in its network namespace.
    const ordered = [...containers].sort((a, b) => Number(a.labels[LABELS.role] === 'infra') - Number(b.labels[LABELS.role] === 'infra'));
    for (const c of ordered) await runtime.removeContainer(c.id, { force: true, removeVolumes: true });
    for (const v of await runtime.listVolumes({ [LABELS.cluster]: clusterId, [LABELS.podUid]: uid })) {
      await runtime.removeVolume(v.name).catch(() => {});
    }
  }

  private forget(uid: string): void {
    this.volumes.tearDown(uid);
    this.probes.removePod(uid);
    this.transport.forgetPod(uid);
    this.memory.delete(uid);
    this.backoff.forgetPrefix(`${uid}/`);
    this.images.forgetPod(uid);
    this.d.recorder.forget(uid);
  }

  // ---------------------------------------------------------------- NodeApi (logs, exec, attach): pod-streams.ts

  logs(pod: Pod, opts: LogOptions): Promise<NodeJS.ReadableStream> {
    return this.streams.logs(pod, opts);
  }

  exec(pod: Pod, opts: ExecOptions): Promise<ExecSession> {
    return this.streams.exec(pod, opts);
  }

  attach(pod: Pod, opts: ExecOptions): Promise<ExecSession> {
    return this.streams.attach(pod, opts);
  }
}

/** The spec of the Kubernetes container a Docker container (or a planned action) is an instance of. */
function specOf(pod: Pod, c: RuntimeContainer | { name: string; role: Role }): Container | undefined {
  const name = 'labels' in c ? c.labels[LABELS.container] : c.name;
  const role = 'labels' in c ? c.labels[LABELS.role] : c.role;
  const list = role === 'init' ? pod.spec.initContainers ?? [] : role === 'app' ? pod.spec.containers : role === 'ephemeral' ? pod.spec.ephemeralContainers ?? [] : [];
  return list.find((x) => x.name === name);
}

function fieldPath(role: Role, name: string): string {
  return `spec.${role === 'init' ? 'initContainers' : role === 'ephemeral' ? 'ephemeralContainers' : 'containers'}{${name}}`;
}

export { INFRA_NAME };
