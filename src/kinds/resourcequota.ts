import { resource, type KindDefinition } from './kind.js';
import type { KObject } from '../api/types.js';
import { validateResourceQuota } from '../api/validation-quota.js';
import { age, ageCol, col, nameCol } from '../printers/columns.js';
import { canonicalQuantity } from '../api/quantity.js';

type Obj = Record<string, any>;

/** v1 ResourceQuota: enforced at admission, status kept by src/controllers/resourcequota.ts. */
export const resourceQuota: KindDefinition = {
  resource: resource({ group: '', version: 'v1', kind: 'ResourceQuota', plural: 'resourcequotas', shortNames: ['quota'], subresources: ['status'] }),
  validate: (o) => validateResourceQuota(o),
  strategy: { hasStatus: true, prepareForCreate: (o: KObject) => void (o.status = {}) },
  printer: {
    columns: [
      nameCol(),
      ageCol(),
      col('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
      col('Limit', 'string', 'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.'),
    ],
    row: (o, now) => {
      const st = ((o as Obj).status ?? {}) as Obj;
      const hard = (st.hard ?? {}) as Record<string, string>;
      const req: string[] = [];
      const lim: string[] = [];
      for (const k of Object.keys(hard).sort()) {
        const cell = `${k}: ${canonicalQuantity(st.used?.[k] ?? 0)}/${canonicalQuantity(hard[k]!)}`;
        (k.startsWith('limits.') ? lim : req).push(cell);
      }
      return { cells: [o.metadata.name ?? '', age(o, now), req.join(', '), lim.join(', ')] };
    },
  },
  describer: async () => (await import('../printers/describe-policy.js')).describeResourceQuota,
};
