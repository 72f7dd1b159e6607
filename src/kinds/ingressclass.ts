import { resource, type KindDefinition } from './kind.js';
import { defaultIngressClass, validateIngressClass, validateIngressClassUpdate } from '../api/validation-networking.js';
import { INGRESSCLASS_PRINTER } from '../printers/columns-networking.js';

export const ingressClass: KindDefinition = {
  resource: resource({ group: 'networking.k8s.io', version: 'v1', kind: 'IngressClass', plural: 'ingressclasses', namespaced: false }),
  validate: (obj) => validateIngressClass(obj),
  strategy: {
    hasStatus: false,
    prepareForCreate: (obj) => defaultIngressClass(obj),
    prepareForUpdate: (obj) => defaultIngressClass(obj),
    validateUpdate: validateIngressClassUpdate,
  },
  printer: INGRESSCLASS_PRINTER,
  describer: async () => (await import('../printers/describe-networking.js')).describeIngressClass,
};
