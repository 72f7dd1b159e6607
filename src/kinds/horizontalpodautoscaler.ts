import { resource, type KindDefinition } from './kind.js';
import type { KObject } from '../api/types.js';
import { defaultHPA } from '../api/autoscaling.js';
import { validateHPA } from '../api/validation-autoscaling.js';
import { HPA_COLUMNS, printHPA } from '../printers/columns-autoscaling.js';
import { hpaFromV1, hpaToV1 } from '../api/autoscaling-v1.js';

/**
 * autoscaling/v2 HorizontalPodAutoscaler (pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go):
 * defaults on create and update, an empty status on create, the status kept apart from spec writes.
 * autoscaling/v1 is served by conversion (api/autoscaling-v1.ts). The controller is controllers/podautoscaler.
 */
export const horizontalPodAutoscaler: KindDefinition = {
  resource: resource({
    group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler', plural: 'horizontalpodautoscalers',
    shortNames: ['hpa'], categories: ['all'], subresources: ['status'],
  }),
  validate: validateHPA,
  strategy: {
    hasStatus: true,
    prepareForCreate(obj: KObject) {
      defaultHPA(obj as never);
      obj.status = { currentMetrics: null, desiredReplicas: 0 };
    },
    prepareForUpdate(obj: KObject) {
      defaultHPA(obj as never);
    },
  },
  printer: { columns: HPA_COLUMNS, row: printHPA },
  describer: async () => (await import('../printers/describe-autoscaling.js')).describeHPA,
  conversions: { v1: { toVersion: hpaToV1, fromVersion: hpaFromV1 } },
};
