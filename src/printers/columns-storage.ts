// Server-side Table columns of PersistentVolumes, PersistentVolumeClaims and StorageClasses (printers.go
// printPersistentVolume, printPersistentVolumeClaim, printStorageClass).
import type { KObject, TableColumnDefinition } from '../api/types.js';
import { age, ageCol, col, nameCol, type KindPrinter } from './columns.js';
import { accessModesString, isDefaultClass, storageClassOf } from '../api/validation-storage.js';
import { canonicalQuantity } from '../api/quantity.js';

type Obj = Record<string, any>;
const q = (v: unknown) => (v === undefined || v === null || v === '' ? '0' : canonicalQuantity(v as string));

export const PV_PRINTER: KindPrinter = {
  columns: [
    nameCol(),
    col('Capacity', 'string', 'capacity is the description of the persistent volume\'s resources and capacity.'),
    col('Access Modes', 'string', 'accessModes contains all ways the volume can be mounted.'),
    col('Reclaim Policy', 'string', 'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.'),
    col('Status', 'string', 'phase indicates if a volume is available, bound to a claim, or released by a claim.'),
    col('Claim', 'string', 'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.'),
    col('StorageClass', 'string', 'storageClassName is the name of StorageClass to which this persistent volume belongs.'),
    col('VolumeAttributesClass', 'string', 'Name of VolumeAttributesClass to which this persistent volume belongs.'),
    col('Reason', 'string', 'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.'),
    ageCol(),
    col('VolumeMode', 'string', 'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.', 1),
  ],
  row: (o, now) => {
    const spec = ((o as Obj).spec ?? {}) as Obj;
    const ref = spec.claimRef as Obj | undefined;
    const phase = o.metadata.deletionTimestamp ? 'Terminating' : ((o as Obj).status?.phase ?? '');
    return {
      cells: [
        o.metadata.name, q(spec.capacity?.storage), accessModesString(spec.accessModes), spec.persistentVolumeReclaimPolicy ?? '', phase,
        ref ? `${ref.namespace}/${ref.name}` : '', storageClassOf(o), spec.volumeAttributesClassName || '<unset>', (o as Obj).status?.reason ?? '', age(o, now), spec.volumeMode ?? '<unset>',
      ],
    };
  },
};

export const PVC_PRINTER: KindPrinter = {
  columns: [
    nameCol(),
    col('Status', 'string', 'phase represents the current phase of PersistentVolumeClaim.'),
    col('Volume', 'string', 'volumeName is the binding reference to the PersistentVolume backing this claim.'),
    col('Capacity', 'string', 'capacity represents the actual resources of the underlying volume.'),
    col('Access Modes', 'string', 'accessModes contains the desired access modes the volume should have.'),
    col('StorageClass', 'string', 'storageClassName is the name of the StorageClass required by the claim.'),
    col('VolumeAttributesClass', 'string', 'volumeAttributesClassName may be used to set the VolumeAttributesClass used by this claim.'),
    ageCol(),
    col('VolumeMode', 'string', 'volumeMode defines what type of volume is required by the claim.', 1),
  ],
  row: (o, now) => {
    const spec = ((o as Obj).spec ?? {}) as Obj;
    const status = ((o as Obj).status ?? {}) as Obj;
    const phase = o.metadata.deletionTimestamp ? 'Terminating' : (status.phase ?? '');
    const bound = !!spec.volumeName;
    return {
      cells: [
        o.metadata.name, phase, spec.volumeName ?? '', bound ? q(status.capacity?.storage) : '', bound ? accessModesString(status.accessModes) : '',
        storageClassOf(o), spec.volumeAttributesClassName || '<unset>', age(o, now), spec.volumeMode ?? '<unset>',
      ],
    };
  },
};

export const STORAGECLASS_PRINTER: KindPrinter = {
  columns: [
    nameCol(),
    col('Provisioner', 'string', 'provisioner indicates the type of the provisioner.'),
    col('ReclaimPolicy', 'string', 'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class.'),
    col('VolumeBindingMode', 'string', 'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.'),
    col('AllowVolumeExpansion', 'string', 'allowVolumeExpansion shows whether the storage class allow volume expand.'),
    ageCol(),
  ],
  row: (o, now) => {
    const sc = o as Obj;
    const name = isDefaultClass(o) ? `${o.metadata.name} (default)` : o.metadata.name;
    return { cells: [name, sc.provisioner ?? '', sc.reclaimPolicy ?? 'Delete', sc.volumeBindingMode ?? 'Immediate', String(!!sc.allowVolumeExpansion), age(o, now)] };
  },
};
