// The metrics.k8s.io/v1beta1 shapes of the kubelet's usage (what metrics-server serves): PodMetrics and
// NodeMetrics, CPU in nanocores and memory in bytes as metrics-server serialises them. Read by the API
// (apiserver/metrics-api.ts) and, in-process, by the HPA controller.
import type { KObject, Pod } from '../../api/types.js';
import { quantityToString } from '../../api/quantity.js';
import { rfc3339 } from '../../util/clock.js';
import type { NodeUsage, PodUsage, UsageSnapshot } from './usage.js';

export const METRICS_API_VERSION = 'metrics.k8s.io/v1beta1';

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
    kind: 'PodMetrics', apiVersion: METRICS_API_VERSION, metadata: meta(pod, u.timestamp),
    timestamp: rfc3339(u.timestamp), window: windowString(u.windowMs),
    containers: u.containers.map((c) => ({ name: c.name, usage: { cpu: cpuQuantity(c.cpuNanoCores), memory: memoryQuantity(c.memoryBytes) } })),
  } as KObject;
}

export function nodeMetricsOf(node: KObject, u: NodeUsage): KObject {
  return {
    kind: 'NodeMetrics', apiVersion: METRICS_API_VERSION, metadata: meta(node, u.timestamp),
    timestamp: rfc3339(u.timestamp), window: windowString(u.windowMs),
    usage: { cpu: cpuQuantity(u.cpuNanoCores), memory: memoryQuantity(u.memoryBytes) },
  } as KObject;
}

/** The PodMetrics of these pods (those with usage), as the HPA's metrics client reads them. */
export function podMetricsFor(snapshot: UsageSnapshot, pods: Pod[]): { name: string; timestamp: number; windowMs: number; containers: { name: string; usage: Record<string, string> }[] }[] {
  const byUid = new Map(snapshot.pods.map((p) => [p.uid, p]));
  const out = [];
  for (const p of pods) {
    const u = byUid.get(p.metadata.uid!);
    if (!u) continue;
    out.push({
      name: p.metadata.name!, timestamp: u.timestamp, windowMs: u.windowMs,
      containers: u.containers.map((c) => ({ name: c.name, usage: { cpu: cpuQuantity(c.cpuNanoCores), memory: memoryQuantity(c.memoryBytes) } })),
    });
  }
  return out;
}
