// autoscaling/v1 HorizontalPodAutoscaler served by conversion from the stored autoscaling/v2 object, as
// pkg/apis/autoscaling/v1/conversion.go converts: v1's targetCPUUtilizationPercentage is v2's CPU
// utilization metric, currentCPUUtilizationPercentage its current value; the v2 behavior and conditions
// travel in the alpha annotations v1 clients see (autoscaling.alpha.kubernetes.io/behavior, /conditions).
import type { KObject } from './types.js';
import { DEFAULT_CPU_UTILIZATION, type HPA, type MetricSpec } from './autoscaling.js';

const BEHAVIOR = 'autoscaling.alpha.kubernetes.io/behavior';
const CONDITIONS = 'autoscaling.alpha.kubernetes.io/conditions';

type Obj = Record<string, any>;

const cpuUtilization = (m: MetricSpec) => m.type === 'Resource' && m.resource?.name === 'cpu' && m.resource.target?.type === 'Utilization';

/** The stored (v2) object as autoscaling/v1 shows it. */
export function hpaToV1(obj: KObject): KObject {
  const h = obj as unknown as HPA;
  const cpu = (h.spec?.metrics ?? []).find(cpuUtilization);
  const annotations: Record<string, string> = { ...(obj.metadata.annotations ?? {}) };
  if (h.spec?.behavior) annotations[BEHAVIOR] = JSON.stringify(h.spec.behavior);
  if (h.status?.conditions?.length) annotations[CONDITIONS] = JSON.stringify(h.status.conditions);
  const st = h.status ?? {};
  const current = (st.currentMetrics ?? []).find((m) => m.type === 'Resource' && m.resource?.name === 'cpu')?.resource?.current.averageUtilization;
  return {
    ...obj,
    apiVersion: 'autoscaling/v1',
    metadata: { ...obj.metadata, ...(Object.keys(annotations).length ? { annotations } : {}) },
    spec: {
      scaleTargetRef: h.spec?.scaleTargetRef,
      ...(h.spec?.minReplicas !== undefined ? { minReplicas: h.spec.minReplicas } : {}),
      maxReplicas: h.spec?.maxReplicas,
      ...(cpu ? { targetCPUUtilizationPercentage: cpu.resource!.target.averageUtilization } : {}),
    },
    status: {
      ...(st.observedGeneration !== undefined ? { observedGeneration: st.observedGeneration } : {}),
      ...(st.lastScaleTime ? { lastScaleTime: st.lastScaleTime } : {}),
      currentReplicas: st.currentReplicas ?? 0,
      desiredReplicas: st.desiredReplicas ?? 0,
      ...(current !== undefined ? { currentCPUUtilizationPercentage: current } : {}),
    },
  } as KObject;
}

/** An autoscaling/v1 body as the v2 object it is stored as. */
export function hpaFromV1(obj: KObject): KObject {
  if (!obj || typeof obj !== 'object') return obj;
  const spec = (obj.spec ?? {}) as Obj;
  const annotations: Record<string, string> = { ...(obj.metadata?.annotations ?? {}) };
  let behavior: unknown;
  if (annotations[BEHAVIOR]) {
    try {
      behavior = JSON.parse(annotations[BEHAVIOR]);
    } catch {
      behavior = undefined;
    }
  }
  delete annotations[BEHAVIOR];
  delete annotations[CONDITIONS];
  const { targetCPUUtilizationPercentage: target, ...rest } = spec;
  const st = (obj.status ?? {}) as Obj;
  return {
    ...obj,
    apiVersion: 'autoscaling/v2',
    metadata: { ...(obj.metadata ?? {}), ...(Object.keys(annotations).length ? { annotations } : { annotations: undefined }) },
    spec: {
      ...rest,
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: target ?? DEFAULT_CPU_UTILIZATION } } }],
      ...(behavior ? { behavior } : {}),
    },
    ...(obj.status
      ? {
          status: {
            ...(st.observedGeneration !== undefined ? { observedGeneration: st.observedGeneration } : {}),
            ...(st.lastScaleTime ? { lastScaleTime: st.lastScaleTime } : {}),
            currentReplicas: st.currentReplicas ?? 0,
            desiredReplicas: st.desiredReplicas ?? 0,
            currentMetrics: st.currentCPUUtilizationPercentage !== undefined ? [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: st.currentCPUUtilizationPercentage } } }] : null,
          },
        }
      : {}),
  } as KObject;
}
