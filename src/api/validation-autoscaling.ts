// autoscaling/v2 HorizontalPodAutoscaler validation with the API server's messages
// (pkg/apis/autoscaling/validation: ValidateHorizontalPodAutoscalerSpec, validateMetricSpec,
// validateMetricTarget, validateBehavior, validateScalingRules, validateScalingPolicy).
import type { KObject } from './types.js';
import { type FieldError, child, forbidden, index, invalid, notSupported, required } from './field-errors.js';
import { isValidPathSegmentName } from './names.js';
import { tryParseQuantity, isNegative, quantityError } from './quantity.js';
import type { MetricSpec, MetricTarget, ScalingRules } from './autoscaling.js';

type Obj = Record<string, any>;

const METRIC_TYPES = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];
const SOURCE_FIELD: Record<string, keyof MetricSpec> = {
  Object: 'object', Pods: 'pods', Resource: 'resource', External: 'external', ContainerResource: 'containerResource',
};
const MAX_PERIOD_SECONDS = 1800;
const MAX_STABILIZATION_WINDOW_SECONDS = 3600;

function positiveQuantity(v: unknown, path: string): FieldError[] {
  if (v === undefined || v === null) return [];
  const err = quantityError(v as string);
  if (err) return [invalid(path, v, err)];
  const q = tryParseQuantity(v as string)!;
  return q.unscaled === 0n || isNegative(q) ? [invalid(path, v, 'must be positive')] : [];
}

function validateMetricTarget(t: MetricTarget | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mt = (t ?? {}) as Obj;
  if (!mt.type) errs.push(required(child(path, 'type'), 'must specify a metric target type'));
  else if (!['Utilization', 'Value', 'AverageValue'].includes(mt.type)) errs.push(invalid(child(path, 'type'), mt.type, 'must be either Utilization, Value, or AverageValue'));
  errs.push(...positiveQuantity(mt.value, child(path, 'value')), ...positiveQuantity(mt.averageValue, child(path, 'averageValue')));
  if (mt.averageUtilization !== undefined && mt.averageUtilization < 1) errs.push(invalid(child(path, 'averageUtilization'), mt.averageUtilization, 'must be greater than 0'));
  return errs;
}

function validateResourceSource(src: Obj, path: string, container: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (!src.name) errs.push(required(child(path, 'name'), 'must specify a resource name'));
  if (container && !src.container) errs.push(required(child(path, 'container'), 'must specify a container'));
  errs.push(...validateMetricTarget(src.target, child(path, 'target')));
  const t = (src.target ?? {}) as Obj;
  if (t.averageUtilization === undefined && t.averageValue === undefined) {
    errs.push(required(child(path, 'target', 'averageUtilization'), 'must set either a target raw value or a target utilization'));
  }
  if (t.averageUtilization !== undefined && t.averageValue !== undefined) {
    errs.push(forbidden(child(path, 'target', 'averageValue'), 'may not set both a target raw value and a target utilization'));
  }
  return errs;
}

function validateMetricSpec(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!spec.type) {
    errs.push(required(child(path, 'type'), 'must specify a metric source type'));
  } else if (!METRIC_TYPES.includes(spec.type)) {
    errs.push(notSupported(child(path, 'type'), spec.type, METRIC_TYPES));
  }
  const present = Object.values(SOURCE_FIELD).filter((f) => spec[f] !== undefined && spec[f] !== null);
  const expected = SOURCE_FIELD[spec.type];
  if (expected && spec[expected] == null) errs.push(required(child(path, expected), 'must populate information for the given metric source'));
  if (present.length !== 1) {
    for (const f of present) if (f !== expected) errs.push(forbidden(child(path, f), 'must populate the given metric source only'));
  }
  if (spec.resource) errs.push(...validateResourceSource(spec.resource, child(path, 'resource'), false));
  if (spec.containerResource) errs.push(...validateResourceSource(spec.containerResource, child(path, 'containerResource'), true));
  for (const f of ['pods', 'object', 'external'] as const) {
    const s = spec[f] as Obj | undefined;
    if (!s) continue;
    if (!s.metric?.name) errs.push(required(child(path, f, 'metric', 'name'), 'must specify a metric name'));
    errs.push(...validateMetricTarget(s.target, child(path, f, 'target')));
  }
  return errs;
}

function validateScalingRules(rules: ScalingRules | undefined, path: string): FieldError[] {
  if (!rules) return [];
  const errs: FieldError[] = [];
  const w = rules.stabilizationWindowSeconds;
  if (w !== undefined && w < 0) errs.push(invalid(child(path, 'stabilizationWindowSeconds'), w, 'must be greater than or equal to zero'));
  if (w !== undefined && w > MAX_STABILIZATION_WINDOW_SECONDS) errs.push(invalid(child(path, 'stabilizationWindowSeconds'), w, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`));
  if (rules.selectPolicy !== undefined && !['Disabled', 'Max', 'Min'].includes(rules.selectPolicy)) {
    errs.push(notSupported(child(path, 'selectPolicy'), rules.selectPolicy, ['Disabled', 'Max', 'Min']));
  }
  const pp = child(path, 'policies');
  if (!rules.policies?.length) errs.push(required(pp, 'must specify at least one Policy'));
  (rules.policies ?? []).forEach((p, i) => {
    const ip = index(pp, i);
    if (p.type !== 'Pods' && p.type !== 'Percent') errs.push(notSupported(child(ip, 'type'), p.type, ['Percent', 'Pods']));
    if (!(p.value > 0)) errs.push(invalid(child(ip, 'value'), p.value, 'must be greater than zero'));
    if (!(p.periodSeconds > 0)) errs.push(invalid(child(ip, 'periodSeconds'), p.periodSeconds, 'must be greater than zero'));
    else if (p.periodSeconds > MAX_PERIOD_SECONDS) errs.push(invalid(child(ip, 'periodSeconds'), p.periodSeconds, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
  });
  if (rules.tolerance !== undefined) {
    const err = quantityError(rules.tolerance);
    if (err) errs.push(invalid(child(path, 'tolerance'), rules.tolerance, err));
    else if (isNegative(tryParseQuantity(rules.tolerance)!)) errs.push(invalid(child(path, 'tolerance'), rules.tolerance, 'must be greater than or equal to 0'));
  }
  return errs;
}

export function validateHPA(obj: KObject): FieldError[] {
  const spec = (obj.spec ?? {}) as Obj;
  const errs: FieldError[] = [];
  const min = spec.minReplicas;
  if (min !== undefined && min < 1) errs.push(invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (!(spec.maxReplicas >= 1)) errs.push(invalid('spec.maxReplicas', spec.maxReplicas ?? 0, 'must be greater than 0'));
  if (min !== undefined && spec.maxReplicas < min) errs.push(invalid('spec.maxReplicas', spec.maxReplicas, 'must be greater than or equal to `minReplicas`'));
  const ref = (spec.scaleTargetRef ?? {}) as Obj;
  for (const f of ['kind', 'name'] as const) {
    const p = child('spec', 'scaleTargetRef', f);
    if (!ref[f]) errs.push(required(p, ''));
    else for (const msg of isValidPathSegmentName(ref[f])) errs.push(invalid(p, ref[f], msg));
  }
  ((spec.metrics ?? []) as Obj[]).forEach((m, i) => errs.push(...validateMetricSpec(m, index('spec.metrics', i))));
  if (spec.behavior) {
    errs.push(...validateScalingRules(spec.behavior.scaleUp, 'spec.behavior.scaleUp'), ...validateScalingRules(spec.behavior.scaleDown, 'spec.behavior.scaleDown'));
  }
  return errs;
}
