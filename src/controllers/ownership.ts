// What controllers share about ownership: queue keys, selectors, controller references.
import type { KObject, OwnerReference } from '../api/types.js';
import { labelSelectorFromSpec, matchesLabels } from '../api/selectors.js';

/** `namespace/name`, the work-queue key of an object. */
export function objectKey(o: KObject): string {
  return `${o.metadata.namespace}/${o.metadata.name}`;
}

/** The owner's spec.selector matches the object's labels (a nil selector matches nothing). */
export function selects(owner: KObject, o: KObject): boolean {
  try {
    return matchesLabels(labelSelectorFromSpec(owner.spec?.selector ?? null), o.metadata.labels ?? {});
  } catch {
    return false;
  }
}

export function controllerRef(o: KObject): OwnerReference | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller);
}

export function ownerRefTo(o: KObject): OwnerReference {
  return { apiVersion: o.apiVersion!, kind: o.kind!, name: o.metadata.name!, uid: o.metadata.uid!, controller: true, blockOwnerDeletion: true };
}
