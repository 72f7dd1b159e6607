// POST pods/NAME/eviction (pkg/registry/core/pod/storage/eviction.go): a delete that respects the
// pod's PodDisruptionBudget. Pods that are not running, or already terminating, go without a check;
// otherwise the one budget selecting the pod must allow a disruption, which the eviction consumes
// (disruptionsAllowed−1, the pod listed in disruptedPods until it is gone) before the pod is deleted.
import type { KObject, Pod, StatusObject } from '../api/types.js';
import { RESOURCES } from '../api/registry.js';
import * as errors from '../api/errors.js';
import type { Registry } from '../registry/registry.js';
import { budgetSelects } from '../controllers/disruption/compute.js';
import { isPodReady } from '../controllers/endpoints/compute.js';
import { rfc3339 } from '../util/clock.js';

const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const PDBS = RESOURCES.find((r) => r.kind === 'PodDisruptionBudget')!;

const VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";

export interface Eviction {
  apiVersion?: string;
  kind?: string;
  metadata?: { name?: string; namespace?: string };
  deleteOptions?: { gracePeriodSeconds?: number; preconditions?: { uid?: string; resourceVersion?: string }; dryRun?: string[] };
}

function tooManyRequests(cause: string): errors.ApiError {
  return errors.statusError(429, 'TooManyRequests', VIOLATION, { causes: [{ reason: 'DisruptionBudget', message: cause }] } as never);
}

export function evictPod(registry: Registry, ns: string, name: string, body: unknown, opts: { dryRun?: boolean } = {}): StatusObject {
  const ev = (body ?? {}) as Eviction;
  if (ev.kind !== undefined && ev.kind !== 'Eviction') throw errors.badRequest(`expected Eviction, got ${ev.kind}`);
  if (ev.metadata?.name && ev.metadata.name !== name) throw errors.badRequest('name in URL does not match name in Eviction object');
  const pod = registry.get(PODS, ns, name) as Pod;
  const dryRun = opts.dryRun || (ev.deleteOptions?.dryRun ?? []).includes('All');
  const del = () => {
    registry.delete(PODS, ns, name, { gracePeriodSeconds: ev.deleteOptions?.gracePeriodSeconds, preconditions: ev.deleteOptions?.preconditions, dryRun });
    return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 } as StatusObject;
  };
  const phase = pod.status?.phase;
  if (pod.metadata.deletionTimestamp || phase === 'Succeeded' || phase === 'Failed' || phase === 'Pending') return del();
  const budgets = registry.list(PDBS, ns).items.filter((b) => budgetSelects(b, pod));
  if (budgets.length === 0) return del();
  if (budgets.length > 1) throw errors.internal('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
  const pdb = budgets[0]!;
  const st = (pdb.status ?? {}) as { observedGeneration?: number; disruptionsAllowed?: number; currentHealthy?: number; desiredHealthy?: number; disruptedPods?: Record<string, string> };
  if ((st.observedGeneration ?? 0) < (pdb.metadata.generation ?? 1)) throw tooManyRequests(`The disruption budget ${pdb.metadata.name} is still being processed by the server.`);
  // An unready pod may go without spending the budget: always (AlwaysAllow), or while the budget is met (IfHealthyBudget, the default).
  const policy = (pdb.spec as { unhealthyPodEvictionPolicy?: string } | undefined)?.unhealthyPodEvictionPolicy;
  if (!isPodReady(pod) && (policy === 'AlwaysAllow' || (st.currentHealthy ?? 0) >= (st.desiredHealthy ?? 0))) return del();
  if ((st.disruptionsAllowed ?? 0) < 0) throw errors.forbidden('poddisruptionbudgets.policy', pdb.metadata.name!, 'pdb disruptions allowed is negative');
  if ((st.disruptionsAllowed ?? 0) === 0) {
    throw tooManyRequests(`The disruption budget ${pdb.metadata.name} needs ${st.desiredHealthy ?? 0} healthy pods and has ${st.currentHealthy ?? 0} currently`);
  }
  if (!dryRun) {
    registry.mutate(PDBS, ns, pdb.metadata.name!, (o: KObject) => {
      const s = (o.status ?? {}) as typeof st;
      s.disruptionsAllowed = (s.disruptionsAllowed ?? 0) - 1;
      s.disruptedPods = { ...(s.disruptedPods ?? {}), [name]: rfc3339(registry.clock.now()) };
      o.status = s;
    }, { subresource: 'status' });
  }
  return del();
}
