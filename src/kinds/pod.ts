import { resource, type KindDefinition } from './kind.js';
import { podRules } from '../api/validation.js';
import { podStrategy } from '../registry/strategies.js';
import { POD_COLUMNS, printPod } from '../printers/columns.js';

export const pod: KindDefinition = {
  resource: resource({
    group: '', version: 'v1', kind: 'Pod', plural: 'pods', shortNames: ['po'], categories: ['all'],
    subresources: ['status', 'log', 'exec', 'portforward', 'attach'],
  }),
  validate: podRules,
  strategy: podStrategy,
  printer: { columns: POD_COLUMNS, row: printPod },
  describer: async () => {
    const { describePod } = await import('../printers/describe.js');
    return (o, e, c) => describePod(o as never, e, c);
  },
};
