import { resource, type KindDefinition } from './kind.js';
import { defaultStorageClass, validateStorageClass, validateStorageClassUpdate } from '../api/validation-storage.js';
import { STORAGECLASS_PRINTER } from '../printers/columns-storage.js';

/** storage.k8s.io/v1 StorageClass: reclaim Delete and binding Immediate by default; provisioner, parameters, policies immutable. */
export const storageClass: KindDefinition = {
  resource: resource({ group: 'storage.k8s.io', version: 'v1', kind: 'StorageClass', plural: 'storageclasses', shortNames: ['sc'], namespaced: false }),
  validate: (obj) => validateStorageClass(obj),
  strategy: {
    hasStatus: false,
    prepareForCreate: (obj) => defaultStorageClass(obj),
    prepareForUpdate: (obj) => defaultStorageClass(obj),
    validateUpdate: validateStorageClassUpdate,
  },
  printer: STORAGECLASS_PRINTER,
  describer: async () => (await import('../printers/describe-storage.js')).describeStorageClass,
};
