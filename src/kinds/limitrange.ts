import { resource, type KindDefinition } from './kind.js';
import type { KObject } from '../api/types.js';
import { defaultLimitRange, validateLimitRange } from '../api/validation-limitrange.js';

/** v1 LimitRange (Name/Created At columns, as kubectl's); enforced by src/admission/limit-ranger.ts. */
export const limitRange: KindDefinition = {
  resource: resource({ group: '', version: 'v1', kind: 'LimitRange', plural: 'limitranges', shortNames: ['limits'] }),
  validate: (o) => validateLimitRange(o),
  strategy: { hasStatus: false, prepareForCreate: (o: KObject) => defaultLimitRange(o), prepareForUpdate: (o: KObject) => defaultLimitRange(o) },
  describer: async () => (await import('../printers/describe-policy.js')).describeLimitRange,
};
