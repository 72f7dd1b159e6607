// Name references (api/filters/nameref): after prefixes, suffixes and hashes renamed resources,
// every field that named one of them by an earlier name is set to its current name — a Deployment's
// configMapRef, a RoleBinding's roleRef and subjects, an Ingress backend's service.
import { applyFieldSpecs, gvkSelected } from './fieldspec.js';
import { NAME_REFERENCES } from './builtin-specs.js';
import { isClusterScoped, nameOf, namespaceOf, type Resource } from './resource.js';

type Obj = Record<string, unknown>;

/** The referral a name in `referrer` means: a resource of `kind` that had that name, preferring the referrer's namespace. */
function findReferral(resources: Resource[], kind: { kind: string; group?: string }, oldName: string, referrer: Resource, namespace?: string): Resource | undefined {
  const candidates = resources.filter(
    (r) => gvkSelected(r.obj, kind) && (r.previous.some((p) => p.name === oldName) || (r.previous.length === 0 && nameOf(r) === oldName)),
  );
  if (candidates.length <= 1) return candidates[0];
  const ns = namespace ?? namespaceOf(referrer);
  const sameNs = candidates.filter((c) => isClusterScoped(c.obj) || namespaceOf(c) === ns || c.previous.some((p) => p.name === oldName && p.namespace === ns));
  return sameNs.length === 1 ? sameNs[0] : undefined;
}

export function fixNameReferences(resources: Resource[]): void {
  for (const ref of NAME_REFERENCES) {
    for (const referrer of resources) {
      applyFieldSpecs(referrer.obj, ref.referrers, (parent, key) => {
        const v = parent[key];
        if (typeof v === 'string') {
          const target = findReferral(resources, ref, v, referrer);
          if (target && target !== referrer) parent[key] = nameOf(target);
          return;
        }
        if (Array.isArray(v)) {
          // subjects: [{kind, name, namespace}] — only entries of the referral's kind.
          for (const s of v as Obj[]) {
            if (!s || typeof s !== 'object' || s.kind !== ref.kind || typeof s.name !== 'string') continue;
            const target = findReferral(resources, ref, s.name, referrer, typeof s.namespace === 'string' ? s.namespace : undefined);
            if (!target) continue;
            s.name = nameOf(target);
            if (!isClusterScoped(target.obj) && namespaceOf(target)) s.namespace = namespaceOf(target);
          }
        }
      });
    }
  }
}
