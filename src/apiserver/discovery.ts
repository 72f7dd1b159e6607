// Discovery documents: aggregated (apidiscovery.k8s.io/v2, what kubectl 1.35 prefers) and legacy.
import { RESOURCES, type ResourceInfo } from '../api/registry.js';
import { convertedAt, otherVersions } from '../kinds/index.js';

export const AGGREGATED_CONTENT_TYPE = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

export function wantsAggregated(accept: string | undefined): boolean {
  return !!accept && accept.includes('as=APIGroupDiscoveryList') && accept.includes('v=v2');
}

function groups(): Map<string, ResourceInfo[]> {
  const m = new Map<string, ResourceInfo[]>();
  for (const r of RESOURCES) {
    const list = m.get(r.group) ?? [];
    list.push(r);
    m.set(r.group, list);
  }
  return m;
}

/** The versions a group serves, the stored (preferred) one first, then those served by conversion, newest first. */
function groupVersions(resources: ResourceInfo[]): string[] {
  const others = new Set<string>();
  for (const r of resources) for (const v of otherVersions(r)) others.add(v);
  return [resources[0]!.version, ...[...others].sort().reverse()];
}

/** The resources of a group at a version: stored there, or served there by conversion. */
function resourcesAt(group: string, version: string): ResourceInfo[] {
  const stored = RESOURCES.filter((r) => r.group === group && r.version === version);
  return [...stored, ...convertedAt(group, version).map((c) => ({ ...c.info, version }))];
}

function aggregatedResource(r: ResourceInfo) {
  return {
    resource: r.plural,
    responseKind: { group: r.group, version: r.version, kind: r.kind },
    scope: r.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: r.singular,
    verbs: r.verbs,
    ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
    ...(r.categories.length ? { categories: r.categories } : {}),
    ...(r.subresources.length
      ? {
          subresources: r.subresources.map((s) => ({
            subresource: s,
            responseKind:
              s === 'scale'
                ? { group: 'autoscaling', version: 'v1', kind: 'Scale' }
                : s === 'status' || s === 'ephemeralcontainers'
                  ? { group: r.group, version: r.version, kind: r.kind }
                  : s === 'token'
                    ? { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' }
                    : s === 'eviction'
                      ? { group: 'policy', version: 'v1', kind: 'Eviction' }
                      : { group: '', version: 'v1', kind: s === 'log' ? 'Pod' : 'Status' },
            verbs: s === 'status' || s === 'scale' ? ['get', 'patch', 'update'] : s === 'log' ? ['get'] : s === 'token' || s === 'eviction' ? ['create'] : ['create', 'get'],
          })),
        }
      : {}),
  };
}

/** GET /api (core) or /apis (named groups), aggregated form. */
export function aggregatedDiscovery(core: boolean) {
  const items = [];
  for (const [group, resources] of groups()) {
    if ((group === '') !== core) continue;
    items.push({
      metadata: group ? { name: group, creationTimestamp: null } : { creationTimestamp: null },
      versions: groupVersions(resources).map((version) => ({ version, resources: resourcesAt(group, version).map(aggregatedResource), freshness: 'Current' })),
    });
  }
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}

export function legacyApiVersions() {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '127.0.0.1' }] };
}

export function legacyApiGroupList() {
  const list = [];
  for (const [group, resources] of groups()) {
    if (!group) continue;
    const gvs = groupVersions(resources).map((version) => ({ groupVersion: `${group}/${version}`, version }));
    list.push({ name: group, versions: gvs, preferredVersion: gvs[0] });
  }
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: list };
}

/** GET /api/v1 or /apis/{group}/{version}. */
export function apiResourceList(group: string, version: string) {
  const resources = [];
  for (const r of resourcesAt(group, version)) {
    resources.push({
      name: r.plural,
      singularName: r.singular,
      namespaced: r.namespaced,
      kind: r.kind,
      verbs: r.verbs,
      ...(r.shortNames.length ? { shortNames: r.shortNames } : {}),
      ...(r.categories.length ? { categories: r.categories } : {}),
    });
    for (const s of r.subresources) {
      if (s === 'token') resources.push({ name: `${r.plural}/${s}`, singularName: '', namespaced: r.namespaced, group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest', verbs: ['create'] });
      // kubectl drain looks for this entry (CheckEvictionSupport) before it evicts rather than deletes.
      else if (s === 'eviction') resources.push({ name: `${r.plural}/${s}`, singularName: '', namespaced: r.namespaced, group: 'policy', version: 'v1', kind: 'Eviction', verbs: ['create'] });
      else if (s === 'ephemeralcontainers') resources.push({ name: `${r.plural}/${s}`, singularName: '', namespaced: r.namespaced, kind: r.kind, verbs: ['get', 'patch', 'update'] });
      else resources.push({ name: `${r.plural}/${s}`, singularName: '', namespaced: r.namespaced, kind: s === 'scale' ? 'Scale' : r.kind, verbs: ['get'] });
    }
  }
  if (!resources.length) return undefined;
  return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: group ? `${group}/${version}` : version, resources };
}
