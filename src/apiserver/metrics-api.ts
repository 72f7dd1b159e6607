// metrics.k8s.io/v1beta1 as metrics-server serves it: PodMetrics and NodeMetrics built from the kubelet's
// last usage snapshot, joined with the stored Pods and Nodes (their labels select, their names answer).
// Read-only: get and list, with label and field selectors on the underlying objects.
import type { KObject } from '../api/types.js';
import { resourceByKind } from '../api/registry.js';
import * as errors from '../api/errors.js';
import { quantityToString } from '../api/quantity.js';
import type { Registry } from '../registry/registry.js';
import { rfc3339 } from '../util/clock.js';
import type { NodeUsage, PodUsage, UsageSnapshot } from '../kubelet/metrics/usage.js';
import type { ResourceRequest } from './routes.js';

const API_VERSION = 'metrics.k8s.io/v1beta1';

/** metrics-server's quantities: CPU in nanocores (`150000000n` prints as `150m`), memory in bytes (BinarySI). */
export function cpuQuantity(nanoCores: number): string {
  return quantityToString({ unscaled: BigInt(Math.round(nanoCores)), exp10: -9, format: 'DecimalSI' });
}
export function memoryQuantity(bytes: number): string {
  return quantityToString({ unscaled: BigInt(Math.round(bytes)), exp10: 0, format: 'BinarySI' });
}

/** `10.069s`, as metav1.Duration prints the window. */
export function windowString(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))}s`;
}

function meta(obj: KObject, timestamp: number) {
  return {
    name: obj.metadata.name,
    ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
    creationTimestamp: rfc3339(timestamp),
    ...(obj.metadata.labels ? { labels: obj.metadata.labels } : {}),
  };
}

export function podMetricsOf(pod: KObject, u: PodUsage): KObject {
  return {
    kind: 'PodMetrics', apiVersion: API_VERSION, metadata: meta(pod, u.timestamp),
    timestamp: rfc3339(u.timestamp), window: windowString(u.windowMs),
    containers: u.containers.map((c) => ({ name: c.name, usage: { cpu: cpuQuantity(c.cpuNanoCores), memory: memoryQuantity(c.memoryBytes) } })),
  } as KObject;
}

export function nodeMetricsOf(node: KObject, u: NodeUsage): KObject {
  return {
    kind: 'NodeMetrics', apiVersion: API_VERSION, metadata: meta(node, u.timestamp),
    timestamp: rfc3339(u.timestamp), window: windowString(u.windowMs),
    usage: { cpu: cpuQuantity(u.cpuNanoCores), memory: memoryQuantity(u.memoryBytes) },
  } as KObject;
}

/** GET of a PodMetrics/NodeMetrics or a list of them: the objects to reply with. */
export function metricsResponse(registry: Registry, r: ResourceRequest, q: URLSearchParams, snapshot: UsageSnapshot): KObject | { kind: string; apiVersion: string; metadata: object; items: KObject[] } {
  const pods = r.info.kind === 'PodMetrics';
  const underlying = resourceByKind('v1', pods ? 'Pod' : 'Node')!;
  const ns = pods ? r.namespace : undefined;
  const byUid = new Map(snapshot.pods.map((p) => [p.uid, p]));
  const metricsOf = (o: KObject): KObject | undefined => {
    if (pods) {
      const u = byUid.get(o.metadata.uid!);
      return u ? podMetricsOf(o, u) : undefined;
    }
    return snapshot.node ? nodeMetricsOf(o, snapshot.node) : undefined;
  };
  if (r.name) {
    const obj = registry.tryGet(underlying, ns, r.name);
    const m = obj && metricsOf(obj);
    // metrics-server's words: podmetrics.metrics.k8s.io "default/web" not found, nodemetrics.metrics.k8s.io "kbx" not found.
    if (!m) throw errors.notFound({ plural: pods ? 'podmetrics' : 'nodemetrics', group: 'metrics.k8s.io' }, pods ? `${ns}/${r.name}` : r.name);
    return m;
  }
  const list = registry.list(underlying, ns, { labelSelector: q.get('labelSelector') ?? undefined, fieldSelector: q.get('fieldSelector') ?? undefined });
  const items = list.items.map(metricsOf).filter((m): m is KObject => !!m);
  return { kind: `${r.info.kind}List`, apiVersion: API_VERSION, metadata: {}, items };
}
