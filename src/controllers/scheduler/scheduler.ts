// The scheduler: binds each new pod to a node that passes the filters (filters.ts), or leaves it
// Pending with PodScheduled=False and a FailedScheduling event in kube-scheduler's words, and tries
// the pending pods again, after a backoff, whenever something that could make room changes (a node
// is updated, a bound pod is deleted or finishes, the pending pod's spec changes). Its picture of the
// cluster comes from the registry's watches (the scheduler cache, with each node's pods), so a
// scheduling attempt reads memory, not the store; it yields to the API between pods when busy.
import type { Pod } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { isApiError } from '../../api/errors.js';
import type { Registry } from '../../registry/registry.js';
import type { EventRecorder } from '../../events/recorder.js';
import { rfc3339 } from '../../util/clock.js';
import { timersOf, type TimerSource } from '../queue.js';
import { FairShare } from '../../util/fair-share.js';
import { filterNode, fitErrorMessage, type FilterFailure, type NodeView } from './filters.js';
import { preFilterMessage, volumeBinding } from './volume-binding.js';

const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const NODES = RESOURCES.find((r) => r.kind === 'Node')!;
const NAMESPACES = RESOURCES.find((r) => r.kind === 'Namespace')!;
const PVCS = RESOURCES.find((r) => r.kind === 'PersistentVolumeClaim')!;
const CLASSES = RESOURCES.find((r) => r.kind === 'StorageClass')!;

/** Pending pods are retried at least this often even when nothing seems to change (kube-scheduler: 5 minutes). */
const RETRY_MS = 60_000;

const SOURCE = 'default-scheduler';

function finished(p: Pod): boolean {
  return p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
}

/** Backoff of a pod that did not fit, by attempts: 1 s, 2 s, 4 s, … at most 10 s (kube-scheduler's defaults). */
export function podBackoffMs(attempts: number): number {
  return Math.min(1000 * 2 ** Math.max(0, attempts - 1), 10_000);
}

export class Scheduler {
  private stops: Array<() => void> = [];
  /** uid → pod, every pod the scheduler knows. */
  private readonly pods = new Map<string, Pod>();
  /** node name → the pods bound to it (the scheduler cache's NodeInfo), so a filter reads a node's pods, not all. */
  private readonly byNode = new Map<string, Map<string, Pod>>();
  private readonly nodes = new Map<string, NodeView>();
  /**
   * The scheduling queue as kube-scheduler's: new pods and pods a cluster event may help wait in
   * `active` (oldest first); a pod that did not fit waits in `unschedulable` with its attempts and
   * backoff until a node or a bound pod changes (or RETRY_MS passes), then goes back once its
   * backoff is over. So a pod is tried once per change at most, not once per pod created.
   */
  private readonly active = new Set<string>();
  private readonly unschedulable = new Map<string, { attempts: number; until: number }>();
  private readonly attempts = new Map<string, number>();
  /** The last message a pending pod was given, so the status is written only when it changes. */
  private readonly lastMessage = new Map<string, string>();
  private running = false;
  private retryTimer?: ReturnType<typeof setInterval>;
  private backoffTimer?: { at: number; handle: unknown };
  private readonly timers: TimerSource;
  private readonly share = new FairShare();

  constructor(
    private readonly registry: Registry,
    private readonly recorder: EventRecorder,
  ) {
    this.timers = timersOf(registry.clock);
  }

  start(): void {
    this.stops.push(
      this.registry.watch(NODES, undefined, {}, (e) => {
        const n = e.object as NodeView;
        if (e.type === 'DELETED') this.nodes.delete(n.metadata.name!);
        else this.nodes.set(n.metadata.name!, n);
        this.clusterChanged();
      }),
      this.registry.watch(PODS, undefined, {}, (e) => {
        const pod = e.object as Pod;
        const uid = pod.metadata.uid!;
        const before = this.pods.get(uid);
        if (e.type === 'DELETED') {
          this.forget(uid, before);
          if (before?.spec.nodeName) this.clusterChanged();
          return;
        }
        this.remember(pod, before);
        if (!pod.spec.nodeName && !pod.metadata.deletionTimestamp) {
          if (!before) this.enqueue(uid);
          else if (JSON.stringify(before.spec) !== JSON.stringify(pod.spec)) {
            // Its own update (tolerations, say) may make it fit.
            this.unschedulable.delete(uid);
            this.enqueue(uid);
          }
        } else {
          this.active.delete(uid);
          this.unschedulable.delete(uid);
          this.attempts.delete(uid);
          // A bound pod that finishes or goes away may make room for the pending ones.
          if (before && (finished(pod) !== finished(before) || !!pod.metadata.deletionTimestamp !== !!before.metadata.deletionTimestamp)) this.clusterChanged();
        }
      }),
    );
    // A claim bound, created or given a node may let a pending pod through.
    this.stops.push(this.registry.watch(PVCS, undefined, {}, () => this.clusterChanged()));
    this.retryTimer = setInterval(() => this.flushUnschedulable(true), RETRY_MS);
    this.retryTimer.unref?.();
  }

  close(): void {
    for (const s of this.stops) s();
    this.stops = [];
    if (this.retryTimer) clearInterval(this.retryTimer);
    if (this.backoffTimer) this.timers.clearTimer(this.backoffTimer.handle);
  }

  private remember(pod: Pod, before: Pod | undefined): void {
    const uid = pod.metadata.uid!;
    if (before?.spec.nodeName && before.spec.nodeName !== pod.spec.nodeName) this.byNode.get(before.spec.nodeName)?.delete(uid);
    this.pods.set(uid, pod);
    if (pod.spec.nodeName) {
      let m = this.byNode.get(pod.spec.nodeName);
      if (!m) this.byNode.set(pod.spec.nodeName, (m = new Map()));
      m.set(uid, pod);
    }
  }

  private forget(uid: string, before: Pod | undefined): void {
    if (before?.spec.nodeName) this.byNode.get(before.spec.nodeName)?.delete(uid);
    this.pods.delete(uid);
    this.active.delete(uid);
    this.unschedulable.delete(uid);
    this.attempts.delete(uid);
    this.lastMessage.delete(uid);
  }

  private enqueue(uid: string): void {
    this.active.add(uid);
    if (this.running) return;
    this.running = true;
    // After the current write completes (watchers run inside the store's write).
    queueMicrotask(() => void this.drain());
  }

  /** Something that could make room changed: the unschedulable pods go back (after their backoff). */
  private clusterChanged(): void {
    this.flushUnschedulable(false);
  }

  private flushUnschedulable(all: boolean): void {
    const now = this.registry.clock.now();
    let next = Infinity;
    for (const [uid, u] of this.unschedulable) {
      if (all || u.until <= now) {
        this.unschedulable.delete(uid);
        this.enqueue(uid);
      } else next = Math.min(next, u.until);
    }
    if (next === Infinity) return;
    // The ones still backing off go back when it ends.
    if (this.backoffTimer && this.backoffTimer.at <= next) return;
    if (this.backoffTimer) this.timers.clearTimer(this.backoffTimer.handle);
    this.backoffTimer = {
      at: next,
      handle: this.timers.setTimer(() => {
        this.backoffTimer = undefined;
        this.flushUnschedulable(false);
      }, Math.max(1, next - now)),
    };
  }

  /**
   * One pod at a time in the scheduling queue's PrioritySort order (higher spec.priority first, then
   * oldest first), yielding to the event loop when busy (API requests come first).
   */
  private async drain(): Promise<void> {
    const prio = (p: Pod) => (p.spec as { priority?: number }).priority ?? 0;
    try {
      while (this.active.size) {
        const round = [...this.active].map((uid) => this.pods.get(uid)).filter((p): p is Pod => !!p);
        this.active.clear();
        round.sort(
          (a, b) =>
            prio(b) - prio(a) ||
            (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') ||
            (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
        );
        for (const p of round) {
          const pod = this.pods.get(p.metadata.uid!);
          if (pod && !pod.spec.nodeName && !pod.metadata.deletionTimestamp) this.scheduleOne(pod);
          await this.share.yield();
        }
      }
    } finally {
      this.running = false;
    }
  }

  private podsOn(node: string): Pod[] {
    const out: Pod[] = [];
    for (const p of this.byNode.get(node)?.values() ?? []) if (!finished(p)) out.push(p);
    return out;
  }

  private namespaceLabels = (ns: string): Record<string, string> => this.registry.tryGet(NAMESPACES, undefined, ns)?.metadata.labels ?? {};

  private scheduleOne(pod: Pod): void {
    const nodes = [...this.nodes.values()];
    if (!nodes.length) {
      // No node registered yet: the pod waits among the unschedulable ones, which the node watch requeues.
      this.unschedulable.set(pod.metadata.uid!, { attempts: 0, until: 0 });
      return;
    }
    const failures: FilterFailure[] = [];
    let chosen: NodeView | undefined;
    for (const node of nodes) {
      const f = filterNode({ pod, node, podsOnNode: this.podsOn(node.metadata.name!), namespaceLabels: this.namespaceLabels });
      if (!f) {
        chosen = node;
        break;
      }
      failures.push(f);
    }
    if (!chosen) return this.markUnschedulable(pod, fitErrorMessage(nodes.length, failures));
    const ns = pod.metadata.namespace;
    const vb = volumeBinding(pod, (n) => this.registry.tryGet(PVCS, ns, n), (n) => (n ? this.registry.tryGet(CLASSES, undefined, n) : undefined));
    if (vb.type === 'unschedulable') return this.markUnschedulable(pod, preFilterMessage(nodes.length, vb.reason));
    if (vb.type === 'wait') {
      for (const claim of vb.select) {
        try {
          this.registry.mutate(PVCS, ns, claim, (c) => {
            if (c.metadata.annotations?.['volume.kubernetes.io/selected-node']) return false;
            c.metadata.annotations = { ...(c.metadata.annotations ?? {}), 'volume.kubernetes.io/selected-node': chosen.metadata.name! };
          });
        } catch (e) {
          if (!isApiError(e)) throw e;
        }
      }
      // PreBind: the pod waits for its claims' binding; the claim watch brings it back after its backoff.
      return this.backOff(pod);
    }
    this.bind(pod, chosen.metadata.name!);
  }

  private bind(pod: Pod, nodeName: string): void {
    const { namespace, name, uid } = pod.metadata;
    try {
      const bound = this.registry.mutate(PODS, namespace, name!, (p) => {
        if (p.metadata.uid !== uid || (p as Pod).spec.nodeName) return false;
        (p as Pod).spec.nodeName = nodeName;
      }, { subresource: 'binding' });
      if (!bound || (bound as Pod).spec.nodeName !== nodeName) return;
      // The cache sees the binding now, so the next pod of this round counts it.
      this.remember(bound as Pod, pod);
      this.attempts.delete(uid!);
      this.lastMessage.delete(uid!);
      this.setCondition(bound as Pod, { type: 'PodScheduled', status: 'True' });
      this.recorder.record(SOURCE, bound, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${nodeName}`);
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }

  /** The pod waits in `unschedulable` for a cluster change, after a backoff that grows with its attempts. */
  private backOff(pod: Pod): void {
    const uid = pod.metadata.uid!;
    const attempts = (this.attempts.get(uid) ?? 0) + 1;
    this.attempts.set(uid, attempts);
    this.unschedulable.set(uid, { attempts, until: this.registry.clock.now() + podBackoffMs(attempts) });
  }

  private markUnschedulable(pod: Pod, message: string): void {
    const uid = pod.metadata.uid!;
    this.backOff(pod);
    const changed = this.lastMessage.get(uid) !== message;
    this.lastMessage.set(uid, message);
    try {
      if (changed) this.setCondition(pod, { type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message });
      // Every failed attempt is an event; the recorder folds repeats into one with a count.
      this.recorder.record(SOURCE, pod, 'Warning', 'FailedScheduling', message);
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }

  private setCondition(pod: Pod, c: { type: string; status: string; reason?: string; message?: string }): void {
    const { namespace, name, uid } = pod.metadata;
    this.registry.mutate(PODS, namespace, name!, (p) => {
      if (p.metadata.uid !== uid) return false;
      const st = ((p as Pod).status ??= {});
      const old = (st.conditions ?? []).find((x) => x.type === c.type);
      if (old && old.status === c.status && old.reason === c.reason && old.message === c.message) return false;
      const cond: Record<string, unknown> = { type: c.type, status: c.status, lastProbeTime: null, lastTransitionTime: rfc3339(this.registry.clock.now()) };
      if (c.reason) cond.reason = c.reason;
      if (c.message) cond.message = c.message;
      st.conditions = [...(st.conditions ?? []).filter((x) => x.type !== c.type), cond as never];
    }, { subresource: 'status' });
  }

  /** For tests and `describe`: the node the scheduler would pick, or its reasons. */
  explain(pod: Pod): string | undefined {
    const failures: FilterFailure[] = [];
    for (const node of this.nodes.values()) {
      const f = filterNode({ pod, node, podsOnNode: this.podsOn(node.metadata.name!), namespaceLabels: this.namespaceLabels });
      if (!f) return undefined;
      failures.push(f);
    }
    return fitErrorMessage(this.nodes.size, failures);
  }
}
