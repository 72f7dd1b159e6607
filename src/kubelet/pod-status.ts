// Pure: what the kubelet observed of a pod's containers → the pod's status, as Kubernetes computes it
// (containerStatuses, phase via the kubelet's getPhase rules, conditions with stable transition times).
import type { ContainerState, ContainerStatus, Pod, PodCondition, PodStatus } from '../api/types.js';
import type { RuntimeContainer } from '../runtime/runtime.js';
import { rfc3339 } from '../util/clock.js';

export interface ObservedContainer {
  name: string;
  image: string;
  /** The newest Docker container of this Kubernetes container, if any. */
  current?: RuntimeContainer;
  /** The one before it (for lastState). */
  previous?: RuntimeContainer;
  /** A waiting reason the kubelet holds in memory (image pull errors, backoff). */
  waiting?: { reason: string; message?: string };
  /** Readiness as probes see it; undefined = no probe (ready when running). */
  ready?: boolean;
  /** startup probe passed; undefined = no probe. */
  started?: boolean;
  /** An init container with restartPolicy Always (a native sidecar): it runs beside the app containers. */
  sidecar?: boolean;
}

export interface Observation {
  sandboxReady: boolean;
  podIP?: string;
  hostIP?: string;
  init: ObservedContainer[];
  app: ObservedContainer[];
  /** Ephemeral containers (never ready, never restarted: they do not change the phase). */
  ephemeral?: ObservedContainer[];
  /** All init containers have completed. */
  initialized: boolean;
  /** An init container failed for good (restartPolicy Never). */
  initFailed: boolean;
}

function iso(t: string | undefined): string | undefined {
  return t ? rfc3339(Date.parse(t)) : undefined;
}

function terminated(c: RuntimeContainer): ContainerState {
  const exitCode = c.exitCode;
  const reason = c.oomKilled ? 'OOMKilled' : c.error && !c.startedAt ? 'StartError' : exitCode === 0 ? 'Completed' : 'Error';
  return {
    terminated: {
      exitCode,
      reason,
      ...(c.error ? { message: c.error } : {}),
      startedAt: iso(c.startedAt) ?? iso(c.createdAt),
      finishedAt: iso(c.finishedAt) ?? iso(c.createdAt),
      containerID: `docker://${c.id}`,
    },
  };
}

function isExited(c: RuntimeContainer): boolean {
  return c.state === 'exited' || c.state === 'dead' || (c.state === 'created' && !!c.error);
}

/**
 * `defaultWaiting`: the reason of a container that has not been created yet — ContainerCreating, or PodInitializing
 * in a pod with init containers (for its init and app containers alike), as the kubelet's status conversion does.
 */
export function containerStatus(o: ObservedContainer, defaultWaiting = 'ContainerCreating'): ContainerStatus {
  const cur = o.current;
  let state: ContainerState;
  let lastState: ContainerState = {};
  if (o.waiting) {
    state = { waiting: { reason: o.waiting.reason, ...(o.waiting.message ? { message: o.waiting.message } : {}) } };
    if (cur && isExited(cur)) lastState = terminated(cur);
    else if (o.previous && isExited(o.previous)) lastState = terminated(o.previous);
  } else if (!cur) {
    state = { waiting: { reason: defaultWaiting } };
  } else if (cur.state === 'running' || cur.state === 'paused' || cur.state === 'restarting') {
    state = { running: { startedAt: iso(cur.startedAt) } };
    if (o.previous && isExited(o.previous)) lastState = terminated(o.previous);
  } else if (isExited(cur)) {
    state = terminated(cur);
    if (o.previous && isExited(o.previous)) lastState = terminated(o.previous);
  } else {
    state = { waiting: { reason: 'ContainerCreating' } };
  }
  const running = !!state.running;
  const restartCount = cur ? Number(cur.labels['io.kbx.restart-count'] ?? 0) : 0;
  const status: ContainerStatus = {
    name: o.name,
    state,
    lastState,
    ready: running && (o.ready ?? true),
    restartCount,
    image: o.image,
    imageID: cur?.imageId ? `docker-pullable://${o.image}@${cur.imageId}` : '',
    started: running && (o.started ?? true),
  };
  if (cur) status.containerID = `docker://${cur.id}`;
  return status;
}

/**
 * The kubelet's getPhase. Sidecars (`sidecars`: the statuses of restartable init containers) count as running while
 * they run and keep a pod Pending while they wait for their first start; once they have exited they do not count
 * (a pod whose app containers completed is Succeeded although its sidecars were stopped with SIGTERM).
 */
export function podPhase(pod: Pod, obs: Observation, statuses: ContainerStatus[], sidecars: ContainerStatus[] = []): PodStatus['phase'] {
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (obs.initFailed) return 'Failed';
  if (!obs.initialized) return 'Pending';
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const s of sidecars) {
    if (s.state.running) running++;
    else if (s.state.waiting && !s.lastState.terminated) waiting++;
  }
  for (const s of statuses) {
    if (s.state.running) running++;
    else if (s.state.terminated) {
      stopped++;
      if (s.state.terminated.exitCode === 0) succeeded++;
    } else if (s.state.waiting) {
      if (s.lastState.terminated) stopped++;
      else waiting++;
    }
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (policy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (policy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

function condition(
  old: PodCondition[] | undefined,
  type: string,
  ok: boolean,
  now: number,
  reason?: string,
): PodCondition {
  const status = ok ? 'True' : 'False';
  const prev = old?.find((c) => c.type === type);
  const c: PodCondition = {
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : rfc3339(now),
  };
  if (!ok && reason) c.reason = reason;
  return c;
}

export function computePodStatus(pod: Pod, obs: Observation, now: number): PodStatus {
  const old = pod.status ?? {};
  const defaultWaiting = (pod.spec.initContainers ?? []).length ? 'PodInitializing' : 'ContainerCreating';
  const init = obs.init.map((o) => containerStatus(o, defaultWaiting));
  const app = obs.app.map((o) => containerStatus(o, defaultWaiting));
  // Once terminal, a pod stays terminal (Kubernetes never moves it back).
  const sidecars = init.filter((_, i) => obs.init[i]!.sidecar);
  let phase = old.phase === 'Succeeded' || old.phase === 'Failed' ? old.phase : podPhase(pod, obs, app, sidecars);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  // Sidecars count for ContainersReady, as the kubelet's generateContainersReadyCondition counts them.
  const allReady = app.length > 0 && app.every((s) => s.ready) && sidecars.every((s) => s.ready);
  const containersReady = allReady && !terminal;
  const notReadyReason = terminal ? 'PodCompleted' : 'ContainersNotReady';
  const conditions: PodCondition[] = [
    condition(old.conditions, 'PodReadyToStartContainers', obs.sandboxReady && !terminal, now),
    condition(old.conditions, 'Initialized', obs.initialized, now, terminal ? 'PodCompleted' : 'ContainersNotInitialized'),
    condition(old.conditions, 'Ready', containersReady, now, notReadyReason),
    condition(old.conditions, 'ContainersReady', containersReady, now, notReadyReason),
  ];
  const scheduled = old.conditions?.find((c) => c.type === 'PodScheduled');
  if (scheduled) conditions.push(scheduled);
  const notReady = [...sidecars, ...app].filter((s) => !s.ready).map((s) => s.name);
  for (const c of conditions) {
    if ((c.type === 'Ready' || c.type === 'ContainersReady') && c.status === 'False' && c.reason === 'ContainersNotReady') {
      c.message = `containers with unready status: [${notReady.join(' ')}]`;
    }
    if (c.type === 'Initialized' && c.status === 'False' && c.reason === 'ContainersNotInitialized') {
      const pending = init
        .filter((s, i) => (obs.init[i]!.sidecar ? !s.started : !(s.state.terminated && s.state.terminated.exitCode === 0)))
        .map((s) => s.name);
      c.message = `containers with incomplete status: [${pending.join(' ')}]`;
    }
  }
  const status: PodStatus = {
    phase,
    conditions,
    ...(obs.hostIP ? { hostIP: obs.hostIP, hostIPs: [{ ip: obs.hostIP }] } : {}),
    ...(obs.podIP && !terminal ? { podIP: obs.podIP, podIPs: [{ ip: obs.podIP }] } : old.podIP ? { podIP: old.podIP, podIPs: old.podIPs } : {}),
    startTime: old.startTime ?? rfc3339(now),
    ...(init.length ? { initContainerStatuses: init } : {}),
    containerStatuses: app,
    qosClass: old.qosClass,
  };
  if (obs.ephemeral?.length) status.ephemeralContainerStatuses = obs.ephemeral.map((o) => ({ ...containerStatus(o, 'ContainerCreating'), ready: false }));
  if (!status.qosClass) delete status.qosClass;
  return status;
}
