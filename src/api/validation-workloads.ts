// apps/v1 DaemonSet, StatefulSet and ControllerRevision validation with Kubernetes' messages
// (pkg/apis/apps/validation/validation.go: ValidateDaemonSetSpec, ValidateDaemonSetUpdateStrategy,
// ValidateRollingUpdateDaemonSet, ValidateStatefulSetSpec, validateRollingUpdateStatefulSet,
// ValidateStatefulSetUpdate, ValidateControllerRevision). Objects are validated after defaulting.
import type { KObject } from './types.js';
import { type FieldError, child, duplicate, forbidden, invalid, notSupported, required } from './field-errors.js';
import { type PodValidationOptions, isDNS1123Label } from './validation.js';
import { validatePersistentVolumeClaim } from './validation-storage.js';
import { semanticEqual } from './semantic.js';
import {
  getIntOrPercentValue,
  immutableSelector,
  intOrStr,
  isNotMoreThan100Percent,
  validateNonnegativeField,
  validatePositiveIntOrPercent,
  validateSelectorAndTemplate,
} from './validation-apps.js';

type Obj = Record<string, any>;
const isSet = (v: unknown): boolean => v !== undefined && v !== null;

/** The template's activeDeadlineSeconds message names the kind ("… in DaemonSet is not Supported"). */
function kindSpecific(errs: FieldError[], kind: string): FieldError[] {
  return errs.map((e) =>
    e.field.endsWith('template.spec.activeDeadlineSeconds') ? { ...e, detail: `activeDeadlineSeconds in ${kind} is not Supported` } : e,
  );
}

/**
 * ValidateRollingUpdateDaemonSet: both values int-or-percent and ≤ 100%, exactly one non-zero.
 * e.g. maxUnavailable 1, maxSurge 1 → `spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero`.
 */
export function validateRollingUpdateDaemonSet(ru: Obj, path: string): FieldError[] {
  const mu = child(path, 'maxUnavailable');
  const ms = child(path, 'maxSurge');
  const errs = [...validatePositiveIntOrPercent(ru.maxUnavailable, mu), ...validatePositiveIntOrPercent(ru.maxSurge, ms)];
  errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, mu), ...isNotMoreThan100Percent(ru.maxSurge, ms));
  const hasUnavailable = getIntOrPercentValue(intOrStr(ru.maxUnavailable)) !== 0;
  const hasSurge = getIntOrPercentValue(intOrStr(ru.maxSurge)) !== 0;
  if (hasUnavailable && hasSurge) errs.push(invalid(ms, ru.maxSurge, 'may not be set when maxUnavailable is non-zero'));
  else if (!hasUnavailable && !hasSurge) errs.push(required(mu, 'cannot be 0 when maxSurge is 0'));
  return errs;
}

export function validateDaemonSetUpdateStrategy(s: Obj | undefined, path: string): FieldError[] {
  const strategy = s ?? {};
  switch (strategy.type) {
    case 'OnDelete':
      return [];
    case 'RollingUpdate':
      if (!isSet(strategy.rollingUpdate)) return [required(child(path, 'rollingUpdate'))];
      return validateRollingUpdateDaemonSet(strategy.rollingUpdate, child(path, 'rollingUpdate'));
    default:
      return [notSupported(path, strategy, ['RollingUpdate', 'OnDelete'])];
  }
}

/** ValidateDaemonSetSpec: selector and template, minReadySeconds, updateStrategy, revisionHistoryLimit. */
export function validateDaemonSet(ds: KObject, opts: PodValidationOptions = {}): FieldError[] {
  const s = (ds.spec ?? {}) as Obj;
  const errs = kindSpecific(validateSelectorAndTemplate(s, 'spec', opts, 'daemonset'), 'DaemonSet');
  errs.push(...validateNonnegativeField(s.minReadySeconds ?? 0, 'spec.minReadySeconds'));
  errs.push(...validateDaemonSetUpdateStrategy(s.updateStrategy, 'spec.updateStrategy'));
  if (isSet(s.revisionHistoryLimit)) errs.push(...validateNonnegativeField(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}

export function validateDaemonSetUpdate(newObj: KObject, oldObj: KObject): FieldError[] {
  return immutableSelector(newObj, oldObj);
}

/** validateRollingUpdateStatefulSet: partition ≥ 0; maxUnavailable an int-or-percent in (0, 100%]. */
function validateRollingUpdateStatefulSet(ru: Obj, path: string): FieldError[] {
  const errs = validateNonnegativeField(ru.partition ?? 0, child(path, 'partition'));
  if (isSet(ru.maxUnavailable)) {
    const p = child(path, 'maxUnavailable');
    errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, p), ...isNotMoreThan100Percent(ru.maxUnavailable, p));
    if (getIntOrPercentValue(ru.maxUnavailable) === 0) errs.push(invalid(p, ru.maxUnavailable, 'must be greater than 0'));
  }
  return errs;
}

const PVC_POLICIES = ['Retain', 'Delete'];

/**
 * ValidateStatefulSetSpec, in Kubernetes' order. volumeClaimTemplates are refused while kbx
 * serves no PersistentVolumeClaims (accepting them would run pods without their volumes).
 */
export function validateStatefulSet(sts: KObject, opts: PodValidationOptions = {}): FieldError[] {
  const s = (sts.spec ?? {}) as Obj;
  const errs: FieldError[] = [];
  const pmp = s.podManagementPolicy;
  if (!pmp) errs.push(required('spec.podManagementPolicy'));
  else if (pmp !== 'OrderedReady' && pmp !== 'Parallel') errs.push(invalid('spec.podManagementPolicy', pmp, "must be 'OrderedReady' or 'Parallel'"));
  const us = (s.updateStrategy ?? {}) as Obj;
  switch (us.type) {
    case undefined:
    case '':
      errs.push(required('spec.updateStrategy'));
      break;
    case 'OnDelete':
      if (isSet(us.rollingUpdate)) errs.push(invalid('spec.updateStrategy.rollingUpdate', us.rollingUpdate, "only allowed for updateStrategy 'RollingUpdate'"));
      break;
    case 'RollingUpdate':
      if (isSet(us.rollingUpdate)) errs.push(...validateRollingUpdateStatefulSet(us.rollingUpdate, 'spec.updateStrategy.rollingUpdate'));
      break;
    default:
      errs.push(invalid('spec.updateStrategy', us, "must be 'RollingUpdate' or 'OnDelete'"));
  }
  if (isSet(s.revisionHistoryLimit)) errs.push(...validateNonnegativeField(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  errs.push(...validateNonnegativeField(s.replicas ?? 0, 'spec.replicas'));
  if (isSet(s.ordinals)) errs.push(...validateNonnegativeField(s.ordinals.start ?? 0, 'spec.ordinals.start'));
  errs.push(...kindSpecific(validateSelectorAndTemplate(withClaimTemplateVolumes(s), 'spec', opts, 'statefulset'), 'StatefulSet'));
  errs.push(...validateNonnegativeField(s.minReadySeconds ?? 0, 'spec.minReadySeconds'));
  const policy = (s.persistentVolumeClaimRetentionPolicy ?? {}) as Obj;
  for (const k of ['whenDeleted', 'whenScaled']) {
    if (isSet(policy[k]) && !PVC_POLICIES.includes(policy[k])) errs.push(notSupported(`spec.persistentVolumeClaimRetentionPolicy.${k}`, policy[k], PVC_POLICIES));
  }
  errs.push(...validateVolumeClaimTemplates(s.volumeClaimTemplates, 'spec.volumeClaimTemplates'));
  return errs;
}

/**
 * The pod template as the controller completes it (updateStorage): each claim template is a volume, so
 * a volumeMount may name it. Upstream skips the pod spec's volume checks for this reason; kbx checks the
 * union of the template's volumes and claims against the mounts instead.
 */
function withClaimTemplateVolumes(s: Obj): Obj {
  const valid = (n: unknown): n is string => typeof n === 'string' && n !== '' && !isDNS1123Label(n).length;
  const names = [...new Set(((s.volumeClaimTemplates ?? []) as Obj[]).map((t) => t?.metadata?.name).filter(valid))];
  if (!names.length || !s.template?.spec) return s;
  const rest = ((s.template.spec.volumes ?? []) as Obj[]).filter((v) => !names.includes(v?.name));
  const volumes = [...rest, ...names.map((n) => ({ name: n, persistentVolumeClaim: { claimName: n } }))];
  return { ...s, template: { ...s.template, spec: { ...s.template.spec, volumes } } };
}

/** Each volumeClaimTemplate: a name (a DNS label, unique), and a claim spec as a PersistentVolumeClaim's (ValidatePersistentVolumeClaimSpec). */
function validateVolumeClaimTemplates(list: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  ((list ?? []) as Obj[]).forEach((t, i) => {
    const p = `${path}[${i}]`;
    const name = t?.metadata?.name;
    if (!name) errs.push(required(`${p}.metadata.name`, 'name or generateName is required'));
    else {
      for (const m of isDNS1123Label(name)) errs.push(invalid(`${p}.metadata.name`, name, m));
      if (seen.has(name)) errs.push(duplicate(`${p}.metadata.name`, name));
      seen.add(name);
    }
    for (const e of validatePersistentVolumeClaim({ metadata: { name: name ?? '' }, spec: t?.spec ?? {} } as KObject)) errs.push({ ...e, field: `${p}.${e.field}` });
  });
  return errs;
}

const STS_MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

/** ValidateStatefulSetUpdate: only the listed spec fields may change. */
export function validateStatefulSetUpdate(newObj: KObject, oldObj: KObject): FieldError[] {
  const strip = (spec: Obj | undefined) => Object.fromEntries(Object.entries(spec ?? {}).filter(([k]) => !STS_MUTABLE.includes(k)));
  if (semanticEqual(strip(newObj.spec), strip(oldObj.spec))) return [];
  return [
    forbidden(
      'spec',
      "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ),
  ];
}

/** ValidateControllerRevision: revision ≥ 0 (data is any object). */
export function validateControllerRevision(cr: KObject): FieldError[] {
  const r = (cr as Obj).revision;
  return validateNonnegativeField(r ?? 0, 'revision');
}

/** ValidateControllerRevisionUpdate: data is immutable. */
export function validateControllerRevisionUpdate(newObj: KObject, oldObj: KObject): FieldError[] {
  const n = (newObj as Obj).data;
  const o = (oldObj as Obj).data;
  return semanticEqual(n ?? null, o ?? null) ? [] : [invalid('data', '', 'field is immutable')];
}
