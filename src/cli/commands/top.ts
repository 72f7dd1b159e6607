// kbx top pod|node: resource usage from metrics.k8s.io, laid out as kubectl's top_pod.go / top_node.go and
// metrics_printer.go print it (every cell tab-terminated through kubectl's tabwriter, CPU in millicores,
// memory in mebibytes, node percentages of allocatable or, with --show-capacity, of capacity).
import type { KObject } from '../../api/types.js';
import { resolveResource, resourceByKind } from '../../api/registry.js';
import { parseQuantity, quantityMilliValue } from '../../api/quantity.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { formatGoDuration } from '../duration.js';
import { tabify, REMEMBER_WIDTHS } from '../../compat/tabwriter.js';
import { cpuMillis, formatCpu, formatMemory, memoryBytes } from '../../printers/columns-metrics.js';

type Obj = Record<string, any>;

interface TopOptions {
  namespace?: string;
  allNamespaces?: boolean;
  containers?: boolean;
  selector?: string;
  fieldSelector?: string;
  sortBy?: string;
  headers?: boolean;
  sum?: boolean;
  showCapacity?: boolean;
}

/** The pod's metrics are expected within this long of its creation (top_pod.go metricsCreationDelay). */
const METRICS_CREATION_DELAY_MS = 2 * 60_000;

const tab = (text: string) => tabify(text, 6, 4, 3, REMEMBER_WIDTHS);
const line = (cells: string[]) => cells.map((c) => `${c}\t`).join('') + '\n';

interface Usage {
  cpu: bigint;
  memory: bigint;
}

function usageOf(u: Obj | undefined): Usage {
  return { cpu: cpuMillis(u?.cpu), memory: memoryBytes(u?.memory) };
}

function sumContainers(pm: Obj): Usage {
  const t = { cpu: 0n, memory: 0n };
  for (const c of (pm.containers ?? []) as Obj[]) {
    const u = usageOf(c.usage);
    t.cpu += u.cpu;
    t.memory += u.memory;
  }
  return t;
}

function checkSortBy(sortBy: string | undefined): void {
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory') throw new CliError(`--sort-by accepts only cpu or memory`);
}

/** PodMetricsSorter / ContainerMetricsSorter: by usage descending, else by namespace then name. */
function byUsage<T>(sortBy: string | undefined, usage: (x: T) => Usage, name: (x: T) => string): (a: T, b: T) => number {
  return (a, b) => {
    if (sortBy === 'cpu' || sortBy === 'memory') {
      const ua = usage(a)[sortBy];
      const ub = usage(b)[sortBy];
      if (ua !== ub) return ua > ub ? -1 : 1;
      return 0;
    }
    const na = name(a);
    const nb = name(b);
    return na < nb ? -1 : na > nb ? 1 : 0;
  };
}

/** PrintPodMetrics: the table of `kubectl top pod` for these PodMetrics. */
export function formatPodMetrics(metrics: Obj[], o: { containers?: boolean; allNamespaces?: boolean; headers?: boolean; sortBy?: string; sum?: boolean }): string {
  if (!metrics.length) return '';
  let text = '';
  const head: string[] = [];
  if (o.allNamespaces) head.push('NAMESPACE');
  if (o.containers) head.push('POD');
  head.push('NAME', 'CPU(cores)', 'MEMORY(bytes)');
  if (o.headers !== false) text += line(head);
  const sorted = [...metrics].sort(byUsage<Obj>(o.sortBy, sumContainers, (m) => (o.allNamespaces ? `${m.metadata.namespace}\u0000` : '') + m.metadata.name));
  const total = { cpu: 0n, memory: 0n };
  for (const m of sorted) {
    const prefix = o.allNamespaces ? [m.metadata.namespace as string] : [];
    if (o.containers) {
      const containers = [...((m.containers ?? []) as Obj[])].sort(byUsage<Obj>(o.sortBy, (c) => usageOf(c.usage), (c) => c.name));
      for (const c of containers) {
        const u = usageOf(c.usage);
        text += line([...prefix, m.metadata.name, c.name, formatCpu(u.cpu), formatMemory(u.memory)]);
      }
    } else {
      const u = sumContainers(m);
      text += line([...prefix, m.metadata.name, formatCpu(u.cpu), formatMemory(u.memory)]);
    }
    const u = sumContainers(m);
    total.cpu += u.cpu;
    total.memory += u.memory;
  }
  if (o.sum) {
    const blanks = Array<string>(head.length - 2).fill('');
    text += line([...blanks, '________', '________']);
    text += line([...blanks, formatCpu(total.cpu), formatMemory(total.memory)]);
  }
  return tab(text);
}

/** PrintNodeMetrics: nodes without metrics get `<unknown>` cells, as kubectl prints them. */
export function formatNodeMetrics(nodes: Obj[], metrics: Obj[], o: { headers?: boolean; sortBy?: string; showCapacity?: boolean }): string {
  const byName = new Map(metrics.map((m) => [m.metadata.name as string, m]));
  let text = '';
  if (o.headers !== false) text += line(['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']);
  const withMetrics = nodes.filter((n) => byName.has(n.metadata.name));
  const missing = nodes.filter((n) => !byName.has(n.metadata.name));
  const usage = (n: Obj) => usageOf(byName.get(n.metadata.name)?.usage);
  withMetrics.sort(byUsage<Obj>(o.sortBy, usage, (n) => n.metadata.name));
  for (const n of withMetrics) {
    const u = usage(n);
    const avail = (o.showCapacity ? n.status?.capacity : n.status?.allocatable) ?? {};
    const pct = (used: bigint, q: string | undefined) => {
      if (!q) return '<unknown>';
      const a = quantityMilliValue(parseQuantity(q));
      return a > 0n ? `${Math.trunc((Number(used) / Number(a)) * 100)}%` : '<unknown>';
    };
    text += line([n.metadata.name, formatCpu(u.cpu), pct(u.cpu, avail.cpu), formatMemory(u.memory), pct(u.memory * 1000n, avail.memory)]);
  }
  for (const n of missing) text += line([n.metadata.name, '<unknown>', '<unknown>', '<unknown>', '<unknown>']);
  return tab(text);
}

export async function run(ctx: Ctx, args: string[], o: TopOptions): Promise<void> {
  const [what, ...rest] = args;
  if (!what) throw new CliError('You must specify a type of resource to show (pod, node).\nSee \'kbx top -h\' for help and examples');
  const info = resolveResource(what);
  checkSortBy(o.sortBy);
  if (info?.kind === 'Pod') return topPod(ctx, rest, o);
  if (info?.kind === 'Node') return topNode(ctx, rest, o);
  throw new CliError(`unknown command "${what}" for "kbx top"`);
}

async function topPod(ctx: Ctx, args: string[], o: TopOptions): Promise<void> {
  if (args.length > 1) throw new CliError('only one pod name may be specified');
  const name = args[0];
  if (name && o.selector) throw new CliError('only one of NAME or --selector can be provided');
  const client = await ctx.client();
  const namespace = o.allNamespaces ? undefined : await ctx.namespace(o);
  const pm = resourceByKind('metrics.k8s.io/v1beta1', 'PodMetrics')!;
  const pods = resourceByKind('v1', 'Pod')!;
  const query = { labelSelector: o.selector, fieldSelector: o.fieldSelector };
  const metrics: Obj[] = name
    ? [(await client.request('GET', podPath(pm, namespace!, name))).body as Obj]
    : (await client.list(pm, namespace, query)).items;
  if (!metrics.length) {
    // verifyEmptyMetrics: pods old enough to have metrics name themselves; young ones mean "not yet".
    const list = (await client.list(pods, namespace, query)).items as KObject[];
    if (list.length) {
      const now = Date.now();
      for (const p of list) {
        const age = now - Date.parse(p.metadata.creationTimestamp ?? '');
        if (age > METRICS_CREATION_DELAY_MS) throw new CliError(`Metrics not available for pod ${p.metadata.namespace}/${p.metadata.name}, age: ${formatGoDuration(age)}`);
      }
      throw new CliError('metrics not available yet');
    }
    ctx.err(o.allNamespaces ? 'No resources found' : `No resources found in ${namespace} namespace.`);
    return;
  }
  ctx.stdout.write(formatPodMetrics(metrics, o));
}

function podPath(pm: ReturnType<typeof resourceByKind> & object, ns: string, name: string): string {
  return `/apis/${pm.group}/${pm.version}/namespaces/${encodeURIComponent(ns)}/${pm.plural}/${encodeURIComponent(name)}`;
}

async function topNode(ctx: Ctx, args: string[], o: TopOptions): Promise<void> {
  if (args.length > 1) throw new CliError('only one node name may be specified');
  const name = args[0];
  if (name && o.selector) throw new CliError('only one of NAME or --selector can be provided');
  const client = await ctx.client();
  const nm = resourceByKind('metrics.k8s.io/v1beta1', 'NodeMetrics')!;
  const nodesInfo = resourceByKind('v1', 'Node')!;
  let metrics: Obj[];
  let nodes: Obj[];
  if (name) {
    metrics = [(await client.request('GET', `/apis/${nm.group}/${nm.version}/${nm.plural}/${encodeURIComponent(name)}`)).body as Obj];
    nodes = [(await client.request('GET', `/api/v1/nodes/${encodeURIComponent(name)}`)).body as Obj];
  } else {
    metrics = (await client.list(nm, undefined, { labelSelector: o.selector })).items;
    if (!metrics.length) throw new CliError('metrics not available yet');
    nodes = (await client.list(nodesInfo, undefined, { labelSelector: o.selector })).items;
  }
  ctx.stdout.write(formatNodeMetrics(nodes, metrics, o));
}
