import { resource, type KindDefinition } from './kind.js';
import { namespaceRules, nameIsDNSLabel } from '../api/validation.js';
import { namespaceStrategy } from '../registry/strategies.js';
import { NAMESPACE_COLUMNS, printNamespace } from '../printers/columns.js';

export const namespace: KindDefinition = {
  resource: resource({
    group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', shortNames: ['ns'], namespaced: false,
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], subresources: ['status'],
  }),
  nameValidator: nameIsDNSLabel,
  validate: (obj) => namespaceRules(obj),
  strategy: namespaceStrategy,
  printer: { columns: NAMESPACE_COLUMNS, row: printNamespace },
  describer: async () => {
    const { describeNamespace } = await import('../printers/describe.js');
    return (o, _e, c) => describeNamespace(o, c);
  },
};
