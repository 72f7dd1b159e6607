// kube-scheduler's VolumeBinding plugin, the parts one node needs, pure: a pod's claims must exist and not be
// deleting; a bound claim is fine; an unbound claim of an Immediate class blocks the pod; an unbound claim of a
// WaitForFirstConsumer class is given the chosen node (volume.kubernetes.io/selected-node) and the pod waits,
// Pending, until the binder has bound it (PreBind).
import type { KObject, Pod } from '../../api/types.js';
import { storageClassOf } from '../../api/validation-storage.js';

type Obj = Record<string, any>;

export type VolumeBindingResult =
  | { type: 'ok' }
  /** PreFilter's rejection, in its words (no preemption can help). */
  | { type: 'unschedulable'; reason: string }
  /** Claims to give the node to, then wait for their binding. */
  | { type: 'wait'; select: string[] };

export function volumeBinding(pod: Pod, claim: (name: string) => KObject | undefined, cls: (name: string) => KObject | undefined): VolumeBindingResult {
  const select: string[] = [];
  let waiting = false;
  for (const v of ((pod.spec.volumes ?? []) as Obj[])) {
    const name = v.persistentVolumeClaim?.claimName as string | undefined;
    if (!name) continue;
    const c = claim(name);
    if (!c) return { type: 'unschedulable', reason: `persistentvolumeclaim "${name}" not found` };
    if (c.metadata.deletionTimestamp) return { type: 'unschedulable', reason: `persistentvolumeclaim "${name}" is being deleted` };
    const spec = ((c as Obj).spec ?? {}) as Obj;
    if (spec.volumeName && (c as Obj).status?.phase === 'Bound') continue;
    const sc = cls(storageClassOf(c)) as Obj | undefined;
    if (sc?.volumeBindingMode === 'WaitForFirstConsumer' && !spec.volumeName) {
      waiting = true;
      if (!c.metadata.annotations?.['volume.kubernetes.io/selected-node']) select.push(name);
      continue;
    }
    if (!spec.volumeName) return { type: 'unschedulable', reason: 'pod has unbound immediate PersistentVolumeClaims' };
    waiting = true; // bound by name, the binder is finishing
  }
  return waiting ? { type: 'wait', select } : { type: 'ok' };
}

/** The FitError text of a PreFilter rejection on `numNodes` nodes. */
export function preFilterMessage(numNodes: number, reason: string): string {
  return `0/${numNodes} nodes are available: ${reason}. preemption: 0/${numNodes} nodes are available: ${numNodes} Preemption is not helpful for scheduling.`;
}
