// Probe workers of every running container on the node (Kubernetes' prober_manager): the kubelet tells it after each
// pod sync which containers run, asks it for their `ready`/`started`, and gets called back when one of those changes
// (to write the pod's status) or when a container must be killed (liveness/startup failure).
//
// Cost: one timer per probed container, armed for its next due probe; a probe run is one HTTP request or connect
// from the host (or one command in the pod's probe shell), or one exec for exec probes. Nothing polls Docker.
import type { Container, Pod } from '../../api/types.js';
import { ContainerProber, hasProbes, initialProbeState, type Decision, type ProbeKind, type ProbeEvent } from './worker.js';
import type { ProbeTransport } from './transport.js';

export interface RunningContainer {
  spec: Container;
  /** Docker container id. */
  id: string;
  /** When it started running (ms). */
  startedAt: number;
  /** The container's own restart policy when it is not the pod's (a sidecar: Always). */
  restartPolicy?: 'Always' | 'OnFailure' | 'Never';
}

export interface ProbeHost {
  now(): number;
  transport: ProbeTransport;
  /** An event about a container of the pod (fieldPath spec.containers{name}). */
  event(pod: Pod, container: string, e: ProbeEvent): void;
  /** `ready` or `started` of a container changed: write the pod's status. */
  changed(podUid: string): void;
  /** Stop this container (liveness/startup failure); the kubelet's restart logic does the rest. */
  kill(pod: Pod, container: string, containerId: string, message: string, graceSeconds?: number): void;
  /** Timers, injectable for tests. */
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (t: unknown) => void;
}

interface Entry {
  prober: ContainerProber;
  spec: Container;
  timer?: unknown;
  wakeAt?: number;
  stopped: boolean;
}

interface PodEntry {
  pod: Pod;
  podIP?: string;
  infraId?: string;
  /** container name → its current container's worker */
  containers: Map<string, Entry>;
}

export class ProbeManager {
  private pods = new Map<string, PodEntry>();
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (t: unknown) => void;
  private closed = false;

  constructor(private readonly host: ProbeHost) {
    this.setTimer =
      host.setTimer ??
      ((fn, ms) => {
        const t = setTimeout(fn, ms);
        t.unref();
        return t;
      });
    this.clearTimer = host.clearTimer ?? ((t) => clearTimeout(t as NodeJS.Timeout));
  }

  /**
   * The containers of a pod that run now. Workers start for new containers (a restarted container starts its probes
   * over) and stop for those no longer listed.
   */
  update(pod: Pod, podIP: string | undefined, infraId: string | undefined, running: RunningContainer[]): void {
    if (this.closed) return;
    const uid = pod.metadata.uid!;
    const probed = running.filter((r) => hasProbes(r.spec));
    let p = this.pods.get(uid);
    if (!probed.length) {
      if (p) this.removePod(uid);
      return;
    }
    if (!p) {
      p = { pod, podIP, infraId, containers: new Map() };
      this.pods.set(uid, p);
    }
    p.pod = pod;
    p.podIP = podIP;
    p.infraId = infraId;
    const names = new Set(probed.map((r) => r.spec.name));
    for (const [name, e] of p.containers) {
      if (!names.has(name)) this.stopEntry(p, name, e);
    }
    for (const r of probed) {
      const cur = p.containers.get(r.spec.name);
      if (cur && cur.prober.containerId === r.id) continue;
      if (cur) this.stopEntry(p, r.spec.name, cur);
      const e: Entry = {
        prober: new ContainerProber(r.spec.name, r.id, r.spec, r.startedAt, r.restartPolicy ?? pod.spec.restartPolicy ?? 'Always'),
        spec: r.spec,
        stopped: false,
      };
      p.containers.set(r.spec.name, e);
      this.schedule(uid, e);
    }
  }

  /** `ready`/`started` of a container for the pod status: the worker's, or the initial results if it has none yet. */
  state(podUid: string, c: Container, containerId: string | undefined): { ready?: boolean; started?: boolean } {
    const e = this.pods.get(podUid)?.containers.get(c.name);
    if (e && e.prober.containerId === containerId) {
      const out: { ready?: boolean; started?: boolean } = {};
      const started = e.prober.started;
      const ready = e.prober.ready;
      if (started !== undefined) out.started = started;
      if (ready !== undefined) out.ready = ready;
      return out;
    }
    return initialProbeState(c);
  }

  removePod(uid: string): void {
    const p = this.pods.get(uid);
    if (p) for (const [name, e] of p.containers) this.stopEntry(p, name, e);
    this.pods.delete(uid);
    this.host.transport.forgetPod(uid);
  }

  /** Probed containers (for measurements and tests). */
  size(): number {
    let n = 0;
    for (const p of this.pods.values()) n += p.containers.size;
    return n;
  }

  close(): void {
    this.closed = true;
    for (const uid of [...this.pods.keys()]) this.removePod(uid);
    this.host.transport.close();
  }

  private stopEntry(p: PodEntry, name: string, e: Entry): void {
    e.stopped = true;
    if (e.timer !== undefined) this.clearTimer(e.timer);
    e.timer = undefined;
    if (p.containers.get(name) === e) p.containers.delete(name);
  }

  private schedule(uid: string, e: Entry): void {
    if (e.stopped || this.closed) return;
    const at = e.prober.nextWake();
    if (at === undefined) return;
    if (e.timer !== undefined && e.wakeAt !== undefined && e.wakeAt <= at) return;
    if (e.timer !== undefined) this.clearTimer(e.timer);
    e.wakeAt = at;
    e.timer = this.setTimer(() => {
      e.timer = undefined;
      e.wakeAt = undefined;
      this.wake(uid, e);
    }, Math.max(0, at - this.host.now()));
  }

  private wake(uid: string, e: Entry): void {
    if (e.stopped) return;
    const now = this.host.now();
    for (const kind of e.prober.due(now)) {
      e.prober.begin(kind, now);
      void this.runOne(uid, e, kind);
    }
    this.schedule(uid, e);
  }

  private async runOne(uid: string, e: Entry, kind: ProbeKind): Promise<void> {
    const p = this.pods.get(uid);
    if (!p) return;
    const settings = e.prober.settings(kind)!;
    const outcome = await this.host.transport.run(kind, settings, {
      pod: p.pod,
      container: e.spec,
      containerId: e.prober.containerId,
      podIP: p.podIP,
      infraId: p.infraId,
    });
    if (e.stopped) return;
    const d = e.prober.finish(kind, outcome, this.host.now());
    this.apply(p, e, d);
    this.schedule(uid, e);
  }

  private apply(p: PodEntry, e: Entry, d: Decision): void {
    for (const ev of d.events) this.host.event(p.pod, e.spec.name, ev);
    if (d.kill) {
      this.host.event(p.pod, e.spec.name, { type: 'Normal', reason: 'Killing', message: d.kill.message });
      this.host.kill(p.pod, e.spec.name, e.prober.containerId, d.kill.message, d.kill.graceSeconds);
    }
    if (d.changed) this.host.changed(p.pod.metadata.uid!);
  }
}
