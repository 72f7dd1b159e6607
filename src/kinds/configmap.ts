import { resource, type KindDefinition } from './kind.js';
import { validateConfigMap } from '../api/validation-config.js';
import { configMapStrategy } from '../registry/config-strategies.js';
import { CONFIGMAP_PRINTER } from '../printers/columns-config.js';

export const configMap: KindDefinition = {
  resource: resource({ group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', shortNames: ['cm'] }),
  validate: (obj) => validateConfigMap(obj),
  strategy: configMapStrategy,
  printer: CONFIGMAP_PRINTER,
  describer: async () => (await import('../printers/describe-config.js')).describeConfigMap,
};
