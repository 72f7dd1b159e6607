// The NoExecute taint manager (pkg/controller/tainteviction): watches nodes and pods; a bound,
// still running pod on a node with NoExecute taints it does not tolerate (or tolerates only for
// tolerationSeconds) gets the DisruptionTarget condition and is deleted, with the
// TaintManagerEviction event. Decisions are plan.ts's; the clock is the registry's.
import type { Pod } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { isApiError } from '../../api/errors.js';
import type { Registry } from '../../registry/registry.js';
import type { EventRecorder } from '../../events/recorder.js';
import { rfc3339 } from '../../util/clock.js';
import { WorkQueue } from '../queue.js';
import { objectKey } from '../ownership.js';
import type { NodeView } from '../scheduler/filters.js';
import { EVICTION_CONDITION, planTaintEviction } from './plan.js';

const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const NODES = RESOURCES.find((r) => r.kind === 'Node')!;
const SOURCE = 'taint-eviction-controller';

export class TaintEvictionController {
  private queue: WorkQueue;
  private stops: (() => void)[] = [];
  /** podKey → when its scheduled eviction began (the taint manager's in-memory timed queue). */
  private scheduled = new Map<string, number>();

  constructor(
    private readonly registry: Registry,
    private readonly recorder: EventRecorder,
    private readonly log: (m: string) => void = () => {},
  ) {
    this.queue = new WorkQueue((k) => this.sync(k), registry.clock, log);
  }

  start(): void {
    this.stops.push(this.registry.watch(PODS, undefined, {}, (e) => {
      const k = objectKey(e.object);
      if (e.type === 'DELETED') this.scheduled.delete(k);
      else if ((e.object as Pod).spec?.nodeName) this.queue.add(k);
    }));
    this.stops.push(this.registry.watch(NODES, undefined, {}, (e) => {
      for (const p of this.registry.list(PODS, undefined, { fieldSelector: `spec.nodeName=${e.object.metadata.name}` }).items) this.queue.add(objectKey(p));
    }));
  }

  close(): void {
    for (const s of this.stops) s();
    this.queue.stop();
  }

  private sync(k: string): void {
    const [ns, name] = k.split('/') as [string, string];
    const pod = this.registry.tryGet(PODS, ns, name) as Pod | undefined;
    if (!pod || pod.metadata.deletionTimestamp || !pod.spec.nodeName || pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') {
      this.scheduled.delete(k);
      return;
    }
    const node = this.registry.tryGet(NODES, undefined, pod.spec.nodeName as string) as NodeView | undefined;
    const now = this.registry.clock.now();
    const step = planTaintEviction(pod, node?.spec?.taints, now, this.scheduled.get(k));
    if (step.kind === 'none') {
      this.scheduled.delete(k);
      return;
    }
    if (step.kind === 'schedule' && step.at > now) {
      if (!this.scheduled.has(k)) this.scheduled.set(k, now);
      this.queue.addAfter(k, step.at - now);
      return;
    }
    this.scheduled.delete(k);
    this.recorder.record(SOURCE, pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${ns}/${name}`);
    try {
      this.registry.mutate(PODS, ns, name, (o) => {
        if (o.metadata.uid !== pod.metadata.uid) return false;
        const conds = ((o.status?.conditions ?? []) as { type: string }[]).filter((c) => c.type !== EVICTION_CONDITION.type);
        o.status = { ...(o.status ?? {}), conditions: [...conds, { ...EVICTION_CONDITION, lastTransitionTime: rfc3339(now) }] };
      }, { subresource: 'status' });
      this.registry.delete(PODS, ns, name, { preconditions: { uid: pod.metadata.uid } });
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }
}
