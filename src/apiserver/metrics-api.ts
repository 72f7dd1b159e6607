// metrics.k8s.io/v1beta1 as metrics-server serves it: PodMetrics and NodeMetrics built from the kubelet's
// last usage snapshot, joined with the stored Pods and Nodes (their labels select, their names answer).
// Read-only: get and list, with label and field selectors on the underlying objects.
import type { KObject } from '../api/types.js';
import { resourceByKind } from '../api/registry.js';
import * as errors from '../api/errors.js';
import type { Registry } from '../registry/registry.js';
import type { UsageSnapshot } from '../kubelet/metrics/usage.js';
import { METRICS_API_VERSION, nodeMetricsOf, podMetricsOf } from '../kubelet/metrics/pod-metrics.js';
import type { ResourceRequest } from './routes.js';

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
  return { kind: `${r.info.kind}List`, apiVersion: METRICS_API_VERSION, metadata: {}, items };
}
