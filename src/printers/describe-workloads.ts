// `kubectl describe daemonset|statefulset` (kubectl v1.35 pkg/describe/describe.go:
// describeDaemonSet, describeStatefulSet, describeVolumeClaimTemplates). The pods they count come
// from the caller (ctx.related.pods: the namespace's pods matching the selector).
import type { EventObject, KObject } from '../api/types.js';
import { labelSelectorFromSpec, selectorToString } from '../api/selectors.js';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, rfc1123z, writeEvents, type DescribeContext } from './describe.js';
import { writePodTemplate, writePodsStatus } from './describe-apps.js';
import { formatLabels } from './columns.js';

type Obj = Record<string, any>;

function selectorLine(sel: unknown): string {
  try {
    return selectorToString(labelSelectorFromSpec(sel as never));
  } catch (e) {
    return `Failed to get selector: ${(e as Error).message}`;
  }
}

function relatedPods(ctx: DescribeContext): KObject[] | string {
  const r = (ctx.related ?? {}) as { pods?: KObject[]; podsError?: string };
  return r.podsError ?? r.pods ?? [];
}

export function describeDaemonSet(ds: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const m = ds.metadata;
  const spec = (ds.spec ?? {}) as Obj;
  const st = (ds.status ?? {}) as Obj;
  w.write(0, `Name:\t${m.name ?? ''}\n`);
  w.write(0, `Namespace:\t${m.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${selectorLine(spec.selector)}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(spec.template?.spec?.nodeSelector)}\n`);
  printLabelsMultiline(w, 'Labels', m.labels);
  printAnnotationsMultiline(w, 'Annotations', m.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${st.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${st.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${st.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${st.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${st.numberMisscheduled ?? 0}\n`);
  writePodsStatus(w, relatedPods(ctx), ds);
  writePodTemplate(w, spec.template);
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}

export function describeStatefulSet(sts: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const m = sts.metadata;
  const spec = (sts.spec ?? {}) as Obj;
  const st = (sts.status ?? {}) as Obj;
  w.write(0, `Name:\t${m.name ?? ''}\n`);
  w.write(0, `Namespace:\t${m.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp, ctx)}\n`);
  w.write(0, `Selector:\t${selectorLine(spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', m.labels);
  printAnnotationsMultiline(w, 'Annotations', m.annotations);
  w.write(0, `Replicas:\t${spec.replicas ?? 1} desired | ${st.replicas ?? 0} total\n`);
  w.write(0, `Update Strategy:\t${spec.updateStrategy?.type ?? ''}\n`);
  const ru = spec.updateStrategy?.rollingUpdate;
  if (ru && ru.partition !== undefined) {
    w.write(1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  writePodsStatus(w, relatedPods(ctx), sts);
  writePodTemplate(w, spec.template);
  const templates = (spec.volumeClaimTemplates ?? []) as Obj[];
  if (!templates.length) w.write(0, 'Volume Claims:\t<none>\n');
  else {
    w.write(0, 'Volume Claims:\n');
    for (const t of templates) {
      w.write(1, `Name:\t${t.metadata?.name ?? ''}\n`);
      w.write(1, `StorageClass:\t${t.spec?.storageClassName ?? ''}\n`);
      printLabelsMultiline(w, '  Labels', t.metadata?.labels);
      printAnnotationsMultiline(w, '  Annotations', t.metadata?.annotations);
      const cap = t.spec?.resources?.requests?.storage;
      w.write(1, `Capacity:\t${cap ?? '<default>'}\n`);
      w.write(1, `Access Modes:\t${(t.spec?.accessModes ?? []).join(', ')}\n`);
    }
  }
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}
