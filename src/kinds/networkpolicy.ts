import { resource, type KindDefinition } from './kind.js';
import { defaultNetworkPolicy, networkPolicyWarnings, validateNetworkPolicy } from '../api/validation-networking.js';
import { NETWORKPOLICY_PRINTER } from '../printers/columns-networking.js';

/** networking.k8s.io/v1 NetworkPolicy: enforced by controllers/networkpolicy (warned only when the data plane is off). */
export const networkPolicy: KindDefinition = {
  resource: resource({ group: 'networking.k8s.io', version: 'v1', kind: 'NetworkPolicy', plural: 'networkpolicies', shortNames: ['netpol'] }),
  validate: (obj) => validateNetworkPolicy(obj),
  strategy: { hasStatus: false, prepareForCreate: (obj) => defaultNetworkPolicy(obj), prepareForUpdate: (obj) => defaultNetworkPolicy(obj) },
  warnings: () => networkPolicyWarnings(),
  printer: NETWORKPOLICY_PRINTER,
  describer: async () => (await import('../printers/describe-networking.js')).describeNetworkPolicy,
};
