import { resource, type KindDefinition } from './kind.js';
import { validateReplicaSet } from '../api/validation-apps.js';
import { replicaSetStrategy } from '../registry/strategies.js';
import { REPLICASET_COLUMNS, printReplicaSet } from '../printers/columns.js';
import { dangerousTemplateFields } from '../api/pod-limits.js';

export const replicaSet: KindDefinition = {
  resource: resource({
    group: 'apps', version: 'v1', kind: 'ReplicaSet', plural: 'replicasets', shortNames: ['rs'], categories: ['all'],
    subresources: ['status', 'scale'],
  }),
  validate: validateReplicaSet,
  // Pod templates that hand the pods this machine (api/pod-limits.ts), announced as the Pod kind announces them.
  warnings: (obj) => dangerousTemplateFields(obj),
  strategy: replicaSetStrategy,
  printer: { columns: REPLICASET_COLUMNS, row: printReplicaSet },
  describer: async () => (await import('../printers/describe-apps.js')).describeReplicaSetWithContext,
};
