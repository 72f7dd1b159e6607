// kbx autoscale (-f FILE | TYPE NAME | TYPE/NAME) [--min=N] --max=N [--cpu=CPU] [--memory=MEMORY]:
// kubectl's autoscale.go — an autoscaling/v2 HorizontalPodAutoscaler named after its target (or --name),
// targeting `--cpu`/`--memory` as a utilization (`50%`) or an average value (`500m`, `200Mi`; a bare
// number is milliCPU or mebibytes), `--cpu-percent` kept as kubectl keeps it (deprecated).
import type { KObject } from '../../api/types.js';
import { parseQuantity, quantityToString, tryParseQuantity } from '../../api/quantity.js';
import { resourceByKind } from '../../api/registry.js';
import type { Ctx } from '../context.js';
import { CliError } from '../errors.js';
import { formatObjects, parseOutput } from '../output/print.js';
import { LAST_APPLIED, lastAppliedOf } from '../objects.js';
import { dryRunMode } from './apply.js';
import { NO_RESOURCES_ERROR, objectName, resolveTargets } from '../targets.js';
import { intFlag } from '../flag-values.js';
import type { MetricSpec } from '../../api/autoscaling.js';

interface AutoscaleOptions {
  namespace?: string;
  min?: string;
  max?: string;
  cpuPercent?: string;
  cpu?: string;
  memory?: string;
  name?: string;
  filename?: string[];
  recursive?: boolean;
  output?: string;
  dryRun?: string;
  saveConfig?: boolean;
  fieldManager?: string;
}

/** The kinds with a scale subresource kubectl autoscales. */
const AUTOSCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

/**
 * One resource target: `70%` → Utilization 70; `500m`/`1Gi` → AverageValue; a bare number gets the default
 * unit (`500` → `500m` of CPU, `200` → `200Mi` of memory).
 */
export function resourceMetric(resource: 'cpu' | 'memory', value: string): MetricSpec {
  const pct = /^(.*)%$/.exec(value);
  if (pct) {
    const n = Number(pct[1]);
    if (!/^-?\d+$/.test(pct[1]!) || n < 0) throw new CliError(`invalid percentage value: ${pct[1]}`);
    return { type: 'Resource', resource: { name: resource, target: { type: 'Utilization', averageUtilization: n } } };
  }
  const text = /^\d+$/.test(value) ? `${value}${resource === 'cpu' ? 'm' : 'Mi'}` : value;
  const q = tryParseQuantity(text);
  if (!q) throw new CliError(`invalid resource ${resource} value: ${value}`);
  return { type: 'Resource', resource: { name: resource, target: { type: 'AverageValue', averageValue: quantityToString(parseQuantity(text)) } } };
}

/** The HPA `kubectl autoscale` creates for a target. */
export function autoscalerFor(target: KObject, o: { name?: string; min: number; max: number; cpuPercent: number; cpu?: string; memory?: string }): KObject {
  const metrics: MetricSpec[] = [];
  if (o.cpu) metrics.push(resourceMetric('cpu', o.cpu));
  else if (o.cpuPercent >= 0) metrics.push({ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: o.cpuPercent } } });
  if (o.memory) metrics.push(resourceMetric('memory', o.memory));
  return {
    kind: 'HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
    metadata: { name: o.name || target.metadata.name },
    spec: {
      scaleTargetRef: { kind: target.kind, name: target.metadata.name, apiVersion: target.apiVersion },
      ...(o.min >= 0 ? { minReplicas: o.min } : {}),
      maxReplicas: o.max,
      ...(metrics.length ? { metrics } : {}),
    },
    status: { desiredReplicas: 0, currentMetrics: null },
  } as KObject;
}

export async function run(ctx: Ctx, args: string[], o: AutoscaleOptions): Promise<void> {
  if (o.max === undefined) throw new CliError('required flag(s) "max" not set');
  const max = intFlag(o.max, '--max', 'kbx autoscale', 32)!;
  const min = intFlag(o.min ?? '-1', '--min', 'kbx autoscale', 32)!;
  const cpuPercent = intFlag(o.cpuPercent ?? '-1', '--cpu-percent', 'kbx autoscale', 32)!;
  if (o.cpuPercent !== undefined && o.cpuPercent !== '-1') ctx.err("Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).");
  if (max < 1) throw new CliError(`--max=MAXPODS is required and must be at least 1, max: ${max}`);
  if (max < min) throw new CliError(`--max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}`);
  const dry = dryRunMode(o.dryRun);
  const fmt = o.output ? parseOutput(o.output) : undefined;
  if (!args.length && !o.filename?.length) throw new CliError(NO_RESOURCES_ERROR);
  // Bad --cpu/--memory values are refused before anything is read.
  if (o.cpu) resourceMetric('cpu', o.cpu);
  if (o.memory) resourceMetric('memory', o.memory);

  const client = await ctx.client();
  const namespace = await ctx.namespace(o);
  const { targets, errors } = await resolveTargets(client, args, { namespace, filenames: o.filename, recursive: o.recursive, allowEmptySelector: false });
  const hpas = resourceByKind('autoscaling/v2', 'HorizontalPodAutoscaler')!;
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  for (const t of targets) {
    if (!AUTOSCALABLE.has(t.info.kind) || !t.info.subresources.includes('scale')) {
      const gvr = `${t.info.group}/${t.info.version}, Resource=${t.info.plural}`;
      throw new CliError(`cannot autoscale a ${t.info.kind}: could not find scale subresource for ${gvr} in discovery information`);
    }
    let hpa = autoscalerFor(t.object, { name: o.name, min, max, cpuPercent, cpu: o.cpu, memory: o.memory });
    if (o.saveConfig) hpa = { ...hpa, metadata: { ...hpa.metadata, annotations: { [LAST_APPLIED]: lastAppliedOf(hpa, undefined) } } };
    let shown = hpa;
    if (dry !== 'client') {
      shown = await client.create(hpas, t.namespace ?? namespace, hpa, { fieldManager: o.fieldManager ?? 'kubectl-autoscale', ...(dry === 'server' ? { dryRun: 'All' } : {}) });
    }
    if (fmt) ctx.stdout.write(formatObjects([shown], fmt, true));
    else ctx.out(`${objectName(hpas, hpa.metadata.name!)} created${suffix}`);
  }
  if (errors.length) throw errors[0];
}
