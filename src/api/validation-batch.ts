// batch/v1 Job and CronJob validation with the API server's messages
// (pkg/apis/batch/validation/validation.go: ValidateJob, ValidateGeneratedSelector,
// validateJobSpec, validatePodFailurePolicy, ValidateJobSpecUpdate, ValidateCronJobCreate,
// validateCronJobSpec, validateScheduleFormat, validateTimeZone, ValidateJobTemplateSpec).
// Objects are validated after defaulting (and the generated selector), as the apiserver does.
import type { KObject } from './types.js';
import { type FieldError, child, forbidden, index, invalid, key, notSupported, required, duplicate, OMIT_VALUE } from './field-errors.js';
import { FIELD_IMMUTABLE, validateLabelSelectorSpec, type PodValidationOptions } from './validation.js';
import { selectorBadValue, validatePodTemplate } from './validation-apps.js';
import { labelSelectorFromSpec, matchesLabels } from './selectors.js';
import { CONTROLLER_UID_LABEL, JOB_NAME_LABEL, LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL } from './batch.js';
import { CronParseError, loadLocationError, parseStandard } from '../util/cron.js';
import { semanticEqual } from './semantic.js';

type Obj = Record<string, any>;
const isSet = (v: unknown): boolean => v !== undefined && v !== null;
const IS_NEGATIVE = 'must be greater than or equal to 0';
const MAX_PARALLELISM_INDEXED = 100000;
const MAX_POD_FAILURE_POLICY_RULES = 20;
const MAX_EXIT_CODE_VALUES = 255;

function nonNegative(v: unknown, path: string): FieldError[] {
  return typeof v === 'number' && v < 0 ? [invalid(path, v, IS_NEGATIVE)] : [];
}

/** ValidateHasLabel. */
function hasLabel(labels: Record<string, string> | undefined, path: string, k: string, v: string): FieldError[] {
  const actual = labels?.[k];
  if (actual === undefined) return [required(key(child(path, 'labels'), k), `must be '${v}'`)];
  if (actual !== v) return [invalid(key(child(path, 'labels'), k), actual, `must be '${v}'`)];
  return [];
}

/** ValidateGeneratedSelector: without manualSelector the template carries the generated labels and the selector is the generated one. */
function validateGeneratedSelector(job: KObject): FieldError[] {
  const spec = (job.spec ?? {}) as Obj;
  if (spec.manualSelector === true) return [];
  const errs: FieldError[] = [];
  const labels = spec.template?.metadata?.labels as Record<string, string> | undefined;
  const uid = job.metadata.uid ?? '';
  if (!uid) errs.push(required('metadata.uid'));
  const tp = 'spec.template.metadata';
  errs.push(...hasLabel(labels, tp, LEGACY_CONTROLLER_UID_LABEL, uid));
  errs.push(...hasLabel(labels, tp, LEGACY_JOB_NAME_LABEL, job.metadata.name ?? ''));
  errs.push(...hasLabel(labels, tp, CONTROLLER_UID_LABEL, uid));
  errs.push(...hasLabel(labels, tp, JOB_NAME_LABEL, job.metadata.name ?? ''));
  try {
    if (!matchesLabels(labelSelectorFromSpec(spec.selector ?? null), { [CONTROLLER_UID_LABEL]: uid })) {
      errs.push(invalid('spec.selector', selectorBadValue(spec.selector), '`selector` not auto-generated'));
    }
  } catch {
    /* reported by the selector rules */
  }
  return errs;
}

function validatePodFailurePolicy(spec: Obj, path: string): FieldError[] {
  const pfp = spec.podFailurePolicy as Obj;
  const errs: FieldError[] = [];
  const rulesPath = child(path, 'rules');
  const rules = (pfp.rules ?? []) as Obj[];
  if (rules.length > MAX_POD_FAILURE_POLICY_RULES) errs.push({ type: 'TooMany', field: rulesPath, badValue: rules.length, detail: '' });
  const actions = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
  rules.forEach((r, i) => {
    const p = index(rulesPath, i);
    if (r.action === 'FailIndex' && !isSet(spec.backoffLimitPerIndex)) {
      errs.push(invalid(child(p, 'action'), r.action, 'requires the backoffLimitPerIndex to be set'));
    } else if (!actions.includes(r.action)) errs.push(notSupported(child(p, 'action'), r.action ?? '', actions));
    if (isSet(r.onExitCodes) && isSet(r.onPodConditions)) errs.push(invalid(p, OMIT_VALUE, 'specifying both OnExitCodes and OnPodConditions is not supported'));
    else if (!isSet(r.onExitCodes) && !isSet(r.onPodConditions)) errs.push(invalid(p, OMIT_VALUE, 'specifying one of OnExitCodes and OnPodConditions is required'));
    if (isSet(r.onExitCodes)) {
      const ec = r.onExitCodes as Obj;
      const ep = child(p, 'onExitCodes');
      if (!['In', 'NotIn'].includes(ec.operator)) errs.push(notSupported(child(ep, 'operator'), ec.operator ?? '', ['In', 'NotIn']));
      const values = (ec.values ?? []) as number[];
      const vp = child(ep, 'values');
      if (values.length === 0) errs.push(required(vp, 'at least one value is required'));
      else if (values.length > MAX_EXIT_CODE_VALUES) errs.push({ type: 'TooMany', field: vp, badValue: values.length, detail: '' });
      const seen = new Set<number>();
      values.forEach((v, j) => {
        if (seen.has(v)) errs.push(duplicate(index(vp, j), v));
        if (ec.operator === 'In' && v === 0) errs.push(invalid(index(vp, j), v, 'must not be 0 for the In operator'));
        if (j > 0 && values[j - 1]! > v) errs.push(invalid(index(vp, j), v, 'must be ordered'));
        seen.add(v);
      });
    }
    ((r.onPodConditions ?? []) as Obj[]).forEach((c, j) => {
      const cp = index(child(p, 'onPodConditions'), j);
      if (!['True', 'False', 'Unknown'].includes(c.status)) errs.push(notSupported(child(cp, 'status'), c.status ?? '', ['True', 'False', 'Unknown']));
      if (!c.type) errs.push(required(child(cp, 'type')));
    });
  });
  return errs;
}

/** validateJobSpec: the rules shared by Jobs and CronJob job templates. */
function validateJobSpecCommon(spec: Obj, path: string, opts: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  if (isSet(spec.parallelism)) errs.push(...nonNegative(spec.parallelism, child(path, 'parallelism')));
  if (isSet(spec.completions)) errs.push(...nonNegative(spec.completions, child(path, 'completions')));
  if (isSet(spec.activeDeadlineSeconds)) errs.push(...nonNegative(spec.activeDeadlineSeconds, child(path, 'activeDeadlineSeconds')));
  if (isSet(spec.backoffLimit)) errs.push(...nonNegative(spec.backoffLimit, child(path, 'backoffLimit')));
  if (isSet(spec.ttlSecondsAfterFinished)) errs.push(...nonNegative(spec.ttlSecondsAfterFinished, child(path, 'ttlSecondsAfterFinished')));
  const mode = spec.completionMode;
  if (isSet(mode)) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') errs.push(notSupported(child(path, 'completionMode'), mode, ['NonIndexed', 'Indexed']));
    if (mode === 'Indexed') {
      if (!isSet(spec.completions)) errs.push(required(child(path, 'completions'), 'when completion mode is Indexed'));
      if (isSet(spec.parallelism) && spec.parallelism > MAX_PARALLELISM_INDEXED) {
        errs.push(invalid(child(path, 'parallelism'), spec.parallelism, `must be less than or equal to ${MAX_PARALLELISM_INDEXED} when completion mode is Indexed`));
      }
    }
  }
  // Not implemented by kbx's controller: refused rather than silently ignored.
  for (const f of ['backoffLimitPerIndex', 'maxFailedIndexes', 'successPolicy', 'managedBy']) {
    if (isSet(spec[f])) errs.push(forbidden(child(path, f), 'not supported by kbx'));
  }
  if (isSet(spec.podReplacementPolicy) && !['TerminatingOrFailed', 'Failed'].includes(spec.podReplacementPolicy)) {
    errs.push(notSupported(child(path, 'podReplacementPolicy'), spec.podReplacementPolicy, ['Failed', 'TerminatingOrFailed']));
  }
  if (isSet(spec.podFailurePolicy)) {
    errs.push(...validatePodFailurePolicy(spec, child(path, 'podFailurePolicy')));
    if (spec.podReplacementPolicy === 'TerminatingOrFailed') {
      errs.push(notSupported(child(path, 'podReplacementPolicy'), spec.podReplacementPolicy, ['Failed']));
    }
  }
  const tpl = spec.template as Obj | undefined;
  errs.push(...validatePodTemplate(tpl, child(path, 'template'), opts));
  const rp = tpl?.spec?.restartPolicy ?? '';
  if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(child(path, 'template', 'spec', 'restartPolicy'), rp, ['OnFailure', 'Never']));
  else if (isSet(spec.podFailurePolicy) && rp !== 'Never') {
    errs.push(invalid(child(path, 'template', 'spec', 'restartPolicy'), rp, 'only "Never" is supported when podFailurePolicy is specified'));
  }
  return errs;
}

/** ValidateJobSpec: the common rules, a required valid selector, and a template the selector matches. */
function validateJobSpec(spec: Obj, path: string, opts: PodValidationOptions): FieldError[] {
  const errs = validateJobSpecCommon(spec, path, opts);
  const selPath = child(path, 'selector');
  if (!isSet(spec.selector)) errs.push(required(selPath));
  else errs.push(...validateLabelSelectorSpec(spec.selector, selPath));
  try {
    const sel = labelSelectorFromSpec(spec.selector ?? null);
    const labels = spec.template?.metadata?.labels ?? {};
    if (isSet(spec.selector) && !matchesLabels(sel, labels)) {
      errs.push(invalid(child(path, 'template', 'metadata', 'labels'), spec.template?.metadata?.labels ?? null, '`selector` does not match template `labels`'));
    }
  } catch {
    /* an invalid selector is reported above */
  }
  return errs;
}

/** ValidateJob: the generated selector, then the spec. */
export function validateJob(job: KObject, opts: PodValidationOptions = {}): FieldError[] {
  return [...validateGeneratedSelector(job), ...validateJobSpec(job.spec ?? {}, 'spec', opts)];
}

function immutable(n: unknown, o: unknown, path: string): FieldError[] {
  return semanticEqual(n ?? null, o ?? null) ? [] : [invalid(path, n ?? null, FIELD_IMMUTABLE)];
}

/**
 * ValidateJobSpecUpdate: selector, template, completionMode and podFailurePolicy are immutable;
 * completions too, except for an Indexed job changing completions and parallelism together
 * (elastic Indexed jobs).
 */
export function validateJobUpdate(newObj: KObject, oldObj: KObject): FieldError[] {
  const n = (newObj.spec ?? {}) as Obj;
  const o = (oldObj.spec ?? {}) as Obj;
  const errs: FieldError[] = [];
  errs.push(...immutable(n.selector && selectorBadValue(n.selector), o.selector && selectorBadValue(o.selector), 'spec.selector'));
  const elastic = n.completionMode === 'Indexed' && n.completions === n.parallelism && o.completions === o.parallelism;
  if (!elastic) errs.push(...immutable(n.completions, o.completions, 'spec.completions'));
  errs.push(...immutable(n.completionMode, o.completionMode, 'spec.completionMode'));
  errs.push(...immutable(n.podFailurePolicy, o.podFailurePolicy, 'spec.podFailurePolicy'));
  if (!semanticEqual(n.template ?? null, o.template ?? null)) errs.push(invalid('spec.template', OMIT_VALUE, FIELD_IMMUTABLE));
  return errs;
}

/** validateScheduleFormat (TZ in the schedule is refused; the timeZone field is the way). */
export function validateSchedule(schedule: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  try {
    parseStandard(schedule);
  } catch (e) {
    if (!(e instanceof CronParseError)) throw e;
    errs.push(invalid(path, schedule, e.message));
  }
  if (schedule.includes('TZ')) errs.push(invalid(path, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  return errs;
}

function validateTimeZone(tz: unknown, path: string): FieldError[] {
  if (!isSet(tz)) return [];
  const z = String(tz);
  if (z.length === 0) return [invalid(path, z, 'timeZone must be nil or non-empty string')];
  const errs: FieldError[] = [];
  if (z.toLowerCase() === 'local') errs.push(invalid(path, z, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  const err = loadLocationError(z);
  if (err) errs.push(invalid(path, z, err));
  return errs;
}

/** ValidateCronJobCreate/Update: name ≤ 52, schedule, policies, history limits, time zone, the job template. */
export function validateCronJob(cj: KObject, opts: PodValidationOptions = {}): FieldError[] {
  const errs: FieldError[] = [];
  const name = cj.metadata.name ?? '';
  if (name.length > 52) errs.push(invalid('metadata.name', name, 'must be no more than 52 characters'));
  const s = (cj.spec ?? {}) as Obj;
  if (!s.schedule) errs.push(required('spec.schedule'));
  else errs.push(...validateSchedule(String(s.schedule), 'spec.schedule'));
  if (isSet(s.startingDeadlineSeconds)) errs.push(...nonNegative(s.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  const cp = s.concurrencyPolicy ?? '';
  if (cp === '') errs.push(required('spec.concurrencyPolicy'));
  else if (!['Allow', 'Forbid', 'Replace'].includes(cp)) errs.push(notSupported('spec.concurrencyPolicy', cp, ['Allow', 'Forbid', 'Replace']));
  const jt = (s.jobTemplate ?? {}) as Obj;
  const js = (jt.spec ?? {}) as Obj;
  errs.push(...validateJobSpecCommon(js, 'spec.jobTemplate.spec', opts));
  if (isSet(js.selector)) errs.push(invalid('spec.jobTemplate.spec.selector', selectorBadValue(js.selector), '`selector` will be auto-generated'));
  if (js.manualSelector === true) errs.push(notSupported('spec.jobTemplate.spec.manualSelector', true, ['nil', 'false']));
  if (isSet(s.successfulJobsHistoryLimit)) errs.push(...nonNegative(s.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  if (isSet(s.failedJobsHistoryLimit)) errs.push(...nonNegative(s.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  errs.push(...validateTimeZone(s.timeZone, 'spec.timeZone'));
  return errs;
}
