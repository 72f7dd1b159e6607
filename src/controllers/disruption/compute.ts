// The disruption controller's arithmetic (pkg/controller/disruption), pure: from a budget, the pods
// it selects and their controllers' scale, the status a PodDisruptionBudget carries.
//
// e.g. minAvailable 2 over 3 ready pods: desiredHealthy 2, currentHealthy 3, disruptionsAllowed 1;
// maxUnavailable "50%" over a Deployment of 3: expected 3, 50% of 3 rounded up = 2 may go, desired 1.
import type { KObject, Pod } from '../../api/types.js';
import { getScaledValueFromIntOrPercent } from '../deployment/rollout-math.js';
import { isPodReady } from '../endpoints/compute.js';
import { labelSelectorFromSpec, matchesLabels } from '../../api/selectors.js';

export interface PdbSpec {
  minAvailable?: number | string;
  maxUnavailable?: number | string;
}

export interface PdbStatus {
  observedGeneration?: number;
  disruptedPods?: Record<string, string>;
  disruptionsAllowed: number;
  currentHealthy: number;
  desiredHealthy: number;
  expectedPods: number;
  conditions?: Array<Record<string, unknown>>;
}

export interface BudgetInput {
  pdb: KObject;
  /** Pods of the budget's namespace its selector matches. */
  pods: Pod[];
  /** The desired replicas of the controller owning a pod (its scale), or undefined for an unmanaged pod. */
  scaleOf: (pod: Pod) => { key: string; replicas: number } | undefined;
  now: string;
}

/** A pod counts as healthy when Ready and not being deleted (countHealthyPods). */
export function healthyPods(pods: Pod[]): number {
  return pods.filter((p) => !p.metadata.deletionTimestamp && isPodReady(p)).length;
}

/** getExpectedPodCount: desiredHealthy and expectedPods, or an error in the controller's words. */
export function expected(input: BudgetInput): { expectedCount: number; desiredHealthy: number } | { error: string } {
  const spec = (input.pdb.spec ?? {}) as PdbSpec;
  const controllersScale = (): number | { error: string } => {
    const seen = new Map<string, number>();
    for (const p of input.pods) {
      const s = input.scaleOf(p);
      if (!s) return { error: `found no controller ref for pod "${p.metadata.name}"` };
      seen.set(s.key, s.replicas);
    }
    let total = 0;
    for (const r of seen.values()) total += r;
    return total;
  };
  if (spec.maxUnavailable !== undefined) {
    const count = controllersScale();
    if (typeof count !== 'number') return count;
    const maxUnavailable = getScaledValueFromIntOrPercent(spec.maxUnavailable, count, true);
    return { expectedCount: count, desiredHealthy: Math.max(0, count - maxUnavailable) };
  }
  if (typeof spec.minAvailable === 'number') return { expectedCount: input.pods.length, desiredHealthy: spec.minAvailable };
  if (typeof spec.minAvailable === 'string') {
    const count = controllersScale();
    if (typeof count !== 'number') return count;
    return { expectedCount: count, desiredHealthy: getScaledValueFromIntOrPercent(spec.minAvailable, count, true) };
  }
  return { expectedCount: input.pods.length, desiredHealthy: input.pods.length };
}

/** The status the controller writes (updatePdbStatus), with the DisruptionAllowed condition. */
export function computeStatus(input: BudgetInput): PdbStatus {
  const old = (input.pdb.status ?? {}) as Partial<PdbStatus>;
  const currentHealthy = healthyPods(input.pods);
  const e = expected(input);
  // Evictions granted but whose pods are not gone yet still count against the budget.
  const live = new Set(input.pods.filter((p) => !p.metadata.deletionTimestamp).map((p) => p.metadata.name!));
  const disruptedPods = Object.fromEntries(Object.entries(old.disruptedPods ?? {}).filter(([name]) => live.has(name)));
  const pending = Object.keys(disruptedPods).length;
  const { expectedCount, desiredHealthy } = 'error' in e ? { expectedCount: 0, desiredHealthy: 0 } : e;
  const allowed = 'error' in e ? 0 : Math.max(0, currentHealthy - desiredHealthy - pending);
  const prev = (old.conditions ?? []).find((c) => c.type === 'DisruptionAllowed');
  const status = allowed > 0 ? 'True' : 'False';
  const reason = 'error' in e ? 'SyncFailed' : allowed > 0 ? 'SufficientPods' : 'InsufficientPods';
  const condition: Record<string, unknown> = {
    type: 'DisruptionAllowed',
    status,
    reason,
    message: 'error' in e ? e.error : '',
    observedGeneration: input.pdb.metadata.generation,
    lastTransitionTime: prev && prev.status === status ? prev.lastTransitionTime : input.now,
  };
  return {
    observedGeneration: input.pdb.metadata.generation,
    ...(pending ? { disruptedPods } : {}),
    disruptionsAllowed: allowed,
    currentHealthy,
    desiredHealthy,
    expectedPods: expectedCount,
    conditions: [condition],
  };
}

/** The pods a budget selects: its namespace and its selector (a budget without one selects nothing). */
export function budgetSelects(pdb: KObject, pod: KObject): boolean {
  if (pdb.metadata.namespace !== pod.metadata.namespace) return false;
  const sel = (pdb.spec as { selector?: Parameters<typeof labelSelectorFromSpec>[0] } | undefined)?.selector;
  if (!sel) return false;
  try {
    return matchesLabels(labelSelectorFromSpec(sel), pod.metadata.labels ?? {});
  } catch {
    return false;
  }
}
