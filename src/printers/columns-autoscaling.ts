// HorizontalPodAutoscaler's server-side Table (printers.go printHorizontalPodAutoscaler and
// formatHPAMetrics): NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE, TARGETS like `cpu: 12%/50%`.
import type { KObject, TableColumnDefinition } from '../api/types.js';
import type { HPA, MetricSpec, MetricStatus } from '../api/autoscaling.js';
import { age, ageCol, col, nameCol, type PrintedRow } from './columns.js';

const DOC = {
  REF: 'scaleTargetRef points to the target resource to scale, and is used to the pods for which metrics should be collected, as well as to actually change the replica count.',
  METRICS:
    'metrics contains the specifications for which to use to calculate the desired replica count (the maximum replica count across all metrics will be used).  The desired replica count is calculated multiplying the ratio between the target value and the current value by the current number of pods.  Ergo, metrics used must decrease as the pod count is increased, and vice-versa.  See the individual metric source types for more information about how each type of metric must respond. If not set, the default metric will be set to 80% average CPU utilization.',
  MIN: 'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.  It defaults to 1 pod.  minReplicas is allowed to be 0 if the alpha feature gate HPAScaleToZero is enabled and at least one Object or External metric is configured.  Scaling is active as long as at least one metric value is available.',
  MAX: 'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up. It cannot be less that minReplicas.',
  CURRENT: 'currentReplicas is current number of replicas of pods managed by this autoscaler, as last seen by the autoscaler.',
};

export const HPA_COLUMNS: TableColumnDefinition[] = [
  nameCol(),
  col('Reference', 'string', DOC.REF),
  col('Targets', 'string', DOC.METRICS),
  col('MinPods', 'string', DOC.MIN),
  col('MaxPods', 'integer', DOC.MAX),
  col('Replicas', 'integer', DOC.CURRENT),
  ageCol(),
];

const pct = (n: number | undefined) => (n === undefined ? undefined : `${n}%`);

/** One metric as TARGETS shows it: `cpu: 12%/50%`, `memory: 5Mi/100Mi`, `100/200 (avg)`. */
function formatOne(spec: MetricSpec, status: MetricStatus | undefined): string {
  const unknown = '<unknown>';
  switch (spec.type) {
    case 'Resource':
    case 'ContainerResource': {
      const src = spec.type === 'Resource' ? spec.resource : spec.containerResource;
      const cur = spec.type === 'Resource' ? status?.resource?.current : status?.containerResource?.current;
      if (!src) return '<unknown type>';
      if (src.target?.averageValue !== undefined) return `${src.name}: ${cur?.averageValue ?? unknown}/${src.target.averageValue}`;
      return `${src.name}: ${pct(cur?.averageUtilization) ?? unknown}/${pct(src.target?.averageUtilization) ?? '<auto>'}`;
    }
    case 'Pods':
      return `${status?.pods?.current?.averageValue ?? unknown}/${spec.pods?.target?.averageValue}`;
    case 'Object':
    case 'External': {
      const target = spec.type === 'Object' ? spec.object?.target : spec.external?.target;
      const cur = spec.type === 'Object' ? status?.object?.current : status?.external?.current;
      if (target?.averageValue !== undefined) return `${cur?.averageValue ?? unknown}/${target.averageValue} (avg)`;
      return `${cur?.value ?? unknown}/${target?.value}`;
    }
    default:
      return '<unknown type>';
  }
}

/** formatHPAMetrics: the first two metrics, then `+ N more...`. */
export function formatHPAMetrics(specs: MetricSpec[] | undefined, statuses: MetricStatus[] | null | undefined): string {
  if (!specs?.length) return '<none>';
  const list = specs.map((s, i) => formatOne(s, statuses?.[i]));
  const max = 2;
  if (list.length > max) return `${list.slice(0, max).join(', ')} + ${list.length - max} more...`;
  return list.join(', ');
}

export function printHPA(obj: KObject, now: number): PrintedRow {
  const h = obj as unknown as HPA;
  const ref = h.spec?.scaleTargetRef ?? ({} as HPA['spec']['scaleTargetRef']);
  return {
    cells: [
      h.metadata.name,
      `${ref.kind}/${ref.name}`,
      formatHPAMetrics(h.spec?.metrics, h.status?.currentMetrics),
      h.spec?.minReplicas !== undefined ? String(h.spec.minReplicas) : '<unset>',
      h.spec?.maxReplicas ?? 0,
      h.status?.currentReplicas ?? 0,
      age(obj, now),
    ],
  };
}
