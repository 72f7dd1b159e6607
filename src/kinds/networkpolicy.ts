import { resource, type KindDefinition } from './kind.js';
import { defaultNetworkPolicy, NETWORK_POLICY_WARNING, validateNetworkPolicy } from '../api/validation-networking.js';
import { NETWORKPOLICY_PRINTER } from '../printers/columns-networking.js';

/** networking.k8s.io/v1 NetworkPolicy: stored, validated and shown; not enforced (every write says so). */
export const networkPolicy: KindDefinition = {
  resource: resource({ group: 'networking.k8s.io', version: 'v1', kind: 'NetworkPolicy', plural: 'networkpolicies', shortNames: ['netpol'] }),
  validate: (obj) => validateNetworkPolicy(obj),
  strategy: { hasStatus: false, prepareForCreate: (obj) => defaultNetworkPolicy(obj), prepareForUpdate: (obj) => defaultNetworkPolicy(obj) },
  warnings: () => [NETWORK_POLICY_WARNING],
  printer: NETWORKPOLICY_PRINTER,
  describer: async () => (await import('../printers/describe-networking.js')).describeNetworkPolicy,
};
