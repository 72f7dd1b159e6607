// Pure: what the kubelet must do next for one pod, from what it sees of the pod's Docker containers — Kubernetes'
// kuberuntime_manager.go computePodActions (and computeInitContainerActions, with native sidecars), in kbx's terms.
// The Kubelet carries the actions out (kubelet.ts) and writes the pod status afterwards; nothing here does I/O.
//
// kbx keeps what Kubernetes keeps in its runtime: every container carries its attempt number (restart-count label)
// and the sandbox it was started in; completed init containers stay (for logs), so a pod whose sandbox is re-created
// does not run them again, and at most two instances of a container exist (the current one and the previous one,
// for `logs --previous`).
//
// Rules, as the kubelet's:
// - Sandbox: none or not running → create one (attempt = the dead one's + 1), and stop what ran in the dead one:
//   it lost its network. Not re-created when nothing would run in it again (restartPolicy Never once containers ran;
//   OnFailure once every app container succeeded).
// - Init containers, in order: a regular one must exit 0 before the next starts; a sidecar (restartPolicy Always)
//   must be running and started (its startup probe passed, if it has one). A failed regular init container is
//   restarted (with backoff) unless the pod's restartPolicy is Never: then the pod has failed. Sidecars are
//   restarted on exit whatever the pod's restartPolicy, for as long as the pod runs.
// - App containers, once initialized: started when missing; an exited one restarts under the restartPolicy
//   (Always; OnFailure on a non-zero exit or after a kill for a failed probe/hook), after the crash-loop backoff.
//   A running one is killed when its spec changed (and restarted in the same sync whatever the policy), when a
//   liveness or startup probe failed (restarted in the same sync unless the policy is Never, after the backoff), or
//   when it runs in an old sandbox (restarted by the next sync, in the new sandbox).
// - Ephemeral containers (kubectl debug), once the sandbox runs and even before init completes: started when they
//   have never run, never restarted; stopped with the app containers.
// - When no app container runs or will run again, the pod is done: its sidecars are stopped.
// - Termination (deletion): app containers (and a running regular init container) are stopped together, then the
//   sidecars one by one in reverse order.
import { createHash } from 'node:crypto';
import type { Container, Pod } from '../api/types.js';
import { LABELS, type RuntimeContainer } from '../runtime/runtime.js';

/** Label of the sandbox (infra container id) a container was started in. */
export const SANDBOX_LABEL = 'io.kbx.sandbox';
/** Label of the hash of the container's spec at creation (a changed spec restarts the container). */
export const HASH_LABEL = 'io.kbx.container-hash';

export type Role = 'init' | 'app' | 'ephemeral';
export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

/** podutil.IsRestartableInitContainer: an init container with restartPolicy Always (a native sidecar). */
export function isSidecar(c: Container): boolean {
  return (c as { restartPolicy?: string }).restartPolicy === 'Always';
}

/** The container spec's hash (kbx's HashContainer): canonical JSON, so key order does not matter. */
export function containerHash(c: Container): string {
  return createHash('sha256').update(canonical(c)).digest('hex').slice(0, 16);
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

/** What the probes say of one running container instance. */
export interface ProbeView {
  /** The startup probe passed (or there is none). */
  started: boolean;
  /** A liveness or startup probe reached its failure threshold: the container must be killed. */
  failed?: { message: string; graceSeconds?: number };
}

export interface PodSnapshot {
  pod: Pod;
  /** Every Docker container of the pod, as inspected (start/finish times, errors). */
  containers: RuntimeContainer[];
  /** By Docker container id; missing = no probe has run (started unless the container has a startup probe). */
  probes: ReadonlyMap<string, ProbeView>;
  /**
   * Containers the kubelet killed (failed probe or postStart hook, changed spec): `always` restarts whatever the
   * policy (spec change), `unlessNever` restarts even after exit 0 under OnFailure.
   */
  killed: ReadonlyMap<string, 'always' | 'unlessNever'>;
  /** The crash-loop backoff delay (ms) that applies now to the next restart of a container, by name; 0: at once. */
  backoff: ReadonlyMap<string, number>;
  now: number;
  /** The running sandbox has no IP on the cluster network (disconnected behind kbx's back): it is re-created. */
  sandboxWithoutNetwork?: boolean;
}

export interface ContainerToStart {
  name: string;
  role: Role;
  /** The attempt number (restart-count label) of the new instance. */
  attempt: number;
  /** The dead instance it replaces (kept for `logs --previous`; older ones are removed). */
  replaces?: string;
}

/** Why a container is killed: the Killing event is the kubelet's for all but `probe` (the prober records its own). */
export type KillReason = 'deletion' | 'sandbox' | 'spec' | 'probe' | 'podDone';

export interface ContainerToKill {
  id: string;
  name: string;
  role: Role;
  reason: KillReason;
  /** Why, in the kubelet's words (the Killing event of killContainer). */
  message: string;
  /** Restart afterwards: `always` (spec change) or under the policy (`unlessNever`); none: just stop. */
  restart?: 'always' | 'unlessNever';
  /** Seconds; undefined: the pod's terminationGracePeriodSeconds. */
  graceSeconds?: number;
  /** Stop at once (no preStop, no grace): the container lost its network with its sandbox. */
  immediate?: boolean;
}

export interface ContainerInBackoff {
  name: string;
  role: Role;
  /** How long the restart must still wait (ms). */
  waitMs: number;
  /** The backoff delay that applies (ms), for "back-off 40s restarting failed container". */
  delayMs: number;
}

export interface SyncActions {
  kind: 'sync';
  /** Create a sandbox (attempt number), replacing a dead one. */
  createSandbox?: { attempt: number; replaces?: string };
  /** The sandbox is gone and must not come back (the pod will not run anything again). */
  sandboxGone: boolean;
  /** The running sandbox's id (when no new one is made). */
  sandboxId?: string;
  /** In order: stopped before anything starts. */
  kill: ContainerToKill[];
  /** Created-but-never-started containers (an interrupted sync): start them. */
  resume: { id: string; name: string; role: Role }[];
  /** In order: init containers first (in spec order), then app containers. */
  start: ContainerToStart[];
  /** Restarts held back by the crash-loop backoff. */
  backoff: ContainerInBackoff[];
  /** Every init container completed (sidecars: started), or the pod was initialized before. */
  initialized: boolean;
  /** A regular init container failed under restartPolicy Never: the pod has failed. */
  initFailed: boolean;
  /** Init just completed and no app container ever ran: write the status (PodInitializing) before starting them. */
  announceInitialized: boolean;
  /** No app container runs or will run again: the pod is done (its sidecars are stopped). */
  podDone: boolean;
}

export type PodActions =
  /** Deleted: stop containers group by group (apps together, then sidecars one by one in reverse order). */
  | { kind: 'terminate'; stopOrder: ContainerToKill[][] }
  /** Succeeded or Failed: nothing may run any more; the containers stay for their logs. */
  | { kind: 'finished'; stop: string[] }
  | SyncActions;

/** The role a Docker container of the pod was started in (its label). */
export function roleOf(c: RuntimeContainer): Role {
  const r = c.labels[LABELS.role];
  return r === 'init' || r === 'ephemeral' ? r : 'app';
}

export function attemptOf(c: RuntimeContainer): number {
  return Number(c.labels[LABELS.restartCount] ?? 0);
}

export function exited(c: RuntimeContainer): boolean {
  return c.state === 'exited' || c.state === 'dead' || (c.state === 'created' && !!c.error);
}

const SANDBOX_CHANGED = 'Pod sandbox changed, it will be killed and re-created.';

const isInfra = (c: RuntimeContainer) => c.labels[LABELS.role] === 'infra';

export function newest(list: RuntimeContainer[]): RuntimeContainer | undefined {
  return [...list].sort((a, b) => attemptOf(b) - attemptOf(a))[0];
}

/** The newest and the previous Docker container of a Kubernetes container. */
export function instances(all: RuntimeContainer[], name: string): [RuntimeContainer | undefined, RuntimeContainer | undefined] {
  const list = all.filter((c) => c.labels[LABELS.container] === name && !isInfra(c)).sort((a, b) => attemptOf(b) - attemptOf(a));
  return [list[0], list[1]];
}

export function sandboxOf(all: RuntimeContainer[]): RuntimeContainer | undefined {
  return newest(all.filter(isInfra));
}

export function computePodActions(s: PodSnapshot): PodActions {
  const { pod, containers } = s;
  if (pod.metadata.deletionTimestamp) return { kind: 'terminate', stopOrder: terminationOrder(pod, containers) };
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    return { kind: 'finished', stop: containers.filter((c) => c.state === 'running').map((c) => c.id) };
  }
  return new Planner(s).plan();
}

/** killContainersWithSyncResult, sidecar-aware: regular containers in parallel, then sidecars in reverse order. */
export function terminationOrder(pod: Pod, containers: RuntimeContainer[]): ContainerToKill[][] {
  const running = containers.filter((c) => c.state === 'running' && !isInfra(c));
  const sidecars = (pod.spec.initContainers ?? []).filter(isSidecar).map((c) => c.name);
  const kill = (c: RuntimeContainer): ContainerToKill => {
    const name = c.labels[LABELS.container]!;
    return { id: c.id, name, role: roleOf(c), reason: 'deletion', message: `Stopping container ${name}` };
  };
  const first = running.filter((c) => !(c.labels[LABELS.role] === 'init' && sidecars.includes(c.labels[LABELS.container]!)));
  const groups: ContainerToKill[][] = first.length ? [first.map(kill)] : [];
  for (const name of [...sidecars].reverse()) {
    const mine = running.filter((c) => c.labels[LABELS.role] === 'init' && c.labels[LABELS.container] === name);
    if (mine.length) groups.push(mine.map(kill));
  }
  return groups;
}

class Planner {
  private readonly pod: Pod;
  private readonly policy: RestartPolicy;
  private readonly out: SyncActions;
  private sandboxId?: string;

  constructor(private readonly s: PodSnapshot) {
    this.pod = s.pod;
    this.policy = (s.pod.spec.restartPolicy ?? 'Always') as RestartPolicy;
    this.out = {
      kind: 'sync',
      sandboxGone: false,
      kill: [],
      resume: [],
      start: [],
      backoff: [],
      initialized: false,
      initFailed: false,
      announceInitialized: false,
      podDone: false,
    };
  }

  plan(): SyncActions {
    const out = this.out;
    if (!this.sandbox()) return out;
    const ephemeral = this.out.createSandbox ? [] : this.ephemeralContainers();
    this.initContainers();
    if (ephemeral.length) this.out.start.push(...ephemeral);
    if (out.initFailed) {
      this.stopSidecars();
      return out;
    }
    if (!out.initialized) return out;
    this.appContainers();
    if (out.podDone) this.stopSidecars();
    return out;
  }

  /** podSandboxChanged + the "do not re-create" rules. False: nothing more to do in this sync. */
  private sandbox(): boolean {
    const { containers } = this.s;
    const infra = sandboxOf(containers);
    // podSandboxChanged: a sandbox without an IP needs a new one (kuberuntime's "has no IP address").
    if (infra && infra.state === 'running' && !this.s.sandboxWithoutNetwork) {
      this.sandboxId = infra.id;
      this.out.sandboxId = infra.id;
      return true;
    }
    const app = this.pod.spec.containers.map((c) => instances(containers, c.name)[0]);
    const ran = containers.some((c) => !isInfra(c));
    const allSucceeded = app.every((c) => c && exited(c) && c.exitCode === 0);
    const dead = !!infra;
    if (dead && ran && (this.policy === 'Never' || (this.policy === 'OnFailure' && allSucceeded))) {
      // Nothing would run in a new sandbox: stop what is left (it has no network any more) and let the pod finish.
      this.out.sandboxGone = true;
      for (const c of containers) {
        if (!isInfra(c) && c.state === 'running') this.kill(c, 'sandbox', 'Pod sandbox changed, it will be killed.', { immediate: true });
      }
      this.out.initialized = this.initializedBefore();
      this.out.initFailed = !this.out.initialized;
      return false;
    }
    this.out.createSandbox = { attempt: infra ? attemptOf(infra) + 1 : 0, ...(infra ? { replaces: infra.id } : {}) };
    if (infra) {
      for (const c of containers) {
        if (!isInfra(c) && c.state === 'running') this.kill(c, 'sandbox', SANDBOX_CHANGED, { immediate: true });
      }
    }
    return true;
  }

  /** Ephemeral containers never started (a new sandbox starts none: they ran in the old one, or wait for the next sync). */
  private ephemeralContainers(): ContainerToStart[] {
    const known = new Set((this.pod.status?.ephemeralContainerStatuses ?? []).filter((st) => st.containerID).map((st) => st.name));
    return (this.pod.spec.ephemeralContainers ?? [])
      .filter((c) => !instances(this.s.containers, c.name)[0] && !known.has(c.name))
      .map((c) => ({ name: c.name, role: 'ephemeral' as const, attempt: 0 }));
  }

  /** An app container has run (or the API saw one run): init containers are done for good, sidecars aside. */
  private initializedBefore(): boolean {
    const { containers } = this.s;
    if (this.pod.spec.containers.some((c) => instances(containers, c.name)[0])) return true;
    return !!this.pod.status?.containerStatuses?.some((st) => st.containerID);
  }

  private initContainers(): void {
    const specs = this.pod.spec.initContainers ?? [];
    const before = this.initializedBefore();
    let blocked = false;
    for (const c of specs) {
      if (blocked) break;
      const [cur] = instances(this.s.containers, c.name);
      if (isSidecar(c)) {
        const ready = this.keepSidecar(c, cur);
        if (!ready && !before) blocked = true;
        continue;
      }
      if (before) continue;
      if (cur && exited(cur) && cur.exitCode === 0) continue;
      blocked = true;
      if (!cur) this.startNew(c, 'init', 0);
      else if (cur.state === 'created' && !cur.error) this.out.resume.push({ id: cur.id, name: c.name, role: 'init' });
      else if (exited(cur)) {
        if (this.policy === 'Never') this.out.initFailed = true;
        else this.restart(c, 'init', cur);
      }
      // running: wait for it to finish
    }
    this.out.initialized = before || !blocked;
    if (!this.out.initialized) return;
    this.out.announceInitialized = !before && specs.length > 0;
  }

  /** Keeps a sidecar running; true when it is running and started (the next init container may start). */
  private keepSidecar(c: Container, cur: RuntimeContainer | undefined): boolean {
    if (!cur) {
      this.startNew(c, 'init', this.knownRestarts(c.name, true));
      return false;
    }
    if (cur.state === 'created' && !cur.error) {
      this.out.resume.push({ id: cur.id, name: c.name, role: 'init' });
      return false;
    }
    if (exited(cur)) {
      this.restart(c, 'init', cur);
      return false;
    }
    if (cur.state !== 'running') return false;
    if (this.inOldSandbox(cur)) {
      this.kill(cur, 'sandbox', SANDBOX_CHANGED, { immediate: true });
      return false;
    }
    const probe = this.s.probes.get(cur.id);
    if (changed(c, cur)) {
      this.kill(cur, 'spec', `Init container ${c.name} definition changed`, { restart: 'always' });
      this.restart(c, 'init', cur, { now: true });
      return false;
    }
    if (probe?.failed) {
      this.kill(cur, 'probe', probe.failed.message, { restart: 'always', graceSeconds: probe.failed.graceSeconds });
      this.restart(c, 'init', cur);
      return false;
    }
    return probe ? probe.started : !c.startupProbe;
  }

  private appContainers(): void {
    let keep = 0;
    let willRun = 0;
    for (const c of this.pod.spec.containers) {
      const [cur] = instances(this.s.containers, c.name);
      if (!cur) {
        // A container removed behind kbx's back (docker rm -f) comes back as a restart.
        this.startNew(c, 'app', this.knownRestarts(c.name, false));
        willRun++;
      } else if (cur.state === 'created' && !cur.error) {
        this.out.resume.push({ id: cur.id, name: c.name, role: 'app' });
        willRun++;
      } else if (cur.state === 'running') {
        if (this.inOldSandbox(cur)) {
          // Its network namespace died with the old sandbox: restart it in the new one.
          this.kill(cur, 'sandbox', SANDBOX_CHANGED, { immediate: true });
          willRun++;
          continue;
        }
        const probe = this.s.probes.get(cur.id);
        if (changed(c, cur)) {
          // Restarted whatever the policy, at once (a deliberate change, not a crash).
          this.kill(cur, 'spec', `Container ${c.name} definition changed, will be restarted`, { restart: 'always' });
          this.restart(c, 'app', cur, { now: true });
          willRun++;
        } else if (probe?.failed) {
          this.kill(cur, 'probe', probe.failed.message, { restart: 'unlessNever', graceSeconds: probe.failed.graceSeconds });
          if (this.policy !== 'Never') {
            this.restart(c, 'app', cur);
            willRun++;
          }
        } else keep++;
      } else if (exited(cur)) {
        if (this.shouldRestart(cur)) {
          this.restart(c, 'app', cur);
          willRun++;
        }
      } else keep++; // paused, restarting, removing: leave it be
    }
    this.out.podDone = keep === 0 && willRun === 0;
  }

  /** kubecontainer.ShouldContainerBeRestarted, for an exited app container. */
  private shouldRestart(cur: RuntimeContainer): boolean {
    const killed = this.s.killed.get(cur.id);
    if (killed === 'always') return true;
    if (this.policy === 'Always') return true;
    if (this.policy === 'Never') return false;
    return cur.exitCode !== 0 || killed === 'unlessNever';
  }

  private stopSidecars(): void {
    const sidecars = (this.pod.spec.initContainers ?? []).filter(isSidecar);
    // No sidecar comes back once the pod is over.
    const names = new Set(sidecars.map((c) => c.name));
    this.out.start = this.out.start.filter((x) => !(x.role === 'init' && names.has(x.name)));
    this.out.backoff = this.out.backoff.filter((x) => !(x.role === 'init' && names.has(x.name)));
    this.out.resume = this.out.resume.filter((x) => !(x.role === 'init' && names.has(x.name)));
    for (const c of [...sidecars].reverse()) {
      const [cur] = instances(this.s.containers, c.name);
      if (cur && cur.state === 'running') this.kill(cur, 'podDone', `Stopping container ${c.name}`);
    }
  }

  private inOldSandbox(cur: RuntimeContainer): boolean {
    const sb = cur.labels[SANDBOX_LABEL];
    return !!sb && (this.out.createSandbox !== undefined || sb !== this.sandboxId);
  }

  /** The attempt number for a container that has no Docker container: 0, or one more than the API last saw. */
  private knownRestarts(name: string, init: boolean): number {
    const list = init ? this.pod.status?.initContainerStatuses : this.pod.status?.containerStatuses;
    const st = list?.find((x) => x.name === name);
    return st?.containerID ? st.restartCount + 1 : 0;
  }

  private startNew(c: Container, role: Role, attempt: number): void {
    this.out.start.push({ name: c.name, role, attempt });
  }

  /**
   * An exited container (or one this sync kills) restarts now, or waits out its crash-loop backoff, measured from
   * when it finished; `now`: no backoff.
   */
  private restart(c: Container, role: Role, cur: RuntimeContainer, opts: { now?: boolean } = {}): void {
    const now = this.s.now;
    const delay = opts.now ? 0 : this.s.backoff.get(c.name) ?? 0;
    const finished = cur.finishedAt ? Date.parse(cur.finishedAt) : now;
    const wait = Math.max(0, finished + delay - now);
    if (wait > 0) {
      this.out.backoff.push({ name: c.name, role, waitMs: wait, delayMs: delay });
      return;
    }
    this.out.start.push({ name: c.name, role, attempt: attemptOf(cur) + 1, replaces: cur.id });
  }

  /** Adds a kill (once per container). */
  private kill(cur: RuntimeContainer, reason: KillReason, message: string, opts: Partial<ContainerToKill> = {}): void {
    if (this.out.kill.some((k) => k.id === cur.id)) return;
    this.out.kill.push({
      id: cur.id,
      name: cur.labels[LABELS.container]!,
      role: roleOf(cur),
      reason,
      message,
      ...opts,
    });
  }
}

/** The container's spec differs from the one it was created from (containers made before kbx hashed: unchanged). */
function changed(c: Container, cur: RuntimeContainer): boolean {
  const h = cur.labels[HASH_LABEL];
  return !!h && h !== containerHash(c);
}
