// PersistentVolume, PersistentVolumeClaim (v1) and StorageClass (storage.k8s.io/v1): the apiserver's
// defaults (reclaim policy, volume mode, binding mode, the protection finalizers) and validation with its
// messages (ValidatePersistentVolume, ValidatePersistentVolumeClaim, ValidateStorageClass), the parts a
// local cluster meets. Pure.
import type { KObject } from './types.js';
import { type FieldError, child, forbidden, invalid, notSupported, required } from './field-errors.js';
import { quantityError, tryParseQuantity } from './quantity.js';
import { validateLabelSelectorSpec } from './validation.js';

type Obj = Record<string, any>;

export const ACCESS_MODES = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'] as const;
const VOLUME_MODES = ['Block', 'Filesystem'];
const RECLAIM = ['Delete', 'Recycle', 'Retain'];
export const PVC_PROTECTION = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION = 'kubernetes.io/pv-protection';
export const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
/** The volume sources a PersistentVolume may name that kbx can mount. */
const PV_SOURCES = ['hostPath', 'local'];
const ALL_PV_SOURCES = ['hostPath', 'local', 'nfs', 'csi', 'iscsi', 'fc', 'awsElasticBlockStore', 'gcePersistentDisk', 'azureDisk', 'azureFile', 'cephfs', 'rbd', 'cinder', 'flexVolume', 'glusterfs', 'portworxVolume', 'photonPersistentDisk', 'quobyte', 'scaleIO', 'storageos', 'vsphereVolume', 'flocker'];

const finalize = (o: KObject, f: string) => {
  const list = o.metadata.finalizers ?? [];
  if (!list.includes(f)) o.metadata.finalizers = [...list, f];
};

export function defaultPersistentVolume(o: KObject, create: boolean): void {
  const spec = ((o as Obj).spec ??= {}) as Obj;
  spec.persistentVolumeReclaimPolicy ??= 'Retain';
  spec.volumeMode ??= 'Filesystem';
  if (spec.hostPath && spec.hostPath.type === undefined) spec.hostPath.type = '';
  if (create) {
    finalize(o, PV_PROTECTION);
    (o as Obj).status = { phase: 'Pending' };
  }
}

export function defaultPersistentVolumeClaim(o: KObject, create: boolean): void {
  const spec = ((o as Obj).spec ??= {}) as Obj;
  spec.volumeMode ??= 'Filesystem';
  if (create) {
    finalize(o, PVC_PROTECTION);
    (o as Obj).status = { phase: 'Pending' };
  }
}

export function defaultStorageClass(o: KObject): void {
  const sc = o as Obj;
  sc.reclaimPolicy ??= 'Delete';
  sc.volumeBindingMode ??= 'Immediate';
}

function accessModes(modes: unknown, path: string, pv: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const list = Array.isArray(modes) ? (modes as string[]) : [];
  if (!list.length) errs.push(required(path, 'at least 1 access mode is required'));
  for (const m of list) if (!(ACCESS_MODES as readonly string[]).includes(m)) errs.push(notSupported(path, m, ACCESS_MODES));
  if (list.includes('ReadWriteOncePod') && list.length > 1) errs.push(forbidden(path, `may not use ReadWriteOncePod with other access modes`));
  void pv;
  return errs;
}

function storageQuantity(v: unknown, path: string): FieldError[] {
  if (v === undefined || v === null || v === '') return [required(path, '')];
  const e = quantityError(v as string);
  if (e) return [invalid(path, v, e)];
  const q = tryParseQuantity(v as string);
  if (q && q.unscaled <= 0n) return [invalid(path, v, 'must be greater than zero')];
  return [];
}

export function validatePersistentVolume(o: KObject): FieldError[] {
  const spec = ((o as Obj).spec ?? {}) as Obj;
  const errs: FieldError[] = [...accessModes(spec.accessModes, 'spec.accessModes', true)];
  errs.push(...storageQuantity(spec.capacity?.storage, 'spec.capacity'));
  if (spec.capacity && Object.keys(spec.capacity).some((k) => k !== 'storage')) errs.push(notSupported('spec.capacity', Object.keys(spec.capacity).find((k) => k !== 'storage'), ['storage']));
  if (!RECLAIM.includes(spec.persistentVolumeReclaimPolicy)) errs.push(notSupported('spec.persistentVolumeReclaimPolicy', spec.persistentVolumeReclaimPolicy, RECLAIM));
  if (!VOLUME_MODES.includes(spec.volumeMode)) errs.push(notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  else if (spec.volumeMode === 'Block') errs.push(notSupported('spec.volumeMode', 'Block', ['Filesystem']));
  const sources = ALL_PV_SOURCES.filter((k) => spec[k]);
  if (!sources.length) errs.push(required('spec', 'must specify a volume type'));
  else if (sources.length > 1) errs.push(forbidden(`spec.${sources[1]}`, 'may not specify more than 1 volume type'));
  else if (!PV_SOURCES.includes(sources[0]!)) errs.push(notSupported(`spec.${sources[0]}`, sources[0], PV_SOURCES.map((s) => `${s} (kbx mounts only these)`)));
  if (spec.hostPath && !spec.hostPath.path) errs.push(required('spec.hostPath.path', ''));
  if (spec.local && !spec.local.path) errs.push(required('spec.local.path', ''));
  if (spec.persistentVolumeReclaimPolicy === 'Recycle') errs.push(notSupported('spec.persistentVolumeReclaimPolicy', 'Recycle', ['Delete', 'Retain']));
  return errs;
}

export function validatePersistentVolumeClaim(o: KObject): FieldError[] {
  const spec = ((o as Obj).spec ?? {}) as Obj;
  const errs: FieldError[] = [...accessModes(spec.accessModes, 'spec.accessModes', false)];
  errs.push(...storageQuantity(spec.resources?.requests?.storage, child('spec', 'resources', 'requests', 'storage')));
  if (!VOLUME_MODES.includes(spec.volumeMode)) errs.push(notSupported('spec.volumeMode', spec.volumeMode, VOLUME_MODES));
  else if (spec.volumeMode === 'Block') errs.push(notSupported('spec.volumeMode', 'Block', ['Filesystem']));
  if (spec.selector) errs.push(...validateLabelSelectorSpec(spec.selector, 'spec.selector'));
  if (spec.dataSource || spec.dataSourceRef) errs.push(forbidden(spec.dataSource ? 'spec.dataSource' : 'spec.dataSourceRef', 'kbx does not populate volumes from a data source'));
  return errs;
}

/** ValidatePersistentVolumeClaimUpdate: the spec is immutable but for a larger request (and a first volumeName). */
export function validatePersistentVolumeClaimUpdate(o: KObject, old: KObject): FieldError[] {
  const a = structuredClone(((o as Obj).spec ?? {}) as Obj);
  const b = structuredClone(((old as Obj).spec ?? {}) as Obj);
  if (!b.volumeName) delete a.volumeName, delete b.volumeName;
  if (b.storageClassName === undefined) delete a.storageClassName, delete b.storageClassName;
  delete a.resources;
  delete b.resources;
  if (JSON.stringify(a) !== JSON.stringify(b)) {
    return [forbidden('spec', 'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims')];
  }
  return [];
}

export function validateStorageClass(o: KObject): FieldError[] {
  const sc = o as Obj;
  const errs: FieldError[] = [];
  if (!sc.provisioner) errs.push(required('provisioner', ''));
  if (!['Delete', 'Retain'].includes(sc.reclaimPolicy)) errs.push(notSupported('reclaimPolicy', sc.reclaimPolicy, ['Delete', 'Retain']));
  if (!['Immediate', 'WaitForFirstConsumer'].includes(sc.volumeBindingMode)) errs.push(notSupported('volumeBindingMode', sc.volumeBindingMode, ['Immediate', 'WaitForFirstConsumer']));
  return errs;
}

export function validateStorageClassUpdate(o: KObject, old: KObject): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['parameters', 'provisioner', 'reclaimPolicy', 'volumeBindingMode']) {
    if (JSON.stringify((o as Obj)[f]) !== JSON.stringify((old as Obj)[f])) errs.push(forbidden(f, `updates to ${f} are forbidden.`));
  }
  return errs;
}

/** GetAccessModesAsString: RWO,ROX,RWX,RWOP in that order. */
export function accessModesString(modes: string[] | undefined): string {
  const short: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };
  const set = new Set(modes ?? []);
  return ACCESS_MODES.filter((m) => set.has(m)).map((m) => short[m]).join(',');
}

/** A claim's or volume's class: spec.storageClassName, else the beta annotation. */
export function storageClassOf(o: KObject): string {
  const s = ((o as Obj).spec ?? {}).storageClassName;
  if (typeof s === 'string') return s;
  return o.metadata.annotations?.['volume.beta.kubernetes.io/storage-class'] ?? '';
}

export function isDefaultClass(sc: KObject): boolean {
  const a = sc.metadata.annotations ?? {};
  return a[DEFAULT_CLASS_ANNOTATION] === 'true' || a['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}
