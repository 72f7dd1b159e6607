import { resource, type KindDefinition } from './kind.js';
import { podRules } from '../api/validation.js';
import { podStrategy } from '../registry/strategies.js';
import { dangerousPodFields, unhonouredPodFields } from '../api/pod-limits.js';
import type { Pod } from '../api/types.js';
import { POD_COLUMNS, printPod } from '../printers/columns.js';

export const pod: KindDefinition = {
  resource: resource({
    group: '', version: 'v1', kind: 'Pod', plural: 'pods', shortNames: ['po'], categories: ['all'],
    subresources: ['status', 'log', 'exec', 'portforward', 'attach', 'eviction', 'ephemeralcontainers'],
  }),
  validate: podRules,
  strategy: podStrategy,
  // The API server's warnings for fields that hand the pod this machine, and for fields kbx stores but does not
  // honour (src/api/pod-limits.ts).
  warnings: (obj) => [...dangerousPodFields(obj as Pod), ...unhonouredPodFields(obj as Pod)],
  printer: { columns: POD_COLUMNS, row: printPod },
  describer: async () => {
    const { describePod } = await import('../printers/describe.js');
    return (o, e, c) => describePod(o as never, e, c);
  },
};
