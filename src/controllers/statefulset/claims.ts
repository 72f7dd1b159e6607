// The StatefulSet's claims as pure functions (pkg/controller/statefulset/stateful_set_utils.go
// getPersistentVolumeClaimName, getPersistentVolumeClaims, updateStorage, updateClaimOwnerRefForSetAndPod,
// isClaimOwnerUpToDate): each volumeClaimTemplate gives pod `<set>-<n>` the claim `<template>-<set>-<n>`,
// mounted as the template's volume; persistentVolumeClaimRetentionPolicy decides the claim's owners.
import type { KObject, OwnerReference, Pod } from '../../api/types.js';

type Obj = Record<string, any>;

/** getPersistentVolumeClaimName: `data` of `web` ordinal 0 → `data-web-0`. */
export const claimName = (set: KObject, template: string, ordinal: number): string => `${template}-${set.metadata.name}-${ordinal}`;

const templates = (set: KObject): Obj[] => (set.spec?.volumeClaimTemplates ?? []) as Obj[];

/** getPersistentVolumeClaims: the claims of ordinal n, labelled with the template's labels and the set's matchLabels. */
export function claimsForOrdinal(set: KObject, ordinal: number): KObject[] {
  const match = (set.spec?.selector?.matchLabels ?? {}) as Record<string, string>;
  return templates(set).map((t) => {
    const meta = structuredClone(t.metadata ?? {}) as Obj;
    delete meta.namespace;
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { ...meta, name: claimName(set, meta.name, ordinal), namespace: set.metadata.namespace, labels: { ...(meta.labels ?? {}), ...match } },
      spec: structuredClone(t.spec ?? {}),
    } as KObject;
  });
}

/** updateStorage: one persistentVolumeClaim volume per template (in template order), replacing a pod volume of the same name. */
export function withClaimVolumes(set: KObject, podSpec: Obj, ordinal: number): Obj {
  const names = templates(set).map((t) => t.metadata?.name as string);
  if (!names.length) return podSpec;
  const claimVolumes = names.map((n) => ({ name: n, persistentVolumeClaim: { claimName: claimName(set, n, ordinal) } }));
  const rest = ((podSpec.volumes ?? []) as Obj[]).filter((v) => !names.includes(v.name));
  return { ...podSpec, volumes: [...claimVolumes, ...rest] };
}

/** A non-controller reference, as setOwnerRef writes it. */
const refTo = (o: KObject): OwnerReference => ({ apiVersion: o.apiVersion ?? 'v1', kind: o.kind!, name: o.metadata.name!, uid: o.metadata.uid! });

/**
 * updateClaimOwnerRefForSetAndPod: whenDeleted=Delete → the set owns the claim; whenScaled=Delete and
 * the pod's ordinal outside [start, start+replicas) → the pod alone owns it; Retain removes that owner.
 * Other owners are kept. Returns the claim's ownerReferences as they should be.
 */
export function desiredClaimOwners(set: KObject, claim: KObject, pod: Pod | undefined, condemned: boolean): OwnerReference[] {
  const policy = (set.spec?.persistentVolumeClaimRetentionPolicy ?? {}) as Obj;
  const refs = (claim.metadata.ownerReferences ?? []).filter((r) => r.uid !== set.metadata.uid && (!pod || r.uid !== pod.metadata.uid));
  const scaledDown = !!pod && condemned && policy.whenScaled === 'Delete';
  // A scaled-down claim is the pod's alone, so it goes with the pod even while the set lives.
  if (policy.whenDeleted === 'Delete' && !scaledDown) refs.push(refTo(set));
  if (scaledDown) refs.push(refTo({ ...pod, apiVersion: 'v1', kind: 'Pod' }));
  return refs;
}

/** isClaimOwnerUpToDate: the same owners (by uid), order aside. */
export function ownersMatch(a: OwnerReference[] | undefined, b: OwnerReference[]): boolean {
  const x = (a ?? []).map((r) => r.uid).sort();
  const y = b.map((r) => r.uid).sort();
  return x.length === y.length && x.every((u, i) => u === y[i]);
}
