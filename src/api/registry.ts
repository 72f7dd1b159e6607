// The resource registry: kind ↔ plural ↔ group ↔ short names ↔ scope.
// One table serves the apiserver (routing, discovery) and the CLI (resolving `po`, `deploy/x`).

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
  /** kbx stores and serves it, with controllers behind it where needed. */
}

const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export const RESOURCES: ResourceInfo[] = [
  {
    group: '', version: 'v1', kind: 'Pod', plural: 'pods', singular: 'pod', shortNames: ['po'],
    namespaced: true, categories: ['all'], verbs: ALL_VERBS, subresources: ['status', 'log', 'exec', 'portforward', 'attach'],
  },
  {
    group: '', version: 'v1', kind: 'Service', plural: 'services', singular: 'service', shortNames: ['svc'],
    namespaced: true, categories: ['all'], verbs: ALL_VERBS, subresources: ['status'],
  },
  {
    group: '', version: 'v1', kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'],
    namespaced: true, categories: [], verbs: ALL_VERBS, subresources: [],
  },
  {
    group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', singular: 'namespace', shortNames: ['ns'],
    namespaced: false, categories: [], verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'], subresources: ['status'],
  },
  {
    group: '', version: 'v1', kind: 'Event', plural: 'events', singular: 'event', shortNames: ['ev'],
    namespaced: true, categories: [], verbs: ALL_VERBS, subresources: [],
  },
  {
    group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', singular: 'deployment', shortNames: ['deploy'],
    namespaced: true, categories: ['all'], verbs: ALL_VERBS, subresources: ['status', 'scale'],
  },
  {
    group: 'apps', version: 'v1', kind: 'ReplicaSet', plural: 'replicasets', singular: 'replicaset', shortNames: ['rs'],
    namespaced: true, categories: ['all'], verbs: ALL_VERBS, subresources: ['status', 'scale'],
  },
  {
    group: '', version: 'v1', kind: 'Node', plural: 'nodes', singular: 'node', shortNames: ['no'],
    namespaced: false, categories: [], verbs: ['get', 'list', 'watch'], subresources: ['status'],
  },
  {
    group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice', plural: 'endpointslices', singular: 'endpointslice', shortNames: [],
    namespaced: true, categories: [], verbs: ALL_VERBS, subresources: [],
  },
];

export function coreOrGroupApiVersion(r: ResourceInfo): string {
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
