// The kubelet's resource-metrics collection: every period, one stats reading of each running pod container
// (the infrastructure container is not a pod container, as the pause container is not), paired with the
// previous round's reading into a usage snapshot. Requests for metrics read the last snapshot: serving
// metrics never reads Docker. Each reading carries the runtime's own timestamp, so rates do not depend on
// when the round ran; tests drive rounds with collect() and a FakeRuntime on a fake clock.
import { LABELS, type ContainerRuntime, type ContainerStats } from '../../runtime/runtime.js';
import { snapshotOf, type Reading, type UsageSnapshot } from './usage.js';

export interface CollectorOptions {
  runtime: ContainerRuntime;
  clusterId: string;
  /** Time between collection rounds (metrics-server's --metric-resolution, 15 s by default). */
  periodMs: number;
  log?: (m: string) => void;
}

/** KBX_METRIC_RESOLUTION (seconds, like metrics-server's --metric-resolution), 15 s when unset or invalid. */
export function metricResolutionMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.KBX_METRIC_RESOLUTION);
  return Number.isFinite(s) && s > 0 ? s * 1000 : 15_000;
}

const STATS_CONCURRENCY = 8;

export class ResourceMetricsCollector {
  private previous = new Map<string, ContainerStats>();
  private last: UsageSnapshot = { pods: [] };
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly o: CollectorOptions) {}

  start(): void {
    const round = () => {
      if (this.stopped) return;
      void this.collect()
        .catch((e) => this.o.log?.(`metrics: collection failed: ${(e as Error).message}`))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(round, this.o.periodMs).unref();
        });
    };
    round();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** The latest usage of every pod with a complete window. */
  snapshot(): UsageSnapshot {
    return this.last;
  }

  /** One round: list the pod containers once, read each one's stats once. */
  async collect(): Promise<void> {
    const containers = await this.o.runtime.listContainers({ [LABELS.cluster]: this.o.clusterId });
    const podContainers = containers.filter(
      (c) => c.state === 'running' && (c.labels[LABELS.role] === 'app' || c.labels[LABELS.role] === 'init') && c.labels[LABELS.podUid],
    );
    const readings: Reading[] = [];
    // A few readings at a time: Docker answers each in ~250 ms, and a hundred at once would crowd the engine.
    let next = 0;
    const worker = async () => {
      while (next < podContainers.length) {
        const c = podContainers[next++]!;
        const stats = await this.o.runtime.stats(c.id).catch(() => null);
        if (!stats) continue;
        readings.push({
          id: c.id,
          namespace: c.labels[LABELS.namespace] ?? '',
          pod: c.labels[LABELS.pod] ?? '',
          podUid: c.labels[LABELS.podUid]!,
          container: c.labels[LABELS.container] ?? '',
          stats,
        });
      }
    };
    await Promise.all(Array.from({ length: Math.min(STATS_CONCURRENCY, podContainers.length) }, worker));
    this.last = snapshotOf(readings, this.previous);
    this.previous = new Map(readings.map((r) => [r.id, r.stats]));
  }
}
