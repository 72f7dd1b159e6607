// The resource table: every kind kbx serves, looked up the ways the apiserver (routing, discovery)
// and the CLI (resolving `po`, `deploy/x`) need. The kinds themselves are declared in src/kinds/.
import { KINDS } from '../kinds/index.js';
import { coreOrGroupApiVersion, type ResourceInfo } from './resource-info.js';

export { ALL_VERBS, coreOrGroupApiVersion, qualifiedResource, qualifiedSingular, type ResourceInfo } from './resource-info.js';

export const RESOURCES: ResourceInfo[] = KINDS.map((k) => k.resource);

/** Resolves what a user types (`po`, `pods`, `Pod`, `deployments.apps`, `deploy`) to a resource. */
export function resolveResource(name: string): ResourceInfo | undefined {
  const n = name.toLowerCase();
  const dot = n.indexOf('.');
  const base = dot >= 0 ? n.slice(0, dot) : n;
  const group = dot >= 0 ? n.slice(dot + 1) : undefined;
  return RESOURCES.find((r) => {
    if (group !== undefined && r.group !== group && !(group === 'v1' && r.group === '')) return false;
    return r.plural === base || r.singular === base || r.shortNames.includes(base) || r.kind.toLowerCase() === base;
  });
}

export function resourceByKind(apiVersion: string | undefined, kind: string | undefined): ResourceInfo | undefined {
  if (!kind) return undefined;
  return RESOURCES.find((r) => r.kind === kind && (!apiVersion || coreOrGroupApiVersion(r) === apiVersion));
}

export function resourceByPlural(group: string, plural: string): ResourceInfo | undefined {
  return RESOURCES.find((r) => r.group === group && r.plural === plural);
}
