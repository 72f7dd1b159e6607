// Turning a metric's replica proposal into the replica count to set (horizontal.go's
// normalizeDesiredReplicas and normalizeDesiredReplicasWithBehaviors), pure: the controller keeps
// each HPA's recent recommendations and scale events (AutoscalerMemory) and passes them in with `now`.
import type { HPABehavior, HPACondition, ScalingRules } from '../../api/autoscaling.js';

export interface TimestampedRecommendation {
  recommendation: number;
  timestamp: number;
}

export interface TimestampedScaleEvent {
  replicaChange: number;
  timestamp: number;
  outdated: boolean;
}

/** What the controller remembers of one HPA between syncs (lost on restart, as in kube-controller-manager). */
export interface AutoscalerMemory {
  recommendations: TimestampedRecommendation[];
  scaleUpEvents: TimestampedScaleEvent[];
  scaleDownEvents: TimestampedScaleEvent[];
}

export const newMemory = (): AutoscalerMemory => ({ recommendations: [], scaleUpEvents: [], scaleDownEvents: [] });

/** kube-controller-manager's --horizontal-pod-autoscaler-downscale-stabilization. */
export const DOWNSCALE_STABILIZATION_WINDOW_MS = 5 * 60_000;
/** Without a behavior: at most double, or 4, per sync. */
const SCALE_UP_LIMIT_FACTOR = 2.0;
const SCALE_UP_LIMIT_MINIMUM = 4.0;

/** A condition to set: type, status, reason and message (setCondition's arguments). */
export type ConditionUpdate = Pick<HPACondition, 'type' | 'status' | 'reason' | 'message'>;

export interface Normalized {
  desiredReplicas: number;
  conditions: ConditionUpdate[];
}

/** recordInitialRecommendation: the first sync of an HPA remembers the current size. */
export function recordInitialRecommendation(mem: AutoscalerMemory, currentReplicas: number, now: number): void {
  if (mem.recommendations.length === 0) mem.recommendations.push({ recommendation: currentReplicas, timestamp: now });
}

/** stabilizeRecommendation: the highest recommendation of the downscale window (the oldest sample is recycled). */
export function stabilizeRecommendation(mem: AutoscalerMemory, prenormalized: number, now: number, windowMs = DOWNSCALE_STABILIZATION_WINDOW_MS): number {
  let max = prenormalized;
  let oldIndex = -1;
  const cutoff = now - windowMs;
  mem.recommendations.forEach((rec, i) => {
    if (rec.timestamp < cutoff) oldIndex = i;
    else if (rec.recommendation > max) max = rec.recommendation;
  });
  const rec = { recommendation: prenormalized, timestamp: now };
  if (oldIndex >= 0) mem.recommendations[oldIndex] = rec;
  else mem.recommendations.push(rec);
  return max;
}

/** convertDesiredReplicasWithRules: min/max and, without a behavior, the fixed scale-up rate. */
export function convertDesiredReplicasWithRules(currentReplicas: number, desired: number, hpaMin: number, hpaMax: number): { replicas: number; reason: string; message: string } {
  const scaleUpLimit = Math.trunc(Math.max(SCALE_UP_LIMIT_FACTOR * currentReplicas, SCALE_UP_LIMIT_MINIMUM));
  let max: number;
  let reason: string;
  let message: string;
  if (hpaMax > scaleUpLimit) {
    max = scaleUpLimit;
    reason = 'ScaleUpLimit';
    message = 'the desired replica count is increasing faster than the maximum scale rate';
  } else {
    max = hpaMax;
    reason = 'TooManyReplicas';
    message = 'the desired replica count is more than the maximum replica count';
  }
  if (desired < hpaMin) return { replicas: hpaMin, reason: 'TooFewReplicas', message: 'the desired replica count is less than the minimum replica count' };
  if (desired > max) return { replicas: max, reason, message };
  return { replicas: desired, reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
}

/** normalizeDesiredReplicas: the path of an HPA without a behavior. */
export function normalizeDesiredReplicas(mem: AutoscalerMemory, currentReplicas: number, prenormalized: number, min: number, max: number, now: number, windowMs = DOWNSCALE_STABILIZATION_WINDOW_MS): Normalized {
  const stabilized = stabilizeRecommendation(mem, prenormalized, now, windowMs);
  const conditions: ConditionUpdate[] = [
    stabilized !== prenormalized
      ? { type: 'AbleToScale', status: 'True', reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' }
      : { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' },
  ];
  const r = convertDesiredReplicasWithRules(currentReplicas, stabilized, min, max);
  conditions.push({ type: 'ScalingLimited', status: r.replicas === stabilized ? 'False' : 'True', reason: r.reason, message: r.message });
  return { desiredReplicas: r.replicas, conditions };
}

/** getReplicasChangePerPeriod: the replicas added (or removed) by the events of the last `periodSeconds`. */
export function getReplicasChangePerPeriod(periodSeconds: number, events: TimestampedScaleEvent[], now: number): number {
  const cutoff = now - periodSeconds * 1000;
  let n = 0;
  for (const e of events) if (e.timestamp > cutoff) n += e.replicaChange;
  return n;
}

/**
 * calculateScaleUpLimitWithScalingRules: per policy, the size at the start of its period plus what it allows
 * (Pods: +value; Percent: ×(1+value/100), rounded up); Max picks the largest, Min the smallest, Disabled none.
 * E.g. 4 replicas, policies Pods 4 / Percent 100 over 15 s, nothing in the period: max(8, 8) = 8.
 */
export function calculateScaleUpLimitWithScalingRules(currentReplicas: number, up: TimestampedScaleEvent[], down: TimestampedScaleEvent[], rules: ScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return currentReplicas;
  const pick = rules.selectPolicy === 'Min' ? Math.min : Math.max;
  let result = rules.selectPolicy === 'Min' ? 2 ** 31 - 1 : -(2 ** 31);
  for (const p of rules.policies ?? []) {
    const start = currentReplicas - getReplicasChangePerPeriod(p.periodSeconds, up, now) + getReplicasChangePerPeriod(p.periodSeconds, down, now);
    const proposed = p.type === 'Pods' ? start + p.value : Math.ceil(start * (1 + p.value / 100));
    result = pick(result, proposed);
  }
  return result;
}

/** calculateScaleDownLimitWithBehaviors: as above downwards (Percent: ×(1-value/100), truncated); Min picks the largest floor. */
export function calculateScaleDownLimitWithBehaviors(currentReplicas: number, up: TimestampedScaleEvent[], down: TimestampedScaleEvent[], rules: ScalingRules, now: number): number {
  if (rules.selectPolicy === 'Disabled') return currentReplicas;
  const pick = rules.selectPolicy === 'Min' ? Math.max : Math.min;
  let result = rules.selectPolicy === 'Min' ? -(2 ** 31) : 2 ** 31 - 1;
  for (const p of rules.policies ?? []) {
    const start = currentReplicas - getReplicasChangePerPeriod(p.periodSeconds, up, now) + getReplicasChangePerPeriod(p.periodSeconds, down, now);
    const proposed = p.type === 'Pods' ? start - p.value : Math.trunc(start * (1 - p.value / 100));
    result = pick(result, proposed);
  }
  return result;
}

export interface NormalizationArg {
  scaleUp: ScalingRules;
  scaleDown: ScalingRules;
  minReplicas: number;
  maxReplicas: number;
  currentReplicas: number;
  desiredReplicas: number;
}

/**
 * stabilizeRecommendationWithBehaviors: the recommendation is kept between the lowest of the scale-up
 * window and the highest of the scale-down window; every raw recommendation is recorded.
 */
export function stabilizeRecommendationWithBehaviors(mem: AutoscalerMemory, a: NormalizationArg, now: number): { replicas: number; reason: string; message: string } {
  let oldIndex = -1;
  let up = a.desiredReplicas;
  let down = a.desiredReplicas;
  const upCutoff = now - (a.scaleUp.stabilizationWindowSeconds ?? 0) * 1000;
  const downCutoff = now - (a.scaleDown.stabilizationWindowSeconds ?? 0) * 1000;
  mem.recommendations.forEach((rec, i) => {
    if (rec.timestamp > upCutoff) up = Math.min(rec.recommendation, up);
    if (rec.timestamp > downCutoff) down = Math.max(rec.recommendation, down);
    if (rec.timestamp < upCutoff && rec.timestamp < downCutoff) oldIndex = i;
  });
  let recommendation = a.currentReplicas;
  if (recommendation < up) recommendation = up;
  if (recommendation > down) recommendation = down;
  const rec = { recommendation: a.desiredReplicas, timestamp: now };
  if (oldIndex >= 0) mem.recommendations[oldIndex] = rec;
  else mem.recommendations.push(rec);
  return a.desiredReplicas >= a.currentReplicas
    ? { replicas: recommendation, reason: 'ScaleUpStabilized', message: 'recent recommendations were lower than current one, applying the lowest recent recommendation' }
    : { replicas: recommendation, reason: 'ScaleDownStabilized', message: 'recent recommendations were higher than current one, applying the highest recent recommendation' };
}

/** convertDesiredReplicasWithBehaviorRate: the policies' rate limits, then min/max. */
export function convertDesiredReplicasWithBehaviorRate(mem: AutoscalerMemory, a: NormalizationArg, now: number): { replicas: number; reason: string; message: string } {
  let reason = '';
  let message = '';
  if (a.desiredReplicas > a.currentReplicas) {
    let limit = calculateScaleUpLimitWithScalingRules(a.currentReplicas, mem.scaleUpEvents, mem.scaleDownEvents, a.scaleUp, now);
    if (limit < a.currentReplicas) limit = a.currentReplicas; // no further scale-up until old events expire
    let max = a.maxReplicas;
    if (max > limit) {
      max = limit;
      reason = 'ScaleUpLimit';
      message = 'the desired replica count is increasing faster than the maximum scale rate';
    } else {
      reason = 'TooManyReplicas';
      message = 'the desired replica count is more than the maximum replica count';
    }
    if (a.desiredReplicas > max) return { replicas: max, reason, message };
  } else if (a.desiredReplicas < a.currentReplicas) {
    let limit = calculateScaleDownLimitWithBehaviors(a.currentReplicas, mem.scaleUpEvents, mem.scaleDownEvents, a.scaleDown, now);
    if (limit > a.currentReplicas) limit = a.currentReplicas;
    let min = a.minReplicas;
    if (min < limit) {
      min = limit;
      reason = 'ScaleDownLimit';
      message = 'the desired replica count is decreasing faster than the maximum scale rate';
    } else {
      reason = 'TooFewReplicas';
      message = 'the desired replica count is less than the minimum replica count';
    }
    if (a.desiredReplicas < min) return { replicas: min, reason, message };
  }
  return { replicas: a.desiredReplicas, reason: 'DesiredWithinRange', message: 'the desired count is within the acceptable range' };
}

/**
 * normalizeDesiredReplicasWithBehaviors. A scale-down rule without a window gets the controller's
 * default (maybeInitScaleDownStabilizationWindow).
 */
export function normalizeDesiredReplicasWithBehaviors(mem: AutoscalerMemory, behavior: HPABehavior, currentReplicas: number, prenormalized: number, min: number, max: number, now: number, windowMs = DOWNSCALE_STABILIZATION_WINDOW_MS): Normalized {
  const scaleDown = { ...(behavior.scaleDown ?? {}) };
  if (scaleDown.stabilizationWindowSeconds === undefined) scaleDown.stabilizationWindowSeconds = Math.round(windowMs / 1000);
  const a: NormalizationArg = { scaleUp: behavior.scaleUp ?? {}, scaleDown, minReplicas: min, maxReplicas: max, currentReplicas, desiredReplicas: prenormalized };
  const s = stabilizeRecommendationWithBehaviors(mem, a, now);
  const conditions: ConditionUpdate[] = [
    s.replicas !== prenormalized
      ? { type: 'AbleToScale', status: 'True', reason: s.reason, message: s.message }
      : { type: 'AbleToScale', status: 'True', reason: 'ReadyForNewScale', message: 'recommended size matches current size' },
  ];
  const r = convertDesiredReplicasWithBehaviorRate(mem, { ...a, desiredReplicas: s.replicas }, now);
  conditions.push({ type: 'ScalingLimited', status: r.replicas === s.replicas ? 'False' : 'True', reason: r.reason, message: r.message });
  return { desiredReplicas: r.replicas, conditions };
}

function longestPolicyPeriod(rules: ScalingRules | undefined): number {
  let longest = 0;
  for (const p of rules?.policies ?? []) longest = Math.max(longest, p.periodSeconds);
  return longest;
}

/** storeScaleEvent: remembered only for HPAs with a behavior (only they read them); outdated slots are reused. */
export function storeScaleEvent(mem: AutoscalerMemory, behavior: HPABehavior | undefined, prevReplicas: number, newReplicas: number, now: number): void {
  if (!behavior) return;
  const upward = newReplicas > prevReplicas;
  const events = upward ? mem.scaleUpEvents : mem.scaleDownEvents;
  const cutoff = now - longestPolicyPeriod(upward ? behavior.scaleUp : behavior.scaleDown) * 1000;
  for (const e of events) if (e.timestamp < cutoff) e.outdated = true;
  let oldIndex = -1;
  events.forEach((e, i) => {
    if (e.outdated) oldIndex = i;
  });
  const ev = { replicaChange: Math.abs(newReplicas - prevReplicas), timestamp: now, outdated: false };
  if (oldIndex >= 0) events[oldIndex] = ev;
  else events.push(ev);
}
