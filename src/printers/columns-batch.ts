// Server-side table columns of Jobs and CronJobs (kubernetes pkg/printers/internalversion/printers.go
// jobColumnDefinitions/printJob, cronJobColumnDefinitions/printCronJob, v1.35).
import type { KObject, TableColumnDefinition } from '../api/types.js';
import { formatLabelSelector } from '../api/selectors.js';
import { humanDuration, parseTime, translateTimestampSince } from './duration.js';
import { layoutContainerCells, type PrintedRow } from './columns.js';

const NAME_DOC =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';
const CREATION_DOC =
  'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata';
const JOB_SELECTOR_DOC =
  'A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors';

const col = (name: string, type: TableColumnDefinition['type'], description: string, priority = 0, format = ''): TableColumnDefinition => ({ name, type, format, description, priority });

export const JOB_COLUMNS: TableColumnDefinition[] = [
  col('Name', 'string', NAME_DOC, 0, 'name'),
  col('Status', 'string', 'Status of the job.'),
  col('Completions', 'string', 'The number of pods which reached phase Succeeded. The value increases monotonically for a given spec. However, it may decrease in reaction to scale down of elastic indexed jobs.'),
  col('Duration', 'string', 'Time required to complete the job.'),
  col('Age', 'string', CREATION_DOC),
  col('Containers', 'string', 'Names of each container in the template.', 1),
  col('Images', 'string', 'Images referenced by each container in the template.', 1),
  col('Selector', 'string', JOB_SELECTOR_DOC, 1),
];

export const CRONJOB_COLUMNS: TableColumnDefinition[] = [
  col('Name', 'string', NAME_DOC, 0, 'name'),
  col('Schedule', 'string', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
  col(
    'Timezone',
    'string',
    'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones',
  ),
  col('Suspend', 'boolean', 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.'),
  col('Active', 'integer', 'A list of pointers to currently running jobs.'),
  col('Last Schedule', 'string', 'Information when was the last time the job was successfully scheduled.'),
  col('Age', 'string', CREATION_DOC),
  col('Containers', 'string', 'Names of each container in the template.', 1),
  col('Images', 'string', 'Images referenced by each container in the template.', 1),
  col('Selector', 'string', JOB_SELECTOR_DOC, 1),
];

const hasCondition = (obj: KObject, type: string) => ((obj.status?.conditions ?? []) as { type: string; status: string }[]).some((c) => c.type === type && c.status === 'True');

/** printJob's STATUS: Complete, Failed, Terminating, Suspended, FailureTarget, SuccessCriteriaMet, Running. */
export function jobStatusText(obj: KObject): string {
  if (hasCondition(obj, 'Complete')) return 'Complete';
  if (hasCondition(obj, 'Failed')) return 'Failed';
  if (obj.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(obj, 'Suspended')) return 'Suspended';
  if (hasCondition(obj, 'FailureTarget')) return 'FailureTarget';
  if (hasCondition(obj, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

export function printJob(obj: KObject, now: number): PrintedRow {
  const spec = (obj.spec ?? {}) as { completions?: number | null; parallelism?: number; selector?: unknown; template?: { spec?: { containers?: [] } } };
  const st = (obj.status ?? {}) as { succeeded?: number; startTime?: string; completionTime?: string };
  const succeeded = st.succeeded ?? 0;
  let completions: string;
  if (spec.completions !== undefined && spec.completions !== null) completions = `${succeeded}/${spec.completions}`;
  else completions = (spec.parallelism ?? 0) > 1 ? `${succeeded}/1 of ${spec.parallelism}` : `${succeeded}/1`;
  const start = parseTime(st.startTime);
  const end = parseTime(st.completionTime);
  const duration = start === undefined ? '' : humanDuration((end ?? now) - start);
  const [names, images] = layoutContainerCells(spec.template?.spec?.containers);
  return {
    cells: [
      obj.metadata.name ?? '',
      jobStatusText(obj),
      completions,
      duration,
      translateTimestampSince(obj.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(spec.selector as never),
    ],
  };
}

/** printBoolPtr. */
const boolPtr = (v: unknown) => (v === undefined || v === null ? '<unset>' : v ? 'True' : 'False');

export function printCronJob(obj: KObject, now: number): PrintedRow {
  const spec = (obj.spec ?? {}) as { schedule?: string; timeZone?: string; suspend?: boolean; jobTemplate?: { spec?: { selector?: unknown; template?: { spec?: { containers?: [] } } } } };
  const st = (obj.status ?? {}) as { active?: unknown[]; lastScheduleTime?: string };
  const [names, images] = layoutContainerCells(spec.jobTemplate?.spec?.template?.spec?.containers);
  return {
    cells: [
      obj.metadata.name ?? '',
      spec.schedule ?? '',
      spec.timeZone ?? '<none>',
      boolPtr(spec.suspend),
      (st.active ?? []).length,
      st.lastScheduleTime ? translateTimestampSince(st.lastScheduleTime, now) : '<none>',
      translateTimestampSince(obj.metadata.creationTimestamp, now),
      names,
      images,
      formatLabelSelector(spec.jobTemplate?.spec?.selector as never),
    ],
  };
}
