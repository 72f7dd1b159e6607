import { resource, type KindDefinition } from './kind.js';
import { validateReplicaSet } from '../api/validation-apps.js';
import { replicaSetStrategy } from '../registry/strategies.js';
import { REPLICASET_COLUMNS, printReplicaSet } from '../printers/columns.js';

export const replicaSet: KindDefinition = {
  resource: resource({
    group: 'apps', version: 'v1', kind: 'ReplicaSet', plural: 'replicasets', shortNames: ['rs'], categories: ['all'],
    subresources: ['status', 'scale'],
  }),
  validate: validateReplicaSet,
  strategy: replicaSetStrategy,
  printer: { columns: REPLICASET_COLUMNS, row: printReplicaSet },
  describer: async () => (await import('../printers/describe-apps.js')).describeReplicaSetWithContext,
};
