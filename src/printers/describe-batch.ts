// `kubectl describe job|cronjob` (kubectl v1.35 pkg/describe/describe.go: JobDescriber describeJob,
// CronJobDescriber describeCronJob, describeJobTemplate, printActiveJobs, capIndexesListOrNone).
import type { EventObject, KObject } from '../api/types.js';
import { labelSelectorFromSpec, selectorToString } from '../api/selectors.js';
import { PrefixWriter, printAnnotationsMultiline, printLabelsMultiline, rfc1123z, writeEvents, type DescribeContext } from './describe.js';
import { writePodTemplate } from './describe-apps.js';
import { humanDuration, parseTime } from './duration.js';

type Obj = Record<string, any>;

function selectorLine(sel: unknown): string {
  try {
    return selectorToString(labelSelectorFromSpec(sel as never));
  } catch (e) {
    return `Failed to get selector: ${(e as Error).message}`;
  }
}

/** capIndexesListOrNone: the list cut after the first comma past `softLimit` characters. */
export function capIndexesListOrNone(indexes: string | undefined, softLimit: number): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  for (; ix < indexes.length; ix++) if (indexes[ix] === ',') break;
  if (ix >= indexes.length) return indexes;
  return `${indexes.slice(0, ix + 1)}...`;
}

export function describeJob(job: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const m = job.metadata;
  const spec = (job.spec ?? {}) as Obj;
  const st = (job.status ?? {}) as Obj;
  w.write(0, `Name:\t${m.name ?? ''}\n`);
  w.write(0, `Namespace:\t${m.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${selectorLine(spec.selector)}\n`);
  printLabelsMultiline(w, 'Labels', m.labels);
  printAnnotationsMultiline(w, 'Annotations', m.annotations);
  const controller = (m.ownerReferences ?? []).find((o) => o.controller === true);
  if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
  if (spec.parallelism !== undefined) w.write(0, `Parallelism:\t${spec.parallelism}\n`);
  w.write(0, `Completions:\t${spec.completions ?? '<unset>'}\n`);
  if (spec.completionMode !== undefined) w.write(0, `Completion Mode:\t${spec.completionMode}\n`);
  if (spec.suspend !== undefined) w.write(0, `Suspend:\t${spec.suspend}\n`);
  if (spec.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${spec.backoffLimit}\n`);
  if (spec.ttlSecondsAfterFinished !== undefined) w.write(0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime, ctx)}\n`);
  if (st.completionTime) w.write(0, `Completed At:\t${rfc1123z(st.completionTime, ctx)}\n`);
  const start = parseTime(st.startTime);
  const end = parseTime(st.completionTime);
  if (start !== undefined && end !== undefined) w.write(0, `Duration:\t${humanDuration(end - start)}\n`);
  if (spec.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  if (st.ready === undefined) w.write(0, `Pods Statuses:\t${st.active ?? 0} Active / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
  else w.write(0, `Pods Statuses:\t${st.active ?? 0} Active (${st.ready} Ready) / ${st.succeeded ?? 0} Succeeded / ${st.failed ?? 0} Failed\n`);
  if (spec.completionMode === 'Indexed') {
    w.write(0, `Completed Indexes:\t${capIndexesListOrNone(st.completedIndexes, 50)}\n`);
    if (spec.backoffLimitPerIndex !== undefined) w.write(0, `Failed Indexes:\t${capIndexesListOrNone(st.failedIndexes, 50)}\n`);
  }
  writePodTemplate(w, spec.template);
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}

const boolPtr = (v: unknown) => (v === undefined || v === null ? '<unset>' : v ? 'True' : 'False');

export function describeCronJob(cj: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const m = cj.metadata;
  const spec = (cj.spec ?? {}) as Obj;
  const st = (cj.status ?? {}) as Obj;
  w.write(0, `Name:\t${m.name ?? ''}\n`);
  w.write(0, `Namespace:\t${m.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', m.labels);
  printAnnotationsMultiline(w, 'Annotations', m.annotations);
  w.write(0, `Schedule:\t${spec.schedule ?? ''}\n`);
  w.write(0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
  w.write(0, `Suspend:\t${boolPtr(spec.suspend)}\n`);
  w.write(0, `Successful Job History Limit:\t${spec.successfulJobsHistoryLimit ?? '<unset>'}\n`);
  w.write(0, `Failed Job History Limit:\t${spec.failedJobsHistoryLimit ?? '<unset>'}\n`);
  w.write(0, `Starting Deadline Seconds:\t${spec.startingDeadlineSeconds !== undefined ? `${spec.startingDeadlineSeconds}s` : '<unset>'}\n`);
  const js = (spec.jobTemplate?.spec ?? {}) as Obj;
  w.write(0, `Selector:\t${js.selector ? selectorLine(js.selector) : '<unset>'}\n`);
  w.write(0, `Parallelism:\t${js.parallelism ?? '<unset>'}\n`);
  w.write(0, `Completions:\t${js.completions ?? '<unset>'}\n`);
  if (js.activeDeadlineSeconds !== undefined) w.write(0, `Active Deadline Seconds:\t${js.activeDeadlineSeconds}s\n`);
  writePodTemplate(w, js.template);
  w.write(0, `Last Schedule Time:\t${st.lastScheduleTime ? rfc1123z(st.lastScheduleTime, ctx) : '<unset>'}\n`);
  const active = (st.active ?? []) as { name: string }[];
  w.write(0, 'Active Jobs:\t');
  if (!active.length) w.writeLine('<none>');
  else {
    active.forEach((j, i) => {
      if (i) w.write(0, ', ');
      w.write(0, j.name);
    });
    w.writeLine('');
  }
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}
