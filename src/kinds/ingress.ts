import { resource, type KindDefinition } from './kind.js';
import { admitDefaultIngressClass, validateIngress } from '../api/validation-networking.js';
import { INGRESS_PRINTER } from '../printers/columns-networking.js';

/** networking.k8s.io/v1 Ingress; on create the DefaultIngressClass admission names the default class. */
export const ingress: KindDefinition = {
  resource: resource({ group: 'networking.k8s.io', version: 'v1', kind: 'Ingress', plural: 'ingresses', shortNames: ['ing'], subresources: ['status'] }),
  validate: (obj) => validateIngress(obj),
  strategy: {
    hasStatus: true,
    prepareForCreate(obj, ctx) {
      admitDefaultIngressClass(obj, ctx.list?.('ingressclasses', 'networking.k8s.io') ?? []);
      obj.status = {};
    },
  },
  printer: INGRESS_PRINTER,
  describer: async () => (await import('../printers/describe-networking.js')).describeIngress,
};
