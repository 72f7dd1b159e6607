import { resource, type KindDefinition } from './kind.js';
import { serviceAccountStrategy } from '../registry/config-strategies.js';
import { SERVICEACCOUNT_PRINTER } from '../printers/columns-config.js';

export const serviceAccount: KindDefinition = {
  resource: resource({ group: '', version: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', shortNames: ['sa'], subresources: ['token'] }),
  strategy: serviceAccountStrategy,
  printer: SERVICEACCOUNT_PRINTER,
  describer: async () => (await import('../printers/describe-config.js')).describeServiceAccount,
};
