// What the API knows of a resource: kind ↔ plural ↔ group ↔ short names ↔ scope, and the names
// Kubernetes derives from them. Each kind declares its own in src/kinds/; src/api/registry.ts looks them up.

export interface ResourceInfo {
  group: string; // '' for the core group
  version: string;
  kind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  categories: string[];
  verbs: string[];
  subresources: string[];
}

export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export function coreOrGroupApiVersion(r: Pick<ResourceInfo, 'group' | 'version'>): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

/** `pods` or `deployments.apps`: the name Kubernetes uses in messages. */
export function qualifiedResource(r: ResourceInfo): string {
  return r.group ? `${r.plural}.${r.group}` : r.plural;
}

/** `pod` / `deployment.apps`: the prefix of `-o name` and of success lines. */
export function qualifiedSingular(r: ResourceInfo): string {
  return r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase();
}
