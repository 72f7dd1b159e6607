// One HPA sync as horizontal.go's reconcileAutoscaler decides it, pure: the HPA, its target's scale, the
// pods the scale's selector matches, their metrics, the HPA's memory and the time in; the conditions, the
// events, the size to set and the status out. The controller (controller.ts) reads and writes around it.
import type { Pod } from '../../api/types.js';
import type { HPA, HPACondition, HPAStatus, MetricSpec, MetricStatus, MetricValueStatus, ScalingRules } from '../../api/autoscaling.js';
import { parseQuantity, quantityMilliValue, quantityToNumber, quantityToString } from '../../api/quantity.js';
import { parseLabelSelector } from '../../api/selectors.js';
import { rfc3339 } from '../../util/clock.js';
import {
  DEFAULT_TOLERANCE, ReplicaCalcError, getRawResourceReplicas, getResourceReplicas, podMetricsInfo, type RawPodMetrics, type Tolerances,
} from './replica-calculator.js';
import {
  normalizeDesiredReplicas, normalizeDesiredReplicasWithBehaviors, recordInitialRecommendation, type AutoscalerMemory, type ConditionUpdate,
} from './normalize.js';

export interface HPAEvent {
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
}

export interface SyncInput {
  hpa: HPA;
  /** The target's scale subresource, or the error reading it. */
  scale: { replicas: number; selector: string } | { error: string };
  /** The pods the scale's selector matches in the HPA's namespace. */
  pods: Pod[];
  /** Their PodMetrics (metrics.k8s.io). */
  metrics: RawPodMetrics[];
  mem: AutoscalerMemory;
  now: number;
  downscaleWindowMs?: number;
}

export interface SyncPlan {
  currentReplicas: number;
  desiredReplicas: number;
  /** Set the target's replicas to desiredReplicas. */
  rescale: boolean;
  rescaleReason: string;
  metricStatuses: MetricStatus[];
  /** Conditions in the order setCondition is called. */
  conditions: ConditionUpdate[];
  events: HPAEvent[];
  /** The status is then only currentReplicas and metrics (an error path: no desired size was decided). */
  partial: boolean;
  /** The sync failed (the controller logs it and retries at the next resync). */
  error?: string;
}

const toleranceOf = (r: ScalingRules | undefined) => (r?.tolerance !== undefined ? quantityToNumber(parseQuantity(r.tolerance)) : DEFAULT_TOLERANCE);

/** A metric's proposal, its name in ScalingActive's message (`cpu resource utilization (percentage of request)`) and its status. */
interface MetricResult {
  replicas: number;
  name: string;
  status: MetricStatus;
}

class MetricError extends Error {
  constructor(message: string, readonly condition: ConditionUpdate) {
    super(message);
  }
}

function unableToCompute(reason: string, err: string, events: HPAEvent[]): ConditionUpdate {
  events.push({ type: 'Warning', reason, message: err });
  return { type: 'ScalingActive', status: 'False', reason, message: `the HPA was unable to compute the replica count: ${err}` };
}

function computeResource(spec: MetricSpec, input: SyncInput, currentReplicas: number, pods: Pod[], events: HPAEvent[]): MetricResult {
  const container = spec.type === 'ContainerResource' ? spec.containerResource!.container : '';
  const src = spec.type === 'ContainerResource' ? spec.containerResource! : spec.resource!;
  const name = src.name;
  const fail = (detail: string): never => {
    const err = `failed to get ${name} ${src.target.averageValue !== undefined ? 'usage' : 'utilization'}: ${detail}`;
    const condition = unableToCompute(spec.type === 'ContainerResource' ? 'FailedGetContainerResourceMetric' : 'FailedGetResourceMetric', err, events);
    throw new MetricError(`failed to get ${name} ${spec.type === 'ContainerResource' ? 'container ' : ''}resource metric value: ${err}`, condition);
  };
  const metrics = podMetricsInfo(input.metrics, name, container);
  const tolerances: Tolerances = { scaleUp: toleranceOf(input.hpa.spec.behavior?.scaleUp), scaleDown: toleranceOf(input.hpa.spec.behavior?.scaleDown) };
  const calc = { currentReplicas, pods, metrics, resource: name, container, now: input.now, tolerances };
  const statusOf = (current: MetricValueStatus): MetricStatus =>
    spec.type === 'ContainerResource'
      ? { type: 'ContainerResource', containerResource: { name, container, current } }
      : { type: 'Resource', resource: { name, current } };
  try {
    if (src.target.averageValue !== undefined) {
      const r = getRawResourceReplicas(calc, Number(quantityMilliValue(parseQuantity(src.target.averageValue))));
      return { replicas: r.replicas, name: `${name} resource`, status: statusOf({ averageValue: milliQuantity(r.usage) }) };
    }
    if (src.target.averageUtilization === undefined) {
      return fail('invalid resource metric source: neither an average utilization target nor an average value (usage) target was set');
    }
    const r = getResourceReplicas(calc, src.target.averageUtilization);
    return {
      replicas: r.replicas,
      name: `${name} ${spec.type === 'ContainerResource' ? 'container ' : ''}resource utilization (percentage of request)`,
      status: statusOf({ averageUtilization: r.utilization, averageValue: milliQuantity(r.rawAverage) }),
    };
  } catch (e) {
    if (e instanceof MetricError) throw e;
    if (e instanceof ReplicaCalcError) return fail(e.message);
    throw e;
  }
}

/** resource.NewMilliQuantity(v, DecimalSI).String(): 1500 → `1500m`, 2000 → `2`. */
export function milliQuantity(milli: number): string {
  return quantityToString({ unscaled: BigInt(milli), exp10: -3, format: 'DecimalSI' });
}

/** Pods, Object and External metrics need the custom/external metrics APIs, which kbx does not serve. */
function computeCustom(spec: MetricSpec, ns: string, events: HPAEvent[]): never {
  const api = spec.type === 'External' ? 'external metrics API' : 'custom metrics API';
  const metric = (spec.pods ?? spec.object ?? spec.external)?.metric?.name ?? '';
  const reason = spec.type === 'Pods' ? 'FailedGetPodsMetric' : spec.type === 'Object' ? 'FailedGetObjectMetric' : spec.type === 'External' ? 'FailedGetExternalMetric' : 'InvalidMetricSourceType';
  if (reason === 'InvalidMetricSourceType') {
    const err = `unknown metric source type "${spec.type}"`;
    throw new MetricError(err, unableToCompute(reason, err, events));
  }
  const err = `unable to get ${spec.type === 'External' ? 'external ' : ''}metric ${spec.type === 'External' ? `${ns}/${metric}` : metric}: unable to fetch metrics from ${api}: the server could not find the requested resource (kbx serves only metrics.k8s.io)`;
  const kind = spec.type === 'Pods' ? 'pods' : spec.type === 'Object' ? 'object' : 'external';
  throw new MetricError(`failed to get ${kind} metric value: ${err}`, unableToCompute(reason, err, events));
}

/** computeReplicasForMetrics: the largest proposal of the metrics that work. */
function computeReplicasForMetrics(input: SyncInput, currentReplicas: number, selector: string, plan: SyncPlan): { replicas: number; name: string; error?: string } {
  const { hpa } = input;
  const specs = hpa.spec.metrics ?? [];
  if (!selector) {
    plan.events.push({ type: 'Warning', reason: 'SelectorRequired', message: 'selector is required' });
    plan.conditions.push({ type: 'ScalingActive', status: 'False', reason: 'InvalidSelector', message: "the HPA target's scale is missing a selector" });
    return { replicas: -1, name: '', error: 'selector is required' };
  }
  try {
    parseLabelSelector(selector);
  } catch (e) {
    const msg = `couldn't convert selector into a corresponding internal selector object: ${(e as Error).message}`;
    plan.events.push({ type: 'Warning', reason: 'InvalidSelector', message: msg });
    plan.conditions.push({ type: 'ScalingActive', status: 'False', reason: 'InvalidSelector', message: msg });
    return { replicas: -1, name: '', error: msg };
  }
  const statuses: MetricStatus[] = specs.map(() => ({ type: '' as MetricStatus['type'] }));
  let replicas = 0;
  let name = '';
  let invalid = 0;
  let firstError: MetricError | undefined;
  specs.forEach((spec, i) => {
    try {
      const r = spec.type === 'Resource' || spec.type === 'ContainerResource' ? computeResource(spec, input, currentReplicas, input.pods, plan.events) : computeCustom(spec, hpa.metadata.namespace ?? '', plan.events);
      statuses[i] = r.status;
      if (replicas === 0 || r.replicas > replicas) {
        replicas = r.replicas;
        name = r.name;
      }
    } catch (e) {
      if (!(e instanceof MetricError)) throw e;
      if (!firstError) firstError = e;
      invalid++;
    }
  });
  plan.metricStatuses = statuses;
  const error = firstError ? `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${firstError.message}` : undefined;
  if (invalid >= specs.length || (invalid > 0 && replicas < currentReplicas)) {
    plan.conditions.push(firstError!.condition);
    return { replicas: -1, name: '', error };
  }
  plan.conditions.push({ type: 'ScalingActive', status: 'True', reason: 'ValidMetricFound', message: `the HPA was able to successfully calculate a replica count from ${name}` });
  return { replicas, name, error };
}

/** reconcileAutoscaler up to the scale write. */
export function planSync(input: SyncInput): SyncPlan {
  const { hpa, now } = input;
  const ref = hpa.spec.scaleTargetRef;
  const reference = `${ref.kind}/${hpa.metadata.namespace}/${ref.name}`;
  const plan: SyncPlan = { currentReplicas: 0, desiredReplicas: 0, rescale: false, rescaleReason: '', metricStatuses: [], conditions: [], events: [], partial: false };
  if ('error' in input.scale) {
    plan.conditions.push({ type: 'AbleToScale', status: 'False', reason: 'FailedGetScale', message: `the HPA controller was unable to get the target's current scale: ${input.scale.error}` });
    plan.events.push({ type: 'Warning', reason: 'FailedGetScale', message: input.scale.error });
    plan.partial = true;
    plan.currentReplicas = hpa.status?.currentReplicas ?? 0;
    plan.metricStatuses = hpa.status?.currentMetrics ?? [];
    plan.error = `failed to query scale subresource for ${reference}: ${input.scale.error}`;
    return plan;
  }
  plan.conditions.push({ type: 'AbleToScale', status: 'True', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale" });
  const current = input.scale.replicas;
  plan.currentReplicas = current;
  recordInitialRecommendation(input.mem, current, now);
  const min = hpa.spec.minReplicas ?? 1;
  const max = hpa.spec.maxReplicas;
  let desired = 0;
  let rescale = true;
  if (current === 0 && min !== 0) {
    desired = 0;
    rescale = false;
    plan.conditions.push({ type: 'ScalingActive', status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' });
  } else if (current > max) {
    plan.rescaleReason = 'Current number of replicas above Spec.MaxReplicas';
    desired = max;
  } else if (current < min) {
    plan.rescaleReason = 'Current number of replicas below Spec.MinReplicas';
    desired = min;
  } else {
    const m = computeReplicasForMetrics(input, current, input.scale.selector, plan);
    if (m.error && m.replicas === -1) {
      plan.events.push({ type: 'Warning', reason: 'FailedComputeMetricsReplicas', message: m.error });
      plan.partial = true;
      plan.error = `failed to compute desired number of replicas based on listed metrics for ${reference}: ${m.error}`;
      return plan;
    }
    if (m.error) plan.error = m.error;
    let rescaleMetric = '';
    if (m.replicas > desired) {
      desired = m.replicas;
      rescaleMetric = m.name;
    }
    if (desired > current) plan.rescaleReason = `${rescaleMetric} above target`;
    if (desired < current) plan.rescaleReason = 'All metrics below target';
    const n = hpa.spec.behavior
      ? normalizeDesiredReplicasWithBehaviors(input.mem, hpa.spec.behavior, current, desired, min, max, now, input.downscaleWindowMs)
      : normalizeDesiredReplicas(input.mem, current, desired, min, max, now, input.downscaleWindowMs);
    plan.conditions.push(...n.conditions);
    desired = n.desiredReplicas;
    rescale = desired !== current;
  }
  plan.desiredReplicas = rescale ? desired : current;
  plan.rescale = rescale;
  return plan;
}

/** After the scale write: its outcome's condition and event (SucceededRescale/SuccessfulRescale or FailedUpdateScale/FailedRescale). */
export function finishSync(plan: SyncPlan, outcome: { error?: string }): SyncPlan {
  if (!plan.rescale) return plan;
  const p = { ...plan, conditions: [...plan.conditions], events: [...plan.events] };
  if (outcome.error) {
    p.events.push({ type: 'Warning', reason: 'FailedRescale', message: `New size: ${plan.desiredReplicas}; reason: ${plan.rescaleReason}; error: ${outcome.error}` });
    p.conditions.push({ type: 'AbleToScale', status: 'False', reason: 'FailedUpdateScale', message: `the HPA controller was unable to update the target scale: ${outcome.error}` });
    p.partial = true;
    p.error = `failed to rescale: ${outcome.error}`;
    return p;
  }
  p.conditions.push({ type: 'AbleToScale', status: 'True', reason: 'SucceededRescale', message: `the HPA controller was able to update the target scale to ${plan.desiredReplicas}` });
  p.events.push({ type: 'Normal', reason: 'SuccessfulRescale', message: `New size: ${plan.desiredReplicas}; reason: ${plan.rescaleReason}` });
  return p;
}

/** setConditionInList: a condition's lastTransitionTime moves only when its status changes. */
export function applyConditions(existing: HPACondition[] | undefined, updates: ConditionUpdate[], now: number): HPACondition[] {
  const list = (existing ?? []).map((c) => ({ ...c }));
  for (const u of updates) {
    let c = list.find((x) => x.type === u.type);
    if (!c) {
      c = { type: u.type, status: u.status, lastTransitionTime: rfc3339(now) };
      list.push(c);
    }
    if (c.status !== u.status) c.lastTransitionTime = rfc3339(now);
    c.status = u.status;
    c.reason = u.reason;
    c.message = u.message;
  }
  return list;
}

/** setStatus / setCurrentReplicasAndMetricsInStatus: the status the sync leaves. */
export function statusAfter(hpa: HPA, plan: SyncPlan, now: number): HPAStatus {
  const old = hpa.status ?? {};
  const status: HPAStatus = {
    ...(hpa.metadata.generation !== undefined ? { observedGeneration: hpa.metadata.generation } : {}),
    ...(old.lastScaleTime ? { lastScaleTime: old.lastScaleTime } : {}),
    currentReplicas: plan.currentReplicas,
    desiredReplicas: plan.partial ? (old.desiredReplicas ?? 0) : plan.desiredReplicas,
    currentMetrics: plan.metricStatuses.length ? plan.metricStatuses : null,
    conditions: applyConditions(old.conditions, plan.conditions, now),
  };
  if (!plan.partial && plan.rescale) status.lastScaleTime = rfc3339(now);
  return status;
}
