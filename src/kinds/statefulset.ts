import { resource, type KindDefinition } from './kind.js';
import { defaultStatefulSet } from '../api/defaults-apps.js';
import { validateStatefulSet, validateStatefulSetUpdate } from '../api/validation-workloads.js';
import { STATEFULSET_COLUMNS, printStatefulSet } from '../printers/columns-workloads.js';
import { dangerousTemplateFields } from '../api/pod-limits.js';

/** apps/v1 StatefulSet (pkg/registry/apps/statefulset/strategy.go): defaults, an empty status, the update rules. */
export const statefulSet: KindDefinition = {
  resource: resource({
    group: 'apps', version: 'v1', kind: 'StatefulSet', plural: 'statefulsets', shortNames: ['sts'], categories: ['all'],
    subresources: ['status', 'scale'],
  }),
  validate: validateStatefulSet,
  // Pod templates that hand the pods this machine (api/pod-limits.ts), announced as the Pod kind announces them.
  warnings: (obj) => dangerousTemplateFields(obj),
  strategy: {
    hasStatus: true,
    prepareForCreate(obj) {
      Object.assign(obj, defaultStatefulSet(obj));
      obj.status = { replicas: 0, availableReplicas: 0 };
    },
    prepareForUpdate(obj) {
      Object.assign(obj, defaultStatefulSet(obj));
    },
    validateUpdate: validateStatefulSetUpdate,
  },
  printer: { columns: STATEFULSET_COLUMNS, row: printStatefulSet },
  describer: async () => (await import('../printers/describe-workloads.js')).describeStatefulSet,
};
