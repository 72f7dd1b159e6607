// The scheduler: binds each new pod to a node that passes the filters (filters.ts), or leaves it
// Pending with PodScheduled=False and a FailedScheduling event in kube-scheduler's words, and tries
// the pending pods again whenever something that could make room changes (a node is updated, a
// pod is deleted, finishes or changes). Its picture of the cluster comes from the registry's
// watches (the scheduler cache), so a scheduling attempt reads memory, not the store.
import type { Pod } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { isApiError } from '../../api/errors.js';
import type { Registry } from '../../registry/registry.js';
import type { EventRecorder } from '../../events/recorder.js';
import { rfc3339 } from '../../util/clock.js';
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

export class Scheduler {
  private stops: Array<() => void> = [];
  /** uid → pod, every pod the scheduler knows. */
  private readonly pods = new Map<string, Pod>();
  private readonly nodes = new Map<string, NodeView>();
  /** Pods waiting for a node, by uid. */
  private readonly pending = new Set<string>();
  /** The last message a pending pod was given, so the status is written only when it changes. */
  private readonly lastMessage = new Map<string, string>();
  private scheduled = false;
  private retryTimer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly registry: Registry,
    private readonly recorder: EventRecorder,
  ) {}

  start(): void {
    this.stops.push(
      this.registry.watch(NODES, undefined, {}, (e) => {
        const n = e.object as NodeView;
        if (e.type === 'DELETED') this.nodes.delete(n.metadata.name!);
        else this.nodes.set(n.metadata.name!, n);
        this.requeueAll();
      }),
      this.registry.watch(PODS, undefined, {}, (e) => {
        const pod = e.object as Pod;
        const uid = pod.metadata.uid!;
        if (e.type === 'DELETED') {
          const had = this.pods.get(uid);
          this.pods.delete(uid);
          this.pending.delete(uid);
          this.lastMessage.delete(uid);
          if (had?.spec.nodeName) this.requeueAll();
          return;
        }
        const before = this.pods.get(uid);
        this.pods.set(uid, pod);
        if (!pod.spec.nodeName && !pod.metadata.deletionTimestamp) {
          this.pending.add(uid);
          this.soon();
        } else {
          this.pending.delete(uid);
          // A bound pod that finishes or changes may make room for the pending ones.
          if (before && (finished(pod) !== finished(before) || !before.spec.nodeName)) this.requeueAll();
        }
      }),
    );
    // A claim bound, created or given a node may let a pending pod through.
    this.stops.push(this.registry.watch(PVCS, undefined, {}, () => this.requeueAll()));
    this.retryTimer = setInterval(() => this.requeueAll(), RETRY_MS);
    this.retryTimer.unref?.();
  }

  close(): void {
    for (const s of this.stops) s();
    this.stops = [];
    if (this.retryTimer) clearInterval(this.retryTimer);
  }

  private requeueAll(): void {
    if (this.pending.size) this.soon();
  }

  /** Schedules after the current write completes (watchers run inside the store's write). */
  private soon(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.scheduleAll();
    });
  }

  private scheduleAll(): void {
    // Oldest first, as the scheduling queue orders pods of equal priority.
    const queue = [...this.pending].map((uid) => this.pods.get(uid)).filter((p): p is Pod => !!p);
    queue.sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
    for (const pod of queue) this.scheduleOne(pod);
  }

  private podsOn(node: string): Pod[] {
    const out: Pod[] = [];
    for (const p of this.pods.values()) if (p.spec.nodeName === node && !finished(p)) out.push(p);
    return out;
  }

  private namespaceLabels = (ns: string): Record<string, string> => this.registry.tryGet(NAMESPACES, undefined, ns)?.metadata.labels ?? {};

  private scheduleOne(pod: Pod): void {
    const nodes = [...this.nodes.values()];
    if (!nodes.length) return; // no node registered yet: the node watch requeues
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
    if (!chosen) return this.unschedulable(pod, fitErrorMessage(nodes.length, failures));
    const ns = pod.metadata.namespace;
    const vb = volumeBinding(pod, (n) => this.registry.tryGet(PVCS, ns, n), (n) => (n ? this.registry.tryGet(CLASSES, undefined, n) : undefined));
    if (vb.type === 'unschedulable') return this.unschedulable(pod, preFilterMessage(nodes.length, vb.reason));
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
      return; // PreBind: the pod waits for its claims' binding (the claim watch requeues it)
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
      this.pods.set(uid!, bound as Pod);
      this.pending.delete(uid!);
      this.lastMessage.delete(uid!);
      this.setCondition(bound as Pod, { type: 'PodScheduled', status: 'True' });
      this.recorder.record(SOURCE, bound, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${nodeName}`);
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }

  private unschedulable(pod: Pod, message: string): void {
    const uid = pod.metadata.uid!;
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
