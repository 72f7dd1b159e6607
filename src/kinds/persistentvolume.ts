import { resource, type KindDefinition } from './kind.js';
import { defaultPersistentVolume, validatePersistentVolume } from '../api/validation-storage.js';
import { PV_PRINTER } from '../printers/columns-storage.js';

/** v1 PersistentVolume: cluster-scoped, Retain and Filesystem by default, the pv-protection finalizer, phase Pending until the binder looks. */
export const persistentVolume: KindDefinition = {
  resource: resource({ group: '', version: 'v1', kind: 'PersistentVolume', plural: 'persistentvolumes', shortNames: ['pv'], namespaced: false, subresources: ['status'] }),
  validate: (obj) => validatePersistentVolume(obj),
  strategy: {
    hasStatus: true,
    prepareForCreate: (obj) => defaultPersistentVolume(obj, true),
    prepareForUpdate: (obj) => defaultPersistentVolume(obj, false),
  },
  printer: PV_PRINTER,
  describer: async () => (await import('../printers/describe-storage.js')).describePersistentVolume,
};
