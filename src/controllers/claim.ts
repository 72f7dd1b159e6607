// ControllerRefManager's claim: the objects an owner controls after adopting matching orphans and
// releasing controlled ones that stopped matching. Shared by the controllers that own pods or revisions.
import type { KObject, OwnerReference } from '../api/types.js';
import type { ResourceInfo } from '../api/resource-info.js';
import { isApiError } from '../api/errors.js';
import type { Registry } from '../registry/registry.js';
import { controllerRef, ownerRefTo, selects } from './ownership.js';

export function claimObjects<T extends KObject>(registry: Registry, info: ResourceInfo, owner: KObject, candidates: readonly T[]): T[] {
  const out: T[] = [];
  for (const o of candidates) {
    const ref = controllerRef(o);
    const matches = selects(owner, o);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (matches || o.metadata.deletionTimestamp) out.push(o);
      else patchOwners(registry, info, o, (refs) => refs.filter((r) => r.uid !== owner.metadata.uid));
      continue;
    }
    if (!matches || o.metadata.deletionTimestamp || owner.metadata.deletionTimestamp) continue;
    const adopted = patchOwners(registry, info, o, (refs) => [...refs, ownerRefTo(owner)]);
    if (adopted) out.push(adopted as T);
  }
  return out;
}

function patchOwners(registry: Registry, info: ResourceInfo, o: KObject, change: (refs: OwnerReference[]) => OwnerReference[]): KObject | undefined {
  try {
    return registry.mutate(info, o.metadata.namespace, o.metadata.name!, (cur) => {
      if (cur.metadata.uid !== o.metadata.uid) return false;
      const refs = change(cur.metadata.ownerReferences ?? []);
      if (refs.length) cur.metadata.ownerReferences = refs;
      else delete cur.metadata.ownerReferences;
    });
  } catch (e) {
    if (!isApiError(e)) throw e;
    return undefined;
  }
}
