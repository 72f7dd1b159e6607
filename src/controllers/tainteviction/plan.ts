// The NoExecute taint manager's decision for one pod (pkg/controller/tainteviction/
// taint_eviction.go processPodOnNode, getMinTolerationTime; v1helper GetMatchingTolerations):
// a pod that does not tolerate every NoExecute taint of its node is evicted now; one that
// tolerates them all for a limited time is evicted when the shortest tolerationSeconds runs out,
// counted from when the taint manager first saw it so.
import type { Pod } from '../../api/types.js';
import { tolerates, type Taint, type Toleration } from '../scheduler/filters.js';

export type TaintEvictionStep = { kind: 'none' } | { kind: 'evict' } | { kind: 'schedule'; at: number };

/**
 * `since` is when the current scheduled eviction began (undefined: none yet, starts `now`).
 * e.g. taint k:NoExecute, toleration k Exists tolerationSeconds 30, first seen at t → evict at t+30s.
 */
export function planTaintEviction(pod: Pod, nodeTaints: readonly Taint[] | undefined, now: number, since?: number): TaintEvictionStep {
  const taints = (nodeTaints ?? []).filter((t) => t.effect === 'NoExecute');
  if (!taints.length) return { kind: 'none' };
  const tolerations = (pod.spec.tolerations ?? []) as Toleration[];
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = tolerations.find((x) => tolerates(x, taint));
    if (!t) return { kind: 'evict' };
    used.push(t);
  }
  // getMinTolerationTime: no tolerationSeconds anywhere means forever; negative means now.
  const limited = used.filter((t) => t.tolerationSeconds !== undefined && t.tolerationSeconds !== null).map((t) => Math.max(0, t.tolerationSeconds!));
  if (!limited.length) return { kind: 'none' };
  const min = Math.min(...limited);
  if (min === 0) return { kind: 'evict' };
  return { kind: 'schedule', at: (since ?? now) + min * 1000 };
}

export const EVICTION_CONDITION = {
  type: 'DisruptionTarget',
  status: 'True',
  reason: 'DeletionByTaintManager',
  message: 'Taint manager: deleting due to NoExecute taint',
};
