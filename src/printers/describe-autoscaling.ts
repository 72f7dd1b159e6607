// kubectl describe hpa (describe.go describeHorizontalPodAutoscalerV2).
import type { EventObject, KObject } from '../api/types.js';
import type { HPA, ScalingRules } from '../api/autoscaling.js';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, rfc1123z, writeEvents, type DescribeContext } from './describe.js';

function printDirectionBehavior(w: PrefixWriter, title: string, rules: ScalingRules | undefined): void {
  if (!rules) return;
  w.write(1, `${title}:\n`);
  if (rules.stabilizationWindowSeconds !== undefined) w.write(2, `Stabilization Window: ${rules.stabilizationWindowSeconds} seconds\n`);
  if (rules.policies?.length) {
    w.write(2, `Select Policy: ${rules.selectPolicy ?? 'Max'}\n`);
    w.write(2, 'Policies:\n');
    for (const p of rules.policies) w.write(3, `- Type: ${p.type}\tValue: ${p.value}\tPeriod: ${p.periodSeconds} seconds\n`);
  }
}

export function describeHPA(obj: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const h = obj as unknown as HPA;
  const spec = h.spec;
  const st = h.status ?? {};
  const cur = st.currentMetrics ?? [];
  const w = new PrefixWriter();
  w.write(0, `Name:\t${h.metadata.name}\n`);
  w.write(0, `Namespace:\t${h.metadata.namespace}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(h.metadata.creationTimestamp, ctx)}\n`);
  w.write(0, `Reference:\t${spec.scaleTargetRef.kind}/${spec.scaleTargetRef.name}\n`);
  w.write(0, 'Metrics:\t( current / target )\n');
  (spec.metrics ?? []).forEach((m, i) => {
    const s = cur[i];
    switch (m.type) {
      case 'Resource':
      case 'ContainerResource': {
        const src = (m.type === 'Resource' ? m.resource : m.containerResource)!;
        const c = m.type === 'Resource' ? s?.resource?.current : s?.containerResource?.current;
        w.write(1, m.type === 'Resource' ? `resource ${src.name} on pods` : `resource ${src.name} of container "${m.containerResource!.container}" on pods`);
        if (src.target.averageValue !== undefined) {
          w.write(0, `:\t${c?.averageValue ?? '<unknown>'} / ${src.target.averageValue}\n`);
        } else {
          const current = c?.averageUtilization !== undefined ? `${c.averageUtilization}% (${c.averageValue ?? '0'})` : '<unknown>';
          const target = src.target.averageUtilization !== undefined ? `${src.target.averageUtilization}%` : '<auto>';
          w.write(1, `(as a percentage of request):\t${current} / ${target}\n`);
        }
        break;
      }
      case 'Pods':
        w.write(1, `"${m.pods!.metric.name}" on pods:\t${s?.pods?.current?.averageValue ?? '<unknown>'} / ${m.pods!.target.averageValue}\n`);
        break;
      case 'Object': {
        const o = m.object!;
        w.write(1, `"${o.metric.name}" on ${o.describedObject.kind}/${o.describedObject.name} `);
        if (o.target.type === 'AverageValue') w.write(0, `(target average value):\t${s?.object?.current?.averageValue ?? '<unknown>'} / ${o.target.averageValue}\n`);
        else w.write(0, `(target value):\t${s?.object?.current?.value ?? '<unknown>'} / ${o.target.value}\n`);
        break;
      }
      case 'External': {
        const e = m.external!;
        if (e.target.type === 'AverageValue') w.write(1, `"${e.metric.name}" (target average value):\t${s?.external?.current?.averageValue ?? '<unknown>'} / ${e.target.averageValue}\n`);
        else w.write(1, `"${e.metric.name}" (target value):\t${s?.external?.current?.value ?? '<unknown>'} / ${e.target.value}\n`);
        break;
      }
      default:
        w.write(1, `<unknown metric type "${(m as { type: string }).type}">\n`);
    }
  });
  w.write(0, `Min replicas:\t${spec.minReplicas ?? '<unset>'}\n`);
  w.write(0, `Max replicas:\t${spec.maxReplicas}\n`);
  if (spec.behavior) {
    w.write(0, 'Behavior:\n');
    printDirectionBehavior(w, 'Scale Up', spec.behavior.scaleUp);
    printDirectionBehavior(w, 'Scale Down', spec.behavior.scaleDown);
  }
  w.write(0, `${spec.scaleTargetRef.kind} pods:\t`);
  w.write(0, `${st.currentReplicas ?? 0} current / ${st.desiredReplicas ?? 0} desired\n`);
  if (st.conditions?.length) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tReason\tMessage\n');
    w.write(1, '----\t------\t------\t-------\n');
    for (const c of st.conditions) w.write(1, `${c.type}\t${c.status}\t${c.reason ?? ''}\t${c.message ?? ''}\n`);
  }
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}
