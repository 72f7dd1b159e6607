// Resource usage from two readings of a container, as the kubelet's resource metrics endpoint reports it to
// metrics-server: CPU as a rate over the window between the readings, memory as the working set of the latest.
// Pure, so the arithmetic is unit-tested without Docker.
import type { ContainerStats } from '../../runtime/runtime.js';

export interface ContainerUsage {
  name: string;
  /** CPU cores × 10⁹ (metrics-server's nanocores). */
  cpuNanoCores: number;
  memoryBytes: number;
}

export interface PodUsage {
  namespace: string;
  name: string;
  uid: string;
  /** When the latest readings were taken (ms since the epoch). */
  timestamp: number;
  /** The time between the two readings the CPU rate comes from (ms). */
  windowMs: number;
  containers: ContainerUsage[];
}

export interface NodeUsage {
  timestamp: number;
  windowMs: number;
  cpuNanoCores: number;
  memoryBytes: number;
}

export interface UsageSnapshot {
  pods: PodUsage[];
  /** The sum of the pods' usage; absent before the first window is complete. */
  node?: NodeUsage;
}

/**
 * CPU nanocores between two readings of one container: Δ cumulative CPU ns / Δ wall-clock ns × 10⁹.
 * E.g. 1.5 s of CPU over a 10 s window → 150 000 000 n (150m). Undefined when there is no window or the
 * counter went backwards (the container was replaced): that reading starts a new window.
 */
export function cpuRate(prev: ContainerStats | undefined, cur: ContainerStats): number | undefined {
  if (!prev) return undefined;
  const dtMs = cur.timestamp - prev.timestamp;
  const dCpu = cur.cpuUsageNanoSeconds - prev.cpuUsageNanoSeconds;
  if (dtMs <= 0 || dCpu < 0) return undefined;
  return Math.round((dCpu / (dtMs * 1e6)) * 1e9);
}

export interface Reading {
  /** The runtime's container id: readings are paired by it. */
  id: string;
  namespace: string;
  pod: string;
  podUid: string;
  container: string;
  stats: ContainerStats;
}

/**
 * The snapshot one collection round yields: every container with a previous reading gets a usage; a pod
 * appears once at least one of its containers has one (its window is its oldest container's).
 */
export function snapshotOf(readings: Reading[], previous: ReadonlyMap<string, ContainerStats>): UsageSnapshot {
  const pods = new Map<string, PodUsage>();
  for (const r of readings) {
    const rate = cpuRate(previous.get(r.id), r.stats);
    if (rate === undefined) continue;
    const windowMs = r.stats.timestamp - previous.get(r.id)!.timestamp;
    let p = pods.get(r.podUid);
    if (!p) {
      p = { namespace: r.namespace, name: r.pod, uid: r.podUid, timestamp: r.stats.timestamp, windowMs, containers: [] };
      pods.set(r.podUid, p);
    }
    p.timestamp = Math.max(p.timestamp, r.stats.timestamp);
    p.windowMs = Math.max(p.windowMs, windowMs);
    p.containers.push({ name: r.container, cpuNanoCores: rate, memoryBytes: r.stats.memoryWorkingSetBytes });
  }
  const list = [...pods.values()];
  for (const p of list) p.containers.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (!list.length) return { pods: list };
  const node: NodeUsage = { timestamp: 0, windowMs: 0, cpuNanoCores: 0, memoryBytes: 0 };
  for (const p of list) {
    node.timestamp = Math.max(node.timestamp, p.timestamp);
    node.windowMs = Math.max(node.windowMs, p.windowMs);
    for (const c of p.containers) {
      node.cpuNanoCores += c.cpuNanoCores;
      node.memoryBytes += c.memoryBytes;
    }
  }
  return { pods: list, node };
}
