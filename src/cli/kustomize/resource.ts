// One resource as kustomize carries it through a build: the object, the names it had before
// prefixes, suffixes and namespaces changed it (name references are fixed against those at the
// end), and whether it was generated (generated ConfigMaps/Secrets get a content-hash suffix).
import type { KObject } from '../../api/types.js';
import { CLUSTER_SCOPED_KINDS } from './builtin-specs.js';
import { gvkOf } from './fieldspec.js';

export interface Resource {
  obj: KObject;
  /** Every (name, namespace) the object has had, oldest first; the current one is not included. */
  previous: Array<{ name: string; namespace: string }>;
  /** Set on generator output: append the hash at the end of the build. */
  hashSuffix?: boolean;
  /** Generator behavior, for merging into an earlier resource of the same id. */
  behavior?: 'create' | 'merge' | 'replace';
}

export function nameOf(r: Resource): string {
  return r.obj.metadata?.name ?? '';
}

export function namespaceOf(r: Resource): string {
  return isClusterScoped(r.obj) ? '' : (r.obj.metadata?.namespace ?? '');
}

export function isClusterScoped(o: KObject): boolean {
  return CLUSTER_SCOPED_KINDS.has(o.kind ?? '');
}

/** Remembers the current name and namespace before a transformer changes them. */
export function rememberId(r: Resource): void {
  const id = { name: nameOf(r), namespace: namespaceOf(r) };
  const last = r.previous[r.previous.length - 1];
  if (!last || last.name !== id.name || last.namespace !== id.namespace) r.previous.push(id);
}

/** The resource's original id (the first it had). */
export function originalId(r: Resource): { name: string; namespace: string } {
  return r.previous[0] ?? { name: nameOf(r), namespace: namespaceOf(r) };
}

/** kustomize's ResId string, as in its messages: `Deployment.v1.apps/web.default`, `ConfigMap.v1.[noGrp]/a.[noNs]`. */
export function idString(o: KObject): string {
  const g = gvkOf(o);
  const ns = isClusterScoped(o) ? '' : (o.metadata?.namespace ?? '');
  return `${g.kind}.${g.version}.${g.group || '[noGrp]'}/${o.metadata?.name ?? ''}.${ns || '[noNs]'}`;
}

/** Same kind (group and kind), name and namespace: the same resource for kustomize. */
export function sameId(a: KObject, b: KObject): boolean {
  const ga = gvkOf(a);
  const gb = gvkOf(b);
  return ga.group === gb.group && ga.kind === gb.kind && (a.metadata?.name ?? '') === (b.metadata?.name ?? '') && (isClusterScoped(a) ? '' : (a.metadata?.namespace ?? '')) === (isClusterScoped(b) ? '' : (b.metadata?.namespace ?? ''));
}
