// autoscaling/v2 HorizontalPodAutoscaler: its shapes as kbx reads them, and the defaults
// (pkg/apis/autoscaling/v2/defaults.go): minReplicas 1, a CPU 80% target when no metric is given,
// and — only when a behavior is given — each missing scaling rule filled from the controller's defaults.

export interface MetricTarget {
  type: 'Utilization' | 'Value' | 'AverageValue';
  averageUtilization?: number;
  averageValue?: string;
  value?: string;
}

export interface MetricSpec {
  type: 'Resource' | 'ContainerResource' | 'Pods' | 'Object' | 'External';
  resource?: { name: string; target: MetricTarget };
  containerResource?: { name: string; container: string; target: MetricTarget };
  pods?: { metric: { name: string }; target: MetricTarget };
  object?: { metric: { name: string }; describedObject: { kind: string; name: string; apiVersion?: string }; target: MetricTarget };
  external?: { metric: { name: string }; target: MetricTarget };
}

export interface MetricValueStatus {
  averageUtilization?: number;
  averageValue?: string;
  value?: string;
}

export interface MetricStatus {
  type: MetricSpec['type'];
  resource?: { name: string; current: MetricValueStatus };
  containerResource?: { name: string; container: string; current: MetricValueStatus };
  pods?: { metric: { name: string }; current: MetricValueStatus };
  object?: { metric: { name: string }; describedObject: object; current: MetricValueStatus };
  external?: { metric: { name: string }; current: MetricValueStatus };
}

export interface ScalingPolicy {
  type: 'Pods' | 'Percent';
  value: number;
  periodSeconds: number;
}

export interface ScalingRules {
  stabilizationWindowSeconds?: number;
  selectPolicy?: 'Max' | 'Min' | 'Disabled';
  policies?: ScalingPolicy[];
  /** The fraction of change around 1.0 inside which no scaling happens (0.1 when unset). */
  tolerance?: string | number;
}

export interface HPABehavior {
  scaleUp?: ScalingRules;
  scaleDown?: ScalingRules;
}

export interface HPACondition {
  type: 'AbleToScale' | 'ScalingActive' | 'ScalingLimited';
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface HPASpec {
  scaleTargetRef: { apiVersion?: string; kind: string; name: string };
  minReplicas?: number;
  maxReplicas: number;
  metrics?: MetricSpec[];
  behavior?: HPABehavior;
}

export interface HPAStatus {
  observedGeneration?: number;
  lastScaleTime?: string;
  currentReplicas?: number;
  desiredReplicas?: number;
  currentMetrics?: MetricStatus[] | null;
  conditions?: HPACondition[];
}

export interface HPA {
  apiVersion?: string;
  kind?: string;
  metadata: { name?: string; namespace?: string; uid?: string; generation?: number; creationTimestamp?: string; [k: string]: unknown };
  spec: HPASpec;
  status?: HPAStatus;
}

/** autoscaling.DefaultCPUUtilization */
export const DEFAULT_CPU_UTILIZATION = 80;

/** GenerateHPAScaleUpRules' defaults: no stabilization, the larger of +4 pods or +100% every 15 s. */
export const DEFAULT_SCALE_UP: Required<Omit<ScalingRules, 'tolerance'>> = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};

/** GenerateHPAScaleDownRules' defaults: the window stays unset (the controller's 300 s applies), -100% every 15 s. */
export const DEFAULT_SCALE_DOWN: Omit<ScalingRules, 'tolerance'> = {
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

/** GenerateHPAScaleUpRules / GenerateHPAScaleDownRules: the rules with each unset field taken from `defaults`. */
export function withRuleDefaults(rules: ScalingRules | undefined, defaults: Omit<ScalingRules, 'tolerance'>): ScalingRules {
  const r: ScalingRules = { ...(rules ?? {}) };
  if (r.stabilizationWindowSeconds === undefined && defaults.stabilizationWindowSeconds !== undefined) r.stabilizationWindowSeconds = defaults.stabilizationWindowSeconds;
  if (r.selectPolicy === undefined) r.selectPolicy = defaults.selectPolicy;
  if (r.policies === undefined) r.policies = structuredClone(defaults.policies);
  return r;
}

/** SetDefaults_HorizontalPodAutoscaler (v2). Mutates and returns `hpa`. */
export function defaultHPA<T extends { spec?: Partial<HPASpec> }>(hpa: T): T {
  const spec = (hpa.spec ??= {});
  if (spec.minReplicas === undefined || spec.minReplicas === null) spec.minReplicas = 1;
  if (!spec.metrics || spec.metrics.length === 0) {
    spec.metrics = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } } }];
  }
  if (spec.behavior) {
    spec.behavior = { ...spec.behavior, scaleUp: withRuleDefaults(spec.behavior.scaleUp, DEFAULT_SCALE_UP), scaleDown: withRuleDefaults(spec.behavior.scaleDown, DEFAULT_SCALE_DOWN) };
  }
  return hpa;
}
