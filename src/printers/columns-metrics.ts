// Usage as `kubectl top` prints it (top_pod.go / top_node.go printValue: CPU as whole millicores rounded up,
// memory as whole mebibytes rounded down), and the tables of metrics.k8s.io's PodMetrics and NodeMetrics.
import type { KObject, TableColumnDefinition } from '../api/types.js';
import { parseQuantity, quantityMilliValue, quantityValue } from '../api/quantity.js';
import { col, nameCol } from './columns.js';

type Obj = Record<string, any>;

/** Millicores of a CPU quantity, rounded up (Quantity.MilliValue): `150000000n` → 150. */
export function cpuMillis(q: string | undefined): bigint {
  return q ? quantityMilliValue(parseQuantity(q)) : 0n;
}

/** Bytes of a memory quantity (Quantity.Value, rounded up): `2556Ki` → 2617344. */
export function memoryBytes(q: string | undefined): bigint {
  return q ? quantityValue(parseQuantity(q)) : 0n;
}

/** `150m` */
export const formatCpu = (millis: bigint) => `${millis}m`;
/** `5Mi` (whole mebibytes, rounded down) */
export const formatMemory = (bytes: bigint) => `${bytes / (1024n * 1024n)}Mi`;

/** The usage summed over a PodMetrics' containers. */
export function podUsage(pm: Obj): { cpu: bigint; memory: bigint } {
  let cpu = 0n;
  let memory = 0n;
  for (const c of (pm.containers ?? []) as Obj[]) {
    cpu += cpuMillis(c.usage?.cpu);
    memory += memoryBytes(c.usage?.memory);
  }
  return { cpu, memory };
}

const CPU_DOC = 'CPU usage, in millicores';
const MEMORY_DOC = 'Memory usage (working set), in mebibytes';
const WINDOW_DOC = 'The time window the CPU usage was measured over';

export const POD_METRICS_COLUMNS: TableColumnDefinition[] = [nameCol(), col('CPU', 'string', CPU_DOC), col('Memory', 'string', MEMORY_DOC), col('Window', 'string', WINDOW_DOC)];
export const NODE_METRICS_COLUMNS = POD_METRICS_COLUMNS;

export function printPodMetrics(o: KObject) {
  const u = podUsage(o as Obj);
  return { cells: [o.metadata.name, formatCpu(u.cpu), formatMemory(u.memory), (o as Obj).window ?? ''] };
}

export function printNodeMetrics(o: KObject) {
  const usage = (o as Obj).usage ?? {};
  return { cells: [o.metadata.name, formatCpu(cpuMillis(usage.cpu)), formatMemory(memoryBytes(usage.memory)), (o as Obj).window ?? ''] };
}
