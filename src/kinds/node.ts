import { resource, type KindDefinition } from './kind.js';
import { withStatusStrategy } from '../registry/strategies.js';
import { NODE_COLUMNS, printNode } from '../printers/columns.js';

export const node: KindDefinition = {
  resource: resource({
    group: '', version: 'v1', kind: 'Node', plural: 'nodes', shortNames: ['no'], namespaced: false,
    verbs: ['get', 'list', 'watch'], subresources: ['status'],
  }),
  strategy: withStatusStrategy,
  printer: { columns: NODE_COLUMNS, row: printNode },
  describer: async () => {
    const { describeNode } = await import('../printers/describe.js');
    return (o, e, c) => describeNode(o, e, c);
  },
};
