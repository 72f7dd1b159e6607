import { resource, type KindDefinition } from './kind.js';
import { defaultPersistentVolumeClaim, validatePersistentVolumeClaim, validatePersistentVolumeClaimUpdate } from '../api/validation-storage.js';
import { PVC_PRINTER } from '../printers/columns-storage.js';

/** v1 PersistentVolumeClaim: Filesystem by default, the pvc-protection finalizer, phase Pending until bound; the spec immutable but for its request. */
export const persistentVolumeClaim: KindDefinition = {
  resource: resource({ group: '', version: 'v1', kind: 'PersistentVolumeClaim', plural: 'persistentvolumeclaims', shortNames: ['pvc'], subresources: ['status'] }),
  validate: (obj) => validatePersistentVolumeClaim(obj),
  strategy: {
    hasStatus: true,
    prepareForCreate: (obj) => defaultPersistentVolumeClaim(obj, true),
    prepareForUpdate: (obj) => defaultPersistentVolumeClaim(obj, false),
    validateUpdate: validatePersistentVolumeClaimUpdate,
  },
  printer: PVC_PRINTER,
  describer: async () => (await import('../printers/describe-storage.js')).describePersistentVolumeClaim,
};
