// The node agent: turns the pods bound to this node into Docker containers and reports their status.
//
// Level-triggered: every sync of a pod compares what the API says with what Docker has (found by
// labels) and takes the next steps. Syncs of one pod never overlap; different pods sync in
// parallel. Triggers: pod changes (watch), Docker container events, timers (backoff expiry) and a
// periodic relist that also removes containers whose pod no longer exists.
import { PassThrough } from 'node:stream';
import type { Container, Pod } from '../api/types.js';
import { RESOURCES } from '../api/registry.js';
import { isApiError } from '../api/errors.js';
import type { Registry } from '../registry/registry.js';
import type { EventRecorder } from '../events/recorder.js';
import { LABELS, type ContainerRuntime, type ExecSession, type RuntimeContainer } from '../runtime/runtime.js';
import type { ExecOptions, LogOptions, NodeApi } from '../apiserver/node-api.js';
import { appSpec, infraSpec, INFRA_NAME, networkName, podVolumes } from './container-spec.js';
import { Backoff } from './backoff.js';
import { ImageManager, ImagePullFailed } from './images.js';
import { computePodStatus, type ObservedContainer } from './pod-status.js';
import type { Clock } from '../util/clock.js';
import { nodeObject } from './node.js';
import { ProbeManager, type RunningContainer } from './probes/manager.js';
import { DefaultProbeTransport, type ProbeTransport } from './probes/transport.js';
import * as errors from '../api/errors.js';
import { HookRunner, graceAfterPreStop, hookOf } from './lifecycle.js';
import type { PodNetworkSettings } from '../dataplane/manager.js';
import { serviceEnv } from './service-env.js';
import { VolumeManager } from './volumes/manager.js';
import { containerEnv, serviceLinkServices, skippedKeysMessage } from './env.js';
import type { TokenIssuer } from '../auth/sa-token.js';
import { registryEnvSources } from './env-sources.js';

const SERVICES = RESOURCES.find((r) => r.kind === 'Service')!;

const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const NODES = RESOURCES.find((r) => r.kind === 'Node')!;
const RELIST_MS = 5_000;
const SANDBOX_LABEL = 'io.kbx.sandbox';
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
  /** Where configMap/secret/downwardAPI/projected volume contents are written ($KBX_HOME/pods). */
  podsDir?: string;
  /** Signs projected service-account tokens. */
  tokens?: TokenIssuer;
}

interface Worker {
  running: boolean;
  dirty: boolean;
  timer?: NodeJS.Timeout;
  timerAt?: number;
}

export class Kubelet implements NodeApi {
  private pods = new Map<string, Pod>();
  private workers = new Map<string, Worker>();
  private waiting = new Map<string, { reason: string; message?: string }>();
  private backoff = new Backoff();
  private images: ImageManager;
  private inspected = new Map<string, RuntimeContainer>();
  /**
   * Containers Docker reported dead (`die`) that may still be listed as running: the engine emits the event
   * before it updates the view its container list reads, so a sync woken by the event would see nothing
   * to do and wait for the next relist (seconds). observe() asks inspect, which is current.
   */
  private died = new Set<string>();
  private stopWatch?: () => void;
  private events?: { close(): void };
  private relistTimer?: NodeJS.Timeout;
  private lastSeen = new Map<string, string>(); // pod uid → fingerprint of its containers' states
  private hostIP?: string;
  private ready = false;
  private stopped = false;
  private probes: ProbeManager;
  /** Docker containers stopped for a failed liveness/startup probe: restarted even after exit 0 (OnFailure). */
  private probeKilled = new Map<string, string>(); // container id → pod uid
  private transport: ProbeTransport;
  private hooks: HookRunner;
  private volumes: VolumeManager;

  constructor(private readonly d: KubeletDeps) {
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
      event: (pod, container, e) => d.recorder.record('kubelet', pod, e.type, e.reason, e.message, `spec.containers{${container}}`),
      changed: (uid) => this.enqueue(uid),
      kill: (pod, container, id, _message, grace) => this.killForProbe(pod, container, id, grace),
    });
  }

  /** The pod's sandbox as last seen (for hooks that run outside a sync). */
  private sandboxes = new Map<string, { id: string; ip?: string }>();

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
      if (failed) this.d.recorder.record('kubelet', pod, 'Warning', 'FailedPreStopHook', failed, `spec.containers{${spec.name}}`);
      grace = graceAfterPreStop(graceSeconds, this.d.clock.now() - t0);
    }
    await this.d.runtime.stopContainer(id, grace);
  }

  /** A liveness or startup probe failed: stop the container (with the grace period); the next sync restarts it. */
  private killForProbe(pod: Pod, container: string, id: string, graceSeconds?: number): void {
    const uid = pod.metadata.uid!;
    const grace = graceSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    this.probeKilled.set(id, uid);
    const spec = pod.spec.containers.find((c) => c.name === container);
    const infra = this.sandboxes.get(uid);
    this.stopApp(pod, spec, id, grace, infra)
      .catch((e) => this.d.log(`kubelet: stopping ${container} of pod ${pod.metadata.name} after a failed probe: ${(e as Error).message}`))
      .finally(() => this.enqueue(uid));
  }

  async start(): Promise<void> {
    const { registry, runtime, clusterId } = this.d;
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
    this.relistTimer = setInterval(() => void this.relist(), RELIST_MS);
    this.relistTimer.unref();
    void clusterId;
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
          if (ev.action === 'die') this.died.add(ev.id);
          else if (ev.action === 'destroy') this.died.delete(ev.id);
          if (uid) this.enqueue(uid);
        });
        this.ready = true;
        await this.relist();
        for (const uid of this.pods.keys()) this.enqueue(uid);
        return;
      } catch (e) {
        if (attempt === 0) this.d.log(`kubelet: waiting for Docker: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, Math.min(5000, 250 * 2 ** attempt)).unref());
      }
    }
  }

  stop(): void {
    this.stopped = true;
    this.stopWatch?.();
    this.events?.close();
    if (this.relistTimer) clearInterval(this.relistTimer);
    for (const w of this.workers.values()) if (w.timer) clearTimeout(w.timer);
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
      const fp = cs.map((c) => `${c.id}:${c.state}`).sort().join(',');
      if (!this.pods.has(uid) || this.lastSeen.get(uid) !== fp) this.enqueue(uid);
      this.lastSeen.set(uid, fp);
    }
    for (const uid of this.lastSeen.keys()) if (!byPod.has(uid) && !this.pods.has(uid)) this.lastSeen.delete(uid);
    // Pods whose containers vanished behind our back (docker rm -f) need a sync too.
    for (const uid of this.pods.keys()) if (!byPod.has(uid)) this.enqueue(uid);
    this.volumes.sweep(new Set(this.pods.keys()));
    // Forget inspections of containers that no longer exist.
    const ids = new Set(all.map((c) => c.id));
    for (const k of this.inspected.keys()) if (!ids.has(k.split('@')[0]!)) this.inspected.delete(k);
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
      if (w.timer && w.timerAt! <= at) return;
      if (w.timer) clearTimeout(w.timer);
      w.timerAt = at;
      w.timer = setTimeout(() => {
        w!.timer = undefined;
        this.enqueue(uid);
      }, delayMs);
      w.timer.unref();
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
    if (!this.pods.has(uid) && !w.timer) this.workers.delete(uid);
  }

  // ---------------------------------------------------------------- sync

  private async syncPod(uid: string): Promise<void> {
    const { runtime, clusterId } = this.d;
    const containers = await this.observe(await runtime.listContainers({ [LABELS.cluster]: clusterId, [LABELS.podUid]: uid }));
    const pod = this.pods.get(uid);
    if (!pod) return this.cleanup(uid, containers);
    if (pod.metadata.deletionTimestamp) return this.terminate(pod, containers);
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') {
      this.probes.removePod(uid);
      // A finished pod keeps its containers (for logs) but not its sandbox.
      for (const c of containers) if (c.state === 'running') await runtime.stopContainer(c.id, 0);
      return;
    }

    // 0. Volumes with API data (configMap, secret, downwardAPI, projected): none missing before anything starts.
    if (!this.mountVolumes(pod, containers)) return;

    // 1. Sandbox: the infrastructure container that owns the pod's network namespace.
    let infra = newest(containers.filter((c) => c.labels[LABELS.role] === 'infra'));
    if (!infra || infra.state !== 'running') {
      infra = await this.createSandbox(pod, containers, infra);
      if (!infra) return;
    }
    const podIP = infra.ipAddress;
    this.sandboxes.set(uid, { id: infra.id, ip: podIP });

    // 2. Init containers, one at a time, in order.
    const policy = pod.spec.restartPolicy ?? 'Always';
    const init: ObservedContainer[] = [];
    let initialized = true;
    let initFailed = false;
    for (const c of pod.spec.initContainers ?? []) {
      const [cur, prev] = instances(containers, c.name);
      init.push(this.observed(pod, c, cur, prev));
      if (!initialized || initFailed) continue;
      if (cur && exited(cur) && cur.exitCode === 0) continue;
      initialized = false;
      if (!cur) await this.startContainer(pod, c, 'init', 0, infra);
      else if (cur.state === 'created' && !cur.error) await this.resume(pod, c, cur);
      else if (exited(cur)) {
        if (policy === 'Never') initFailed = true;
        else await this.restart(pod, c, 'init', cur, infra);
      }
    }

    // 3. App containers, once the pod is initialized.
    const app: ObservedContainer[] = [];
    const neverStarted = pod.spec.containers.every((c) => !instances(containers, c.name)[0]) && !pod.status?.containerStatuses?.some((s) => s.containerID);
    if (initialized && !initFailed && init.length && neverStarted) {
      // Init just completed: say so (PodInitializing) before starting the app containers, whose postStart hooks
      // can take a while, as the kubelet writes a pod's status before acting on it.
      const initNow = (pod.spec.initContainers ?? []).map((c) => this.observed(pod, c, ...instances(containers, c.name)));
      const appNow = pod.spec.containers.map((c) => this.observed(pod, c, ...instances(containers, c.name)));
      this.writeStatus(pod, { sandboxReady: true, podIP, hostIP: this.hostIP, init: initNow, app: appNow, initialized: true, initFailed: false });
    }
    for (const c of pod.spec.containers) {
      const [cur, prev] = instances(containers, c.name);
      if (initialized && !initFailed) {
        // A container removed behind kbx's back (docker rm -f) comes back as a restart.
        if (!cur) await this.startContainer(pod, c, 'app', this.knownRestarts(pod, c.name), infra);
        else if (cur.state === 'running' && cur.labels[SANDBOX_LABEL] && cur.labels[SANDBOX_LABEL] !== infra.id) {
          // Its network namespace died with the old sandbox: restart it in the new one.
          await runtime.stopContainer(cur.id, 0);
        } else if (cur.state === 'created' && !cur.error) await this.resume(pod, c, cur);
        else if (exited(cur)) {
          // A container killed for a failed liveness/startup probe restarts unless the policy is Never.
          const restart = policy === 'Always' || (policy === 'OnFailure' && (cur.exitCode !== 0 || this.probeKilled.has(cur.id)));
          if (restart) await this.restart(pod, c, 'app', cur, infra);
        }
      }
    }

    // 4. Status, from a fresh look at Docker after the steps above.
    const after = await this.observe(await runtime.listContainers({ [LABELS.cluster]: clusterId, [LABELS.podUid]: uid }));
    // Probe workers follow the app containers that run now (a new container starts its probes over).
    const running: RunningContainer[] = [];
    for (const c of pod.spec.containers) {
      const [cur] = instances(after, c.name);
      if (cur && cur.state === 'running' && (!cur.labels[SANDBOX_LABEL] || cur.labels[SANDBOX_LABEL] === infra.id)) {
        running.push({ spec: c, id: cur.id, startedAt: cur.startedAt ? Date.parse(cur.startedAt) : this.d.clock.now() });
      }
    }
    this.probes.update(pod, podIP, infra.id, running);
    for (const [id, owner] of this.probeKilled) if (owner === uid && !after.some((c) => c.id === id)) this.probeKilled.delete(id);
    init.length = 0;
    for (const c of pod.spec.initContainers ?? []) {
      const [cur, prev] = instances(after, c.name);
      init.push(this.observed(pod, c, cur, prev));
    }
    for (const c of pod.spec.containers) {
      const [cur, prev] = instances(after, c.name);
      app.push({ ...this.observed(pod, c, cur, prev), ...(cur?.state === 'running' ? this.probes.state(uid, c, cur.id) : {}) });
    }
    this.writeStatus(pod, {
      sandboxReady: true,
      podIP,
      hostIP: this.hostIP,
      init,
      app,
      initialized: initialized && !initFailed,
      initFailed,
    });
    if (initFailed || app.some((o) => o.current && exited(o.current))) {
      // Terminal pods release their sandbox on the next sync.
      const cur = this.pods.get(uid);
      if (cur?.status?.phase === 'Succeeded' || cur?.status?.phase === 'Failed') this.enqueue(uid, 100);
    }
  }

  /** The attempt number for a container that has no Docker container: 0, or one more than the API last saw. */
  private knownRestarts(pod: Pod, name: string): number {
    const st = pod.status?.containerStatuses?.find((s) => s.name === name);
    return st?.containerID ? st.restartCount + 1 : 0;
  }

  private observed(pod: Pod, c: Container, cur?: RuntimeContainer, prev?: RuntimeContainer): ObservedContainer {
    const key = `${pod.metadata.uid}/${c.name}`;
    let waiting = this.waiting.get(key);
    // A waiting reason only stands while nothing newer runs.
    if (waiting && cur && cur.state === 'running') {
      this.waiting.delete(key);
      waiting = undefined;
    }
    return { name: c.name, image: c.image, current: cur, previous: prev, waiting };
  }

  private async createSandbox(pod: Pod, containers: RuntimeContainer[], dead?: RuntimeContainer): Promise<RuntimeContainer | undefined> {
    const { runtime, clusterId, infraImage } = this.d;
    const attempt = dead ? Number(dead.labels[LABELS.restartCount] ?? 0) + 1 : 0;
    if (dead) {
      // The sandbox died: its app containers lost their network; stop them, they restart in the new one.
      for (const c of containers) {
        if (c.labels[LABELS.role] !== 'infra' && c.state === 'running') await runtime.stopContainer(c.id, 0);
      }
      for (const c of containers) if (c.labels[LABELS.role] === 'infra') await runtime.removeContainer(c.id, { force: true });
    }
    for (const v of podVolumes(clusterId, pod)) {
      await runtime.createVolume(v, { [LABELS.managed]: 'true', [LABELS.cluster]: clusterId, [LABELS.podUid]: pod.metadata.uid! });
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
    spec.name = spec.name.replace(/_0$/, `_${attempt}`);
    spec.labels[LABELS.restartCount] = String(attempt);
    try {
      const id = await runtime.createContainer(spec);
      await runtime.startContainer(id);
      const c = await runtime.inspectContainer(id);
      if (dead) this.d.recorder.record('kubelet', pod, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.');
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
    const failures = this.volumes.setUp(pod, { hostIP: this.hostIP, podIP: this.sandboxes.get(pod.metadata.uid!)?.ip });
    for (const f of failures) this.d.recorder.record('kubelet', pod, 'Warning', 'FailedMount', `MountVolume.SetUp failed for volume "${f.volume}" : ${f.message}`);
    if (!failures.some((f) => f.blocking)) return true;
    for (const c of pod.spec.containers) this.waiting.set(`${pod.metadata.uid}/${c.name}`, { reason: 'ContainerCreating' });
    const obs = (list: Container[]) => list.map((c) => this.observed(pod, c, ...instances(containers, c.name)));
    this.writeStatus(pod, { sandboxReady: false, hostIP: this.hostIP, init: obs(pod.spec.initContainers ?? []), app: obs(pod.spec.containers), initialized: false, initFailed: false });
    this.enqueue(pod.metadata.uid!, 10_000);
    return false;
  }

  private setWaitingAll(pod: Pod, reason: string, message: string): void {
    for (const c of pod.spec.containers) this.waiting.set(`${pod.metadata.uid}/${c.name}`, { reason, message });
  }

  private async startContainer(pod: Pod, c: Container, role: 'init' | 'app', attempt: number, infra: RuntimeContainer): Promise<void> {
    const { runtime, clusterId, recorder } = this.d;
    const key = `${pod.metadata.uid}/${c.name}`;
    const fieldPath = `spec.${role === 'init' ? 'initContainers' : 'containers'}{${c.name}}`;
    try {
      await this.images.ensure(pod, c, fieldPath, (msg) => this.progress(pod, c, msg));
    } catch (e) {
      if (!(e instanceof ImagePullFailed)) throw e;
      this.waiting.set(key, { reason: e.reason, message: e.message });
      this.enqueue(pod.metadata.uid!, Math.max(1000, this.images.retryIn(pod, c) + 100));
      return;
    }
    const env = containerEnv(pod, c, { ...registryEnvSources(this.d.registry, pod, this.d.nodeName), services: this.serviceEnvFor(pod), podIP: infra.ipAddress, hostIP: this.hostIP });
    if ('error' in env) {
      this.waiting.set(key, { reason: 'CreateContainerConfigError', message: env.error });
      recorder.record('kubelet', pod, 'Warning', 'Failed', `Error: ${env.error}`, fieldPath);
      this.enqueue(pod.metadata.uid!, 10_000);
      return;
    }
    for (const s of env.skipped) recorder.record('kubelet', pod, 'Warning', 'InvalidEnvironmentVariableNames', skippedKeysMessage(pod.metadata.namespace!, s));
    const spec = appSpec(clusterId, pod, c, role, attempt, infra.id, [], { env: env.env, mounts: this.volumes.mountsFor(pod, c) });
    spec.labels[SANDBOX_LABEL] = infra.id;
    let id: string;
    try {
      id = await runtime.createContainer(spec);
    } catch (e) {
      const existing = await runtime.inspectContainer(spec.name);
      if (!existing) {
        const msg = (e as Error).message;
        this.waiting.set(key, { reason: 'CreateContainerError', message: msg });
        recorder.record('kubelet', pod, 'Warning', 'Failed', `Error: ${msg}`, fieldPath);
        this.enqueue(pod.metadata.uid!, 5000);
        return;
      }
      id = existing.id; // made by a sync that was interrupted: adopt it
    }
    this.waiting.delete(key);
    recorder.record('kubelet', pod, 'Normal', 'Created', `Created container: ${c.name}`, fieldPath);
    try {
      await runtime.startContainer(id);
      recorder.record('kubelet', pod, 'Normal', 'Started', `Started container ${c.name}`, fieldPath);
      const postStart = role === 'app' ? hookOf(c, 'postStart') : undefined;
      if (postStart) await this.postStart(pod, c, id, postStart, infra);
    } catch (e) {
      const msg = (e as Error).message;
      recorder.record('kubelet', pod, 'Warning', 'Failed', `Error: failed to start container "${c.name}": ${msg}`, fieldPath);
      this.backoff.next(key, this.d.clock.now());
      this.enqueue(pod.metadata.uid!, 1000);
    }
  }

  /**
   * Runs a container's postStart hook; the sync waits for it, as the kubelet's does. A failure kills the container
   * (its preStop runs first) and it restarts under the pod's restartPolicy.
   */
  private async postStart(pod: Pod, c: Container, id: string, hook: Record<string, any>, infra: RuntimeContainer): Promise<void> {
    const { recorder } = this.d;
    const fieldPath = `spec.containers{${c.name}}`;
    const failed = await this.hooks.run(hook, { pod, container: c, containerId: id, podIP: infra.ipAddress, infraId: infra.id }, POST_START_TIMEOUT_MS);
    if (!failed) return;
    recorder.record('kubelet', pod, 'Warning', 'FailedPostStartHook', failed, fieldPath);
    recorder.record('kubelet', pod, 'Normal', 'Killing', 'FailedPostStartHook', fieldPath);
    this.probeKilled.set(id, pod.metadata.uid!); // restarts even after exit 0 (OnFailure)
    await this.stopApp(pod, c, id, pod.spec.terminationGracePeriodSeconds ?? 30, { id: infra.id, ip: infra.ipAddress });
    this.waiting.set(`${pod.metadata.uid}/${c.name}`, { reason: 'PostStartHookError', message: failed });
  }

  /** A container that was created but never started (interrupted sync): start it now. */
  private async resume(pod: Pod, c: Container, cur: RuntimeContainer): Promise<void> {
    try {
      await this.d.runtime.startContainer(cur.id);
    } catch {
      this.enqueue(pod.metadata.uid!, 1000);
    }
    void c;
  }

  private async restart(pod: Pod, c: Container, role: 'init' | 'app', cur: RuntimeContainer, infra: RuntimeContainer): Promise<void> {
    const { clock, recorder, runtime } = this.d;
    const key = `${pod.metadata.uid}/${c.name}`;
    const now = clock.now();
    const finished = cur.finishedAt ? Date.parse(cur.finishedAt) : now;
    const wait = this.backoff.remaining(key, finished, now);
    const fieldPath = `spec.${role === 'init' ? 'initContainers' : 'containers'}{${c.name}}`;
    if (wait > 0) {
      const delay = Math.round(this.backoff.currentDelay(key, now) / 1000);
      const podRef = `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
      this.waiting.set(key, { reason: 'CrashLoopBackOff', message: `back-off ${delay}s restarting failed container=${c.name} pod=${podRef}` });
      recorder.record('kubelet', pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${podRef}`, fieldPath);
      this.enqueue(pod.metadata.uid!, wait + 50);
      return;
    }
    this.backoff.next(key, now);
    const attempt = Number(cur.labels[LABELS.restartCount] ?? 0) + 1;
    // Keep the last dead instance for `logs --previous`; older ones go.
    const all = await runtime.listContainers({ [LABELS.cluster]: this.d.clusterId, [LABELS.podUid]: pod.metadata.uid!, [LABELS.container]: c.name });
    for (const old of all) if (old.id !== cur.id && old.state !== 'running') await runtime.removeContainer(old.id, { force: true });
    await this.startContainer(pod, c, role, attempt, infra);
  }

  private lastProgress = new Map<string, number>();
  private progress(pod: Pod, c: Container, msg: string): void {
    const key = `${pod.metadata.uid}/${c.name}`;
    const now = this.d.clock.now();
    if (now - (this.lastProgress.get(key) ?? 0) < 1000) return;
    this.lastProgress.set(key, now);
    this.waiting.set(key, { reason: 'ContainerCreating', message: msg });
    // One Pulling event whose message shows the progress; the final message is Kubernetes' own.
    this.d.recorder.amend('kubelet', pod, 'Normal', 'Pulling', msg, `spec.containers{${c.name}}`);
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

  /** Adds inspect details (start/finish times, errors, IP) to listed containers, cached per state. */
  private async observe(list: RuntimeContainer[]): Promise<RuntimeContainer[]> {
    return Promise.all(
      list.map(async (c) => {
        if (this.died.has(c.id)) {
          if (c.state === 'running') {
            const full = await this.d.runtime.inspectContainer(c.id);
            if (full && full.state !== 'running') {
              this.died.delete(c.id);
              this.inspected.set(`${c.id}@${full.state}`, full);
              return full;
            }
          } else this.died.delete(c.id);
        }
        const k = `${c.id}@${c.state}`;
        const hit = this.inspected.get(k);
        if (hit && c.state !== 'running') return hit;
        if (hit && c.state === 'running' && (hit.ipAddress || c.labels[LABELS.role] !== 'infra')) return hit;
        const full = await this.d.runtime.inspectContainer(c.id);
        if (!full) return c;
        this.inspected.set(k, full);
        return full;
      }),
    );
  }

  // ---------------------------------------------------------------- termination

  private async terminate(pod: Pod, containers: RuntimeContainer[]): Promise<void> {
    const { runtime, clock, recorder } = this.d;
    const graceMs = Math.max(0, Date.parse(pod.metadata.deletionTimestamp!) - clock.now());
    const grace = Math.ceil(graceMs / 1000);
    // Graceful shutdown: no more probes (Kubernetes stops liveness and startup; readiness no longer matters).
    this.probes.removePod(pod.metadata.uid!);
    const running = containers.filter((c) => c.state === 'running' && c.labels[LABELS.role] !== 'infra');
    const infra = newest(containers.filter((c) => c.labels[LABELS.role] === 'infra' && c.state === 'running'));
    await Promise.all(
      running.map(async (c) => {
        const name = c.labels[LABELS.container]!;
        const role = c.labels[LABELS.role] === 'init' ? 'initContainers' : 'containers';
        recorder.record('kubelet', pod, 'Normal', 'Killing', `Stopping container ${name}`, `spec.${role}{${name}}`);
        if (role === 'initContainers') await runtime.stopContainer(c.id, grace);
        else {
          const spec = pod.spec.containers.find((x) => x.name === name);
          await this.stopApp(pod, spec, c.id, grace, infra ? { id: infra.id, ip: infra.ipAddress } : undefined);
        }
      }),
    );
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
    this.sandboxes.delete(uid);
    for (const [id, owner] of this.probeKilled) if (owner === uid) this.probeKilled.delete(id);
    this.backoff.forgetPrefix(`${uid}/`);
    this.images.forgetPod(uid);
    for (const k of this.waiting.keys()) if (k.startsWith(`${uid}/`)) this.waiting.delete(k);
    this.d.recorder.forget(uid);
    this.lastSeen.delete(uid);
  }

  // ---------------------------------------------------------------- NodeApi (logs, exec)

  private async containerFor(pod: Pod, name: string): Promise<RuntimeContainer[]> {
    const list = await this.d.runtime.listContainers({
      [LABELS.cluster]: this.d.clusterId,
      [LABELS.podUid]: pod.metadata.uid!,
      [LABELS.container]: name,
    });
    return list.sort((a, b) => attemptOf(b) - attemptOf(a));
  }

  async logs(pod: Pod, opts: LogOptions): Promise<NodeJS.ReadableStream> {
    const list = await this.containerFor(pod, opts.container);
    const target = opts.previous ? list[1] : list[0];
    if (!target) {
      if (opts.previous) {
        throw errors.badRequest(`previous terminated container "${opts.container}" in pod "${pod.metadata.name}" not found`);
      }
      const st = [...(pod.status?.containerStatuses ?? []), ...(pod.status?.initContainerStatuses ?? [])].find((s) => s.name === opts.container);
      const reason = st?.state.waiting?.reason ?? 'ContainerCreating';
      throw errors.badRequest(`container "${opts.container}" in pod "${pod.metadata.name}" is waiting to start: ${reason}`);
    }
    const stream = await this.d.runtime.logs(target.id, {
      follow: opts.follow && target.state === 'running',
      tail: opts.tailLines,
      timestamps: opts.timestamps,
      sinceSeconds: opts.sinceSeconds,
      sinceTime: opts.sinceTime,
    });
    return opts.limitBytes ? limitBytes(stream, opts.limitBytes) : stream;
  }

  async exec(pod: Pod, opts: ExecOptions): Promise<ExecSession> {
    const list = await this.containerFor(pod, opts.container);
    const cur = list[0];
    if (!cur || cur.state !== 'running') {
      throw new Error(`unable to upgrade connection: container not found ("${opts.container}")`);
    }
    return this.d.runtime.exec(cur.id, { cmd: opts.command, stdin: opts.stdin, tty: opts.tty });
  }

  async attach(pod: Pod, opts: ExecOptions): Promise<ExecSession> {
    const cur = (await this.containerFor(pod, opts.container))[0];
    if (!cur || cur.state !== 'running') {
      throw new Error(`unable to upgrade connection: container ${opts.container} not found in pod ${pod.metadata.name}_${pod.metadata.namespace}`);
    }
    return this.d.runtime.attach(cur.id, { stdin: opts.stdin, tty: opts.tty });
  }
}

function attemptOf(c: RuntimeContainer): number {
  return Number(c.labels[LABELS.restartCount] ?? 0);
}

function newest(list: RuntimeContainer[]): RuntimeContainer | undefined {
  return [...list].sort((a, b) => attemptOf(b) - attemptOf(a))[0];
}

/** The newest and the previous Docker container of a Kubernetes container. */
function instances(all: RuntimeContainer[], name: string): [RuntimeContainer | undefined, RuntimeContainer | undefined] {
  const list = all.filter((c) => c.labels[LABELS.container] === name && c.labels[LABELS.role] !== 'infra').sort((a, b) => attemptOf(b) - attemptOf(a));
  return [list[0], list[1]];
}

function exited(c: RuntimeContainer): boolean {
  return c.state === 'exited' || c.state === 'dead' || (c.state === 'created' && !!c.error);
}

function limitBytes(stream: NodeJS.ReadableStream, max: number): NodeJS.ReadableStream {
  let sent = 0;
  const out = new PassThrough();
  stream.on('data', (chunk: Buffer) => {
    if (sent >= max) return;
    const part = chunk.subarray(0, max - sent);
    sent += part.length;
    out.write(part);
    if (sent >= max) {
      out.end();
      (stream as unknown as { destroy?: () => void }).destroy?.();
    }
  });
  stream.on('end', () => out.end());
  stream.on('error', () => out.end());
  return out;
}

export { INFRA_NAME };
