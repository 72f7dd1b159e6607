// The HPA's replica calculator (pkg/controller/podautoscaler/replica_calculator.go), pure: the pods the
// target's selector matches, their metrics (milli-units, as the metrics client sums them) and the time
// in, a replica count out. Ready pods count; pods without metrics and unready pods are assumed, on a
// second pass, to be at 100% of request (or the target) when scaling down and at 0% when scaling up, so
// they never make a change bigger — only possibly cancel it.
import type { Pod } from '../../api/types.js';
import { parseQuantity, quantityMilliValue } from '../../api/quantity.js';

export interface PodMetric {
  /** Milli-units (MilliValue): millicores for CPU, milli-bytes for memory. */
  value: number;
  /** When the sample was taken (ms) and the window it covers (ms). */
  timestamp: number;
  windowMs: number;
}

export type PodMetricsInfo = Map<string, PodMetric>;

/** The fraction around a usage ratio of 1.0 inside which nothing changes, per direction (0.1 both by default). */
export interface Tolerances {
  scaleDown: number;
  scaleUp: number;
}

export const DEFAULT_TOLERANCE = 0.1;
export const DEFAULT_TOLERANCES: Tolerances = { scaleDown: DEFAULT_TOLERANCE, scaleUp: DEFAULT_TOLERANCE };

/** kube-controller-manager's --horizontal-pod-autoscaler-cpu-initialization-period and initial-readiness-delay. */
export const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000;
export const DELAY_OF_INITIAL_READINESS_STATUS_MS = 30_000;

export function isWithin(t: Tolerances, ratio: number): boolean {
  return 1.0 - t.scaleDown <= ratio && ratio <= 1.0 + t.scaleUp;
}

export class ReplicaCalcError extends Error {}

/** Go's zero time.Time (0001-01-01), what an unset timestamp compares as. */
const ZERO_TIME = Date.parse('0001-01-01T00:00:00Z');
const time = (s: string | undefined) => (s ? Date.parse(s) : ZERO_TIME);

export interface GroupedPods {
  readyPodCount: number;
  unreadyPods: Set<string>;
  missingPods: Set<string>;
  ignoredPods: Set<string>;
}

/**
 * groupPods: deleted, failed and pending pods are ignored; pods without a metric are missing; for CPU, a pod
 * is unready when it has no Ready condition or start time, when (still in its CPU initialization period) it
 * is not Ready or its sample predates one full window since it became Ready, or (after that period) when it
 * is not Ready and never has been since starting.
 */
export function groupPods(pods: Pod[], metrics: PodMetricsInfo, resource: string, now: number, cpuInitializationPeriodMs = CPU_INITIALIZATION_PERIOD_MS, delayOfInitialReadinessStatusMs = DELAY_OF_INITIAL_READINESS_STATUS_MS): GroupedPods {
  const g: GroupedPods = { readyPodCount: 0, unreadyPods: new Set(), missingPods: new Set(), ignoredPods: new Set() };
  for (const pod of pods) {
    const name = pod.metadata.name!;
    if (pod.metadata.deletionTimestamp || pod.status?.phase === 'Failed') {
      g.ignoredPods.add(name);
      continue;
    }
    if (pod.status?.phase === 'Pending') {
      g.ignoredPods.add(name);
      continue;
    }
    const metric = metrics.get(name);
    if (!metric) {
      g.missingPods.add(name);
      continue;
    }
    if (resource === 'cpu') {
      const cond = pod.status?.conditions?.find((c) => c.type === 'Ready');
      const start = time(pod.status?.startTime);
      let unready: boolean;
      if (!cond || !pod.status?.startTime) {
        unready = true;
      } else if (start + cpuInitializationPeriodMs > now) {
        unready = cond.status === 'False' || metric.timestamp < time(cond.lastTransitionTime) + metric.windowMs;
      } else {
        unready = cond.status === 'False' && start + delayOfInitialReadinessStatusMs > time(cond.lastTransitionTime);
      }
      if (unready) {
        g.unreadyPods.add(name);
        continue;
      }
    }
    g.readyPodCount++;
  }
  return g;
}

/**
 * calculatePodRequests: each pod's request for the resource (milli-units) over its containers and
 * restartable init containers (sidecars), or only `container`; a container without a request is an error.
 */
export function calculatePodRequests(pods: Pod[], container: string, resource: string): Map<string, number> {
  const requests = new Map<string, number>();
  for (const pod of pods) {
    let sum = 0;
    const containers = [...pod.spec.containers, ...(pod.spec.initContainers ?? []).filter((c) => (c as { restartPolicy?: string }).restartPolicy === 'Always')];
    for (const c of containers) {
      if (container && container !== c.name) continue;
      const req = c.resources?.requests?.[resource];
      if (req === undefined) throw new ReplicaCalcError(`missing request for ${resource} in container ${c.name} of Pod ${pod.metadata.name}`);
      sum += Number(quantityMilliValue(parseQuantity(req)));
    }
    requests.set(pod.metadata.name!, sum);
  }
  return requests;
}

/**
 * GetResourceUtilizationRatio: usage over requests of the pods that have both, as a whole percentage.
 * E.g. 1500m used over 3 × 1000m requested = 50%; with a 30% target the ratio is 50/30 ≈ 1.67.
 */
export function getResourceUtilizationRatio(metrics: PodMetricsInfo, requests: Map<string, number>, targetUtilization: number): { ratio: number; utilization: number; rawAverage: number } {
  let metricsTotal = 0;
  let requestsTotal = 0;
  let n = 0;
  for (const [name, m] of metrics) {
    const req = requests.get(name);
    if (req === undefined) continue;
    metricsTotal += m.value;
    requestsTotal += req;
    n++;
  }
  if (requestsTotal === 0) throw new ReplicaCalcError('no metrics returned matched known pods');
  const utilization = Math.trunc((metricsTotal * 100) / requestsTotal);
  return { ratio: utilization / targetUtilization, utilization, rawAverage: Math.trunc(metricsTotal / n) };
}

/** GetMetricUsageRatio: the average usage over the target (milli-units). */
export function getMetricUsageRatio(metrics: PodMetricsInfo, targetUsage: number): { ratio: number; usage: number } {
  let total = 0;
  for (const m of metrics.values()) total += m.value;
  const usage = Math.trunc(total / metrics.size);
  return { ratio: usage / targetUsage, usage };
}

function removeMetricsForPods(metrics: PodMetricsInfo, pods: Set<string>): void {
  for (const p of pods) metrics.delete(p);
}

function oldestTimestamp(metrics: PodMetricsInfo): number {
  let t = 0;
  for (const m of metrics.values()) {
    t = m.timestamp;
    break;
  }
  return t;
}

export interface ResourceReplicas {
  replicas: number;
  /** The current utilization (percent of request) … */
  utilization: number;
  /** … and the raw average usage per pod (milli-units). */
  rawAverage: number;
  timestamp: number;
}

export interface CalcInput {
  currentReplicas: number;
  /** The pods the scale target's selector matches. */
  pods: Pod[];
  /** The metric per pod name (podMetricsInfo); none at all is the metrics client's "no metrics returned" error. */
  metrics: PodMetricsInfo;
  resource: string;
  /** Only this container's usage and request ('' for the whole pod). */
  container?: string;
  now: number;
  tolerances?: Tolerances;
  /** kube-controller-manager's flags (5 min and 30 s by default). */
  cpuInitializationPeriodMs?: number;
  delayOfInitialReadinessStatusMs?: number;
}

/** GetResourceReplicas: the replica count for a target utilization (percent of request). */
export function getResourceReplicas(input: CalcInput, targetUtilization: number): ResourceReplicas {
  const { currentReplicas, pods, resource, now } = input;
  const t = input.tolerances ?? DEFAULT_TOLERANCES;
  const metrics = new Map(input.metrics);
  if (metrics.size === 0) throw new ReplicaCalcError(`unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`);
  const timestamp = oldestTimestamp(metrics);
  if (pods.length === 0) throw new ReplicaCalcError('no pods returned by selector while calculating replica count');
  const g = groupPods(pods, metrics, resource, now, input.cpuInitializationPeriodMs, input.delayOfInitialReadinessStatusMs);
  removeMetricsForPods(metrics, g.ignoredPods);
  removeMetricsForPods(metrics, g.unreadyPods);
  if (metrics.size === 0) throw new ReplicaCalcError('did not receive metrics for targeted pods (pods might be unready)');
  const requests = calculatePodRequests(pods, input.container ?? '', resource);
  const { ratio, utilization, rawAverage } = getResourceUtilizationRatio(metrics, requests, targetUtilization);
  const result = (replicas: number) => ({ replicas, utilization, rawAverage, timestamp });

  const scaleUpWithUnready = g.unreadyPods.size > 0 && ratio > 1.0;
  if (!scaleUpWithUnready && g.missingPods.size === 0) {
    if (isWithin(t, ratio)) return result(currentReplicas);
    return result(Math.ceil(ratio * g.readyPodCount));
  }
  if (g.missingPods.size > 0) {
    if (ratio < 1.0) {
      // Scaling down: a pod without metrics counts as using its whole request (or the target, if above 100%).
      const fallback = Math.max(100, targetUtilization);
      for (const p of g.missingPods) metrics.set(p, { value: Math.trunc((requests.get(p)! * fallback) / 100), timestamp: 0, windowMs: 0 });
    } else if (ratio > 1.0) {
      for (const p of g.missingPods) metrics.set(p, { value: 0, timestamp: 0, windowMs: 0 });
    }
  }
  if (scaleUpWithUnready) for (const p of g.unreadyPods) metrics.set(p, { value: 0, timestamp: 0, windowMs: 0 });
  const next = getResourceUtilizationRatio(metrics, requests, targetUtilization).ratio;
  if (isWithin(t, next) || (ratio < 1.0 && next > 1.0) || (ratio > 1.0 && next < 1.0)) return result(currentReplicas);
  const replicas = Math.ceil(next * metrics.size);
  if ((next < 1.0 && replicas > currentReplicas) || (next > 1.0 && replicas < currentReplicas)) return result(currentReplicas);
  return result(replicas);
}

/** GetRawResourceReplicas / calcPlainMetricReplicas: the replica count for a target average value (milli-units). */
export function getRawResourceReplicas(input: CalcInput, targetUsage: number): { replicas: number; usage: number; timestamp: number } {
  const { currentReplicas, pods, resource, now } = input;
  const t = input.tolerances ?? DEFAULT_TOLERANCES;
  const metrics = new Map(input.metrics);
  if (metrics.size === 0) throw new ReplicaCalcError(`unable to get metrics for resource ${resource}: no metrics returned from resource metrics API`);
  const timestamp = oldestTimestamp(metrics);
  if (pods.length === 0) throw new ReplicaCalcError('no pods returned by selector while calculating replica count');
  const g = groupPods(pods, metrics, resource, now, input.cpuInitializationPeriodMs, input.delayOfInitialReadinessStatusMs);
  removeMetricsForPods(metrics, g.ignoredPods);
  removeMetricsForPods(metrics, g.unreadyPods);
  if (metrics.size === 0) throw new ReplicaCalcError('did not receive metrics for targeted pods (pods might be unready)');
  const { ratio, usage } = getMetricUsageRatio(metrics, targetUsage);
  const result = (replicas: number) => ({ replicas, usage, timestamp });

  const scaleUpWithUnready = g.unreadyPods.size > 0 && ratio > 1.0;
  if (!scaleUpWithUnready && g.missingPods.size === 0) {
    if (isWithin(t, ratio)) return result(currentReplicas);
    return result(Math.ceil(ratio * g.readyPodCount));
  }
  if (g.missingPods.size > 0) {
    const value = ratio < 1.0 ? targetUsage : 0;
    for (const p of g.missingPods) metrics.set(p, { value, timestamp: 0, windowMs: 0 });
  }
  if (scaleUpWithUnready) for (const p of g.unreadyPods) metrics.set(p, { value: 0, timestamp: 0, windowMs: 0 });
  const next = getMetricUsageRatio(metrics, targetUsage).ratio;
  if (isWithin(t, next) || (ratio < 1.0 && next > 1.0) || (ratio > 1.0 && next < 1.0)) return result(currentReplicas);
  const replicas = Math.ceil(next * metrics.size);
  if ((next < 1.0 && replicas > currentReplicas) || (next > 1.0 && replicas < currentReplicas)) return result(currentReplicas);
  return result(replicas);
}

/** A PodMetrics as the metrics client reads it. */
export interface RawPodMetrics {
  name: string;
  timestamp: number;
  windowMs: number;
  containers: { name: string; usage: Record<string, string> }[];
}

/**
 * getPodMetrics / getContainerMetrics (rest_metrics_client.go): each pod's usage of `resource` summed over
 * its containers (or only `container`) as MilliValue; a pod missing the resource in any container is left out.
 */
export function podMetricsInfo(raw: RawPodMetrics[], resource: string, container = ''): PodMetricsInfo {
  const res: PodMetricsInfo = new Map();
  for (const m of raw) {
    let sum = 0;
    let missing = m.containers.length === 0;
    let found = !container;
    for (const c of m.containers) {
      if (container && c.name !== container) continue;
      const v = c.usage[resource];
      if (v === undefined) {
        missing = true;
        break;
      }
      found = true;
      sum += Number(quantityMilliValue(parseQuantity(v)));
    }
    if (!missing && found) res.set(m.name, { value: sum, timestamp: m.timestamp, windowMs: m.windowMs });
  }
  return res;
}
