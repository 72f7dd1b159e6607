// apps/v1 Deployment and ReplicaSet validation with Kubernetes' messages
// (pkg/apis/apps/validation/validation.go: ValidateDeploymentSpec, ValidateDeploymentStrategy,
// ValidateRollingUpdateDeployment, ValidatePositiveIntOrPercent, IsNotMoreThan100Percent,
// ValidateReplicaSetSpec, ValidatePodTemplateSpecForReplicaSet; pkg/apis/core/validation
// ValidatePodTemplateSpec; the selector immutability of pkg/registry/apps/{deployment,replicaset}
// strategy.go ValidateUpdate). Objects are validated after defaulting, as the apiserver does.
import type { KObject, ObjectMeta, PodSpec } from './types.js';
import {
  type FieldError,
  child,
  forbidden,
  invalid,
  notSupported,
  required,
} from './field-errors.js';
import {
  type PodValidationOptions,
  FIELD_IMMUTABLE,
  regexError,
  validateAnnotations,
  validateLabelSelectorSpec,
  validateLabels,
  validatePodSpec,
} from './validation.js';
import { type LabelSelectorSpec, isEverything, labelSelectorFromSpec, matchesLabels } from './selectors.js';
import { semanticEqual } from './semantic.js';

type Obj = Record<string, any>;
const isSet = (v: unknown): boolean => v !== undefined && v !== null;

const IS_NEGATIVE = 'must be greater than or equal to 0';
const PERCENT_FMT = '[0-9]+%';
const PERCENT_ERR_MSG = "a valid percent string must be a numeric string followed by an ending '%'";

/** ValidateNonnegativeField. */
function validateNonnegativeField(value: unknown, path: string): FieldError[] {
  return typeof value === 'number' && value < 0 ? [invalid(path, value, IS_NEGATIVE)] : [];
}

/** validation.IsValidPercent. */
export function isValidPercent(percent: string): string[] {
  return new RegExp(`^${PERCENT_FMT}$`).test(percent) ? [] : [regexError(PERCENT_ERR_MSG, PERCENT_FMT, '1%', '93%')];
}

// An unset IntOrString is the zero value: Int 0.
function intOrStr(v: unknown): unknown {
  return isSet(v) ? v : 0;
}

/** ValidatePositiveIntOrPercent: a valid "N%" string, or a non-negative integer. */
export function validatePositiveIntOrPercent(value: unknown, path: string): FieldError[] {
  const v = intOrStr(value);
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, v, m));
  if (typeof v === 'number') return validateNonnegativeField(v, path);
  // The Go literal is not a format string, so the message really reads '5%%'.
  return [invalid(path, v, "must be an integer or percentage (e.g '5%%')")];
}

function getPercentValue(v: unknown): number | undefined {
  if (typeof v !== 'string' || isValidPercent(v).length) return undefined;
  return parseInt(v.slice(0, -1), 10);
}

// IntOrString.IntValue(): a string goes through strconv.Atoi, 0 when that fails.
function getIntOrPercentValue(v: unknown): number {
  const pct = getPercentValue(v);
  if (pct !== undefined) return pct;
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && /^[+-]?[0-9]+$/.test(v)) return parseInt(v, 10);
  return 0;
}

/** IsNotMoreThan100Percent. */
export function isNotMoreThan100Percent(value: unknown, path: string): FieldError[] {
  const v = intOrStr(value);
  const pct = getPercentValue(v);
  if (pct === undefined || pct <= 100) return [];
  return [invalid(path, v, 'must not be greater than 100%')];
}

/**
 * ValidateRollingUpdateDeployment: both values int-or-percent, not both 0, maxUnavailable ≤ 100%.
 * e.g. maxSurge 0, maxUnavailable 0 →
 *   `spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0`.
 */
export function validateRollingUpdateDeployment(ru: Obj, path: string): FieldError[] {
  const errs = validatePositiveIntOrPercent(ru.maxUnavailable, child(path, 'maxUnavailable'));
  errs.push(...validatePositiveIntOrPercent(ru.maxSurge, child(path, 'maxSurge')));
  if (getIntOrPercentValue(intOrStr(ru.maxUnavailable)) === 0 && getIntOrPercentValue(intOrStr(ru.maxSurge)) === 0) {
    errs.push(invalid(child(path, 'maxUnavailable'), intOrStr(ru.maxUnavailable), 'may not be 0 when `maxSurge` is 0'));
  }
  errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, child(path, 'maxUnavailable')));
  return errs;
}

/**
 * ValidateDeploymentStrategy. An unknown type reports the whole (internal, untagged Go) strategy
 * struct as the bad value, e.g. `spec.strategy: Unsupported value: {"Type":"Blue","RollingUpdate":null}`.
 */
export function validateDeploymentStrategy(strategy: Obj | undefined, path: string): FieldError[] {
  const s = strategy ?? {};
  switch (s.type) {
    case 'Recreate':
      return isSet(s.rollingUpdate) ? [forbidden(child(path, 'rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")] : [];
    case 'RollingUpdate':
      if (!isSet(s.rollingUpdate)) return [required(child(path, 'rollingUpdate'), 'this should be defaulted and never be nil')];
      return validateRollingUpdateDeployment(s.rollingUpdate, child(path, 'rollingUpdate'));
    default: {
      const ru = isSet(s.rollingUpdate) ? { MaxUnavailable: intOrStr(s.rollingUpdate.maxUnavailable), MaxSurge: intOrStr(s.rollingUpdate.maxSurge) } : null;
      return [notSupported(path, { Type: s.type ?? '', RollingUpdate: ru }, ['Recreate', 'RollingUpdate'])];
    }
  }
}

/** metav1.LabelSelector as Go marshals it: matchLabels then matchExpressions, empty ones omitted. */
export function selectorBadValue(sel: LabelSelectorSpec | null | undefined): unknown {
  if (!sel) return null;
  const out: Obj = {};
  if (sel.matchLabels && Object.keys(sel.matchLabels).length) out.matchLabels = sel.matchLabels;
  if (sel.matchExpressions && sel.matchExpressions.length) {
    out.matchExpressions = sel.matchExpressions.map((e) => {
      const r: Obj = { key: e.key, operator: e.operator };
      if (e.values && e.values.length) r.values = e.values;
      return r;
    });
  }
  return out;
}

/**
 * ValidatePodTemplateSpec: labels and annotations (reported at `<path>.labels` and
 * `<path>.annotations`, without `.metadata`, as Kubernetes does), the pod spec at
 * `<path>.spec`, and no ephemeral containers.
 */
export function validatePodTemplate(template: { metadata?: ObjectMeta; spec?: PodSpec } | undefined, path: string, opts: PodValidationOptions = {}): FieldError[] {
  const t = template ?? {};
  const errs = validateLabels(t.metadata?.labels, child(path, 'labels'));
  errs.push(...validateAnnotations(t.metadata?.annotations, child(path, 'annotations')));
  errs.push(...validatePodSpec(t.spec, child(path, 'spec'), { ...opts, isPod: false }));
  if (((t.spec as Obj | undefined)?.ephemeralContainers ?? []).length) {
    errs.push(forbidden(child(path, 'spec', 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

/**
 * ValidatePodTemplateSpecForReplicaSet: a non-empty selector must match the template labels
 * (a nil selector matches nothing, so it fails too), the template is a valid pod template,
 * restartPolicy must be Always, activeDeadlineSeconds is forbidden.
 */
export function validatePodTemplateSpecForReplicaSet(template: Obj | undefined, selector: LabelSelectorSpec | null | undefined, path: string, opts: PodValidationOptions = {}): FieldError[] {
  if (!isSet(template)) return [required(path)];
  const t = template as Obj;
  const errs: FieldError[] = [];
  const sel = labelSelectorFromSpec(selector);
  if (!isEverything(sel) && !matchesLabels(sel, t.metadata?.labels)) {
    errs.push(invalid(child(path, 'metadata', 'labels'), t.metadata?.labels ?? null, '`selector` does not match template `labels`'));
  }
  errs.push(...validatePodTemplate(t, path, opts));
  const rp = t.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported(child(path, 'spec', 'restartPolicy'), rp, ['Always']));
  if (isSet(t.spec?.activeDeadlineSeconds)) {
    errs.push(forbidden(child(path, 'spec', 'activeDeadlineSeconds'), 'activeDeadlineSeconds in ReplicaSet is not Supported'));
  }
  return errs;
}

// The selector part shared by Deployments and ReplicaSets (both say "for deployment").
function validateSelectorAndTemplate(spec: Obj, path: string, opts: PodValidationOptions): FieldError[] {
  const errs: FieldError[] = [];
  const selPath = child(path, 'selector');
  if (!isSet(spec.selector)) errs.push(required(selPath));
  else {
    errs.push(...validateLabelSelectorSpec(spec.selector, selPath));
    const s = spec.selector as LabelSelectorSpec;
    if (Object.keys(s.matchLabels ?? {}).length + (s.matchExpressions ?? []).length === 0) {
      errs.push(invalid(selPath, selectorBadValue(s), 'empty selector is invalid for deployment'));
    }
  }
  let selectorOk = true;
  try {
    labelSelectorFromSpec(spec.selector);
  } catch {
    selectorOk = false;
  }
  if (!selectorOk) errs.push(invalid(selPath, selectorBadValue(spec.selector), 'invalid label selector'));
  else errs.push(...validatePodTemplateSpecForReplicaSet(spec.template, spec.selector, child(path, 'template'), opts));
  return errs;
}

/**
 * ValidateDeploymentSpec, in Kubernetes' order: replicas ≥ 0, selector (required, valid,
 * non-empty), template against selector, strategy, minReadySeconds ≥ 0,
 * revisionHistoryLimit ≥ 0, progressDeadlineSeconds ≥ 0 and > minReadySeconds.
 */
export function validateDeploymentSpec(spec: Obj | undefined, path = 'spec', opts: PodValidationOptions = {}): FieldError[] {
  const s = spec ?? {};
  const errs = validateNonnegativeField(s.replicas, child(path, 'replicas'));
  errs.push(...validateSelectorAndTemplate(s, path, opts));
  errs.push(...validateDeploymentStrategy(s.strategy, child(path, 'strategy')));
  errs.push(...validateNonnegativeField(s.minReadySeconds ?? 0, child(path, 'minReadySeconds')));
  if (isSet(s.revisionHistoryLimit)) errs.push(...validateNonnegativeField(s.revisionHistoryLimit, child(path, 'revisionHistoryLimit')));
  if (isSet(s.progressDeadlineSeconds)) {
    errs.push(...validateNonnegativeField(s.progressDeadlineSeconds, child(path, 'progressDeadlineSeconds')));
    if (s.progressDeadlineSeconds <= (s.minReadySeconds ?? 0)) {
      errs.push(invalid(child(path, 'progressDeadlineSeconds'), s.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
    }
  }
  return errs;
}

/** ValidateReplicaSetSpec: replicas ≥ 0, minReadySeconds ≥ 0, selector, template. */
export function validateReplicaSetSpec(spec: Obj | undefined, path = 'spec', opts: PodValidationOptions = {}): FieldError[] {
  const s = spec ?? {};
  const errs = validateNonnegativeField(s.replicas, child(path, 'replicas'));
  errs.push(...validateNonnegativeField(s.minReadySeconds ?? 0, child(path, 'minReadySeconds')));
  errs.push(...validateSelectorAndTemplate(s, path, opts));
  return errs;
}

/** The Deployment spec rules (metadata is validate()'s job). */
export function validateDeployment(d: KObject, opts: PodValidationOptions = {}): FieldError[] {
  return validateDeploymentSpec(d.spec, 'spec', opts);
}

export function validateReplicaSet(rs: KObject, opts: PodValidationOptions = {}): FieldError[] {
  return validateReplicaSetSpec(rs.spec, 'spec', opts);
}

// ValidateImmutableField on the selector (apps/v1 and later; extensions/v1beta1 allowed changes).
function immutableSelector(newObj: KObject, oldObj: KObject): FieldError[] {
  const n = newObj.spec?.selector;
  const o = oldObj.spec?.selector;
  if (semanticEqual(n ?? null, o ?? null)) return [];
  return [invalid('spec.selector', selectorBadValue(n), FIELD_IMMUTABLE)];
}

/**
 * The update-only rule of a Deployment: the selector cannot change,
 * e.g. `spec.selector: Invalid value: {"matchLabels":{"app":"b"}}: field is immutable`.
 * Combine with validate(newObj) (spec rules) as for any update.
 */
export function validateDeploymentUpdate(newObj: KObject, oldObj: KObject): FieldError[] {
  return immutableSelector(newObj, oldObj);
}

/** The update-only rule of a ReplicaSet: the selector cannot change. */
export function validateReplicaSetUpdate(newObj: KObject, oldObj: KObject): FieldError[] {
  return immutableSelector(newObj, oldObj);
}
