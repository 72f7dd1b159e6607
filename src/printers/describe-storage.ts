// `kubectl describe pv|pvc|storageclass` (kubectl v1.35 pkg/describe/describe.go: PersistentVolumeDescriber,
// PersistentVolumeClaimDescriber, StorageClassDescriber).
import type { EventObject, KObject } from '../api/types.js';
import { PrefixWriter, describeVolumeSource, printAnnotationsMultiline, printLabelsMultiline, quantityString, writeEvents, type DescribeContext } from './describe.js';
import { formatLabels } from './columns.js';
import { accessModesString, isDefaultClass, storageClassOf } from '../api/validation-storage.js';

type Obj = Record<string, any>;
const finalizers = (o: KObject) => `[${(o.metadata.finalizers ?? []).join(' ')}]`;

export function describePersistentVolume(pv: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const spec = ((pv as Obj).spec ?? {}) as Obj;
  const status = ((pv as Obj).status ?? {}) as Obj;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${pv.metadata.name ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', pv.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pv.metadata.annotations);
  w.write(0, `Finalizers:\t${finalizers(pv)}\n`);
  w.write(0, `StorageClass:\t${storageClassOf(pv)}\n`);
  w.write(0, `Status:\t${pv.metadata.deletionTimestamp ? 'Terminating' : (status.phase ?? '')}\n`);
  w.write(0, `Claim:\t${spec.claimRef ? `${spec.claimRef.namespace}/${spec.claimRef.name}` : ''}\n`);
  w.write(0, `Reclaim Policy:\t${spec.persistentVolumeReclaimPolicy ?? ''}\n`);
  w.write(0, `Access Modes:\t${accessModesString(spec.accessModes)}\n`);
  if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
  w.write(0, `Capacity:\t${quantityString(spec.capacity?.storage)}\n`);
  w.write(0, `Node Affinity:\t<none>\n`);
  w.write(0, `Message:\t${status.message ?? ''}\n`);
  w.write(0, 'Source:\n');
  if (spec.local) w.write(2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${spec.local.path ?? ''}\n`);
  else describeVolumeSource(w, spec);
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}

export function describePersistentVolumeClaim(pvc: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const spec = ((pvc as Obj).spec ?? {}) as Obj;
  const status = ((pvc as Obj).status ?? {}) as Obj;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${pvc.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${pvc.metadata.namespace ?? ''}\n`);
  w.write(0, `StorageClass:\t${storageClassOf(pvc)}\n`);
  w.write(0, `Status:\t${pvc.metadata.deletionTimestamp ? 'Terminating' : (status.phase ?? '')}\n`);
  w.write(0, `Volume:\t${spec.volumeName ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', pvc.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', pvc.metadata.annotations);
  w.write(0, `Finalizers:\t${finalizers(pvc)}\n`);
  const bound = !!spec.volumeName;
  w.write(0, `Capacity:\t${bound ? quantityString(status.capacity?.storage) : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModesString(status.accessModes) : ''}\n`);
  if (spec.volumeMode) w.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
  const pods = ((ctx.related?.pods ?? []) as KObject[]).map((p) => p.metadata.name!).sort();
  if (!pods.length) w.write(0, 'Used By:\t<none>\n');
  else pods.forEach((n, i) => w.write(0, i === 0 ? `Used By:\t${n}\n` : `\t${n}\n`));
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}

export function describeStorageClass(sc: KObject, events: EventObject[] | undefined, ctx: DescribeContext): string {
  const o = sc as Obj;
  const w = new PrefixWriter();
  w.write(0, `Name:\t${sc.metadata.name ?? ''}\n`);
  w.write(0, `IsDefaultClass:\t${isDefaultClass(sc) ? 'Yes' : 'No'}\n`);
  w.write(0, `Annotations:\t${formatLabels(sc.metadata.annotations)}\n`);
  w.write(0, `Provisioner:\t${o.provisioner ?? ''}\n`);
  w.write(0, `Parameters:\t${formatLabels(o.parameters)}\n`);
  w.write(0, `AllowVolumeExpansion:\t${typeof o.allowVolumeExpansion === 'boolean' ? (o.allowVolumeExpansion ? 'True' : 'False') : '<unset>'}\n`);
  const opts = (o.mountOptions ?? []) as string[];
  if (!opts.length) w.write(0, 'MountOptions:\t<none>\n');
  else {
    w.write(0, 'MountOptions:\n');
    for (const m of opts) w.write(1, `${m}\n`);
  }
  if (o.reclaimPolicy) w.write(0, `ReclaimPolicy:\t${o.reclaimPolicy}\n`);
  if (o.volumeBindingMode) w.write(0, `VolumeBindingMode:\t${o.volumeBindingMode}\n`);
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}
