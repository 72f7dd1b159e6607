// The scheduler, for a one-node cluster: binds every new pod to the node and says so,
// as kube-scheduler does (spec.nodeName, the PodScheduled condition, a `Scheduled` event).
import type { Pod } from '../api/types.js';
import { RESOURCES } from '../api/registry.js';
import { isApiError } from '../api/errors.js';
import type { Registry } from '../registry/registry.js';
import type { EventRecorder } from '../events/recorder.js';
import { rfc3339 } from '../util/clock.js';

const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;

export class Scheduler {
  private stop?: () => void;

  constructor(
    private readonly registry: Registry,
    private readonly recorder: EventRecorder,
    private readonly nodeName: string,
  ) {}

  start(): void {
    this.stop = this.registry.watch(PODS, undefined, {}, (e) => {
      if (e.type === 'DELETED') return;
      const pod = e.object as Pod;
      if (pod.spec.nodeName || pod.metadata.deletionTimestamp) return;
      // Bind after the current write completes: watchers run inside the store's write.
      queueMicrotask(() => this.bind(pod));
    });
  }

  close(): void {
    this.stop?.();
  }

  private bind(pod: Pod): void {
    const { namespace, name, uid } = pod.metadata;
    try {
      const bound = this.registry.mutate(PODS, namespace, name!, (p) => {
        if (p.metadata.uid !== uid || (p as Pod).spec.nodeName) return false;
        (p as Pod).spec.nodeName = this.nodeName;
      }, { subresource: 'binding' });
      if (!bound || (bound as Pod).spec.nodeName !== this.nodeName) return;
      this.registry.mutate(PODS, namespace, name!, (p) => {
        const st = ((p as Pod).status ??= {});
        st.conditions = [
          ...(st.conditions ?? []).filter((c) => c.type !== 'PodScheduled'),
          { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(this.registry.clock.now()) },
        ];
      }, { subresource: 'status' });
      this.recorder.record('default-scheduler', bound, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${this.nodeName}`);
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }
}
