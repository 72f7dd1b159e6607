// The strategic-merge-patch metadata of the built-in kinds kbx serves, as data. Upstream this
// comes from the Go struct tags `patchStrategy` / `patchMergeKey` in k8s.io/api (and
// apimachinery's ObjectMeta); the entries below are copied from those tags for core/v1, apps/v1
// and batch/v1. Anything not listed is a plain field: objects merge recursively and lists are
// atomic (replaced whole), which is also the upstream default for a field without tags.
//
// Paths are field names from the object root, without list indices: the env of any container of a
// Deployment is `spec.template.spec.containers.env`.

export type PatchStrategy = 'merge' | 'replace';

export interface FieldPatchMeta {
  /** `merge`: lists merge (by mergeKey, or as a set of scalars), objects merge recursively. `replace`: the value is replaced whole. */
  strategy: PatchStrategy;
  /** For lists of objects merged by key: the field that identifies an element. */
  mergeKey?: string;
  /** Whether the table describes this field as a list. */
  isList: boolean;
  /** `patchStrategy:"retainKeys"`: a `$retainKeys` directive clears the keys it does not name (volume sources, deployment strategy). */
  retainKeys?: boolean;
}

type Table = Readonly<Record<string, FieldPatchMeta>>;

const mergeBy = (mergeKey: string, retainKeys = false): FieldPatchMeta =>
  retainKeys ? { strategy: 'merge', mergeKey, isList: true, retainKeys: true } : { strategy: 'merge', mergeKey, isList: true };
const setList: FieldPatchMeta = { strategy: 'merge', isList: true };
const atomicList: FieldPatchMeta = { strategy: 'replace', isList: true };
const retainKeysMap: FieldPatchMeta = { strategy: 'merge', isList: false, retainKeys: true };

/** The default for any field the table does not name. */
const PLAIN: FieldPatchMeta = Object.freeze({ strategy: 'merge', isList: false });

function prefixed(prefix: string, table: Table): Record<string, FieldPatchMeta> {
  const out: Record<string, FieldPatchMeta> = {};
  for (const [k, v] of Object.entries(table)) out[`${prefix}.${k}`] = v;
  return out;
}

// metav1.ObjectMeta
const OBJECT_META: Table = {
  ownerReferences: mergeBy('uid'),
  finalizers: setList,
  managedFields: atomicList,
};

// core/v1 Container and EphemeralContainer (EphemeralContainerCommon carries the same tags).
const CONTAINER: Table = {
  ports: mergeBy('containerPort'),
  env: mergeBy('name'),
  envFrom: atomicList,
  volumeMounts: mergeBy('mountPath'),
  volumeDevices: mergeBy('devicePath'),
  args: atomicList,
  command: atomicList,
  resizePolicy: atomicList,
};

// core/v1 PodSpec
const POD_SPEC: Table = {
  volumes: mergeBy('name', true),
  containers: mergeBy('name'),
  ...prefixed('containers', CONTAINER),
  initContainers: mergeBy('name'),
  ...prefixed('initContainers', CONTAINER),
  ephemeralContainers: mergeBy('name'),
  ...prefixed('ephemeralContainers', CONTAINER),
  imagePullSecrets: mergeBy('name'),
  hostAliases: mergeBy('ip'),
  'hostAliases.hostnames': atomicList,
  tolerations: atomicList,
  topologySpreadConstraints: mergeBy('topologyKey'),
  schedulingGates: mergeBy('name'),
  resourceClaims: mergeBy('name', true),
  readinessGates: atomicList,
};

// core/v1 PodStatus
const POD_STATUS: Table = {
  conditions: mergeBy('type'),
  hostIPs: mergeBy('ip'),
  podIPs: mergeBy('ip'),
  resourceClaimStatuses: mergeBy('name', true),
  containerStatuses: atomicList,
  initContainerStatuses: atomicList,
  ephemeralContainerStatuses: atomicList,
  'containerStatuses.volumeMounts': mergeBy('mountPath'),
  'initContainerStatuses.volumeMounts': mergeBy('mountPath'),
  'ephemeralContainerStatuses.volumeMounts': mergeBy('mountPath'),
  'containerStatuses.allocatedResourcesStatus': mergeBy('name'),
  'initContainerStatuses.allocatedResourcesStatus': mergeBy('name'),
  'ephemeralContainerStatuses.allocatedResourcesStatus': mergeBy('name'),
};

// core/v1 PodTemplateSpec (metadata + PodSpec), embedded by every workload kind.
const POD_TEMPLATE_SPEC: Table = {
  ...prefixed('metadata', OBJECT_META),
  ...prefixed('spec', POD_SPEC),
};

// Status blocks whose only tagged field is `conditions` (merged by `type`).
const CONDITIONS_STATUS: Table = { conditions: mergeBy('type') };

function kind(table: Table): Table {
  return Object.freeze({ ...prefixed('metadata', OBJECT_META), ...table });
}

/**
 * The table itself: Kind → dotted field path → patch metadata. Kinds absent here (and every
 * field absent from a kind) use the plain default, except that `metadata.*` entries apply to
 * every kind because all objects carry ObjectMeta.
 */
export const PATCH_STRATEGY_TABLE: Readonly<Record<string, Table>> = Object.freeze({
  Pod: kind({ ...prefixed('spec', POD_SPEC), ...prefixed('status', POD_STATUS) }),
  PodTemplate: kind(prefixed('template', POD_TEMPLATE_SPEC)),
  ReplicationController: kind({ ...prefixed('spec.template', POD_TEMPLATE_SPEC), ...prefixed('status', CONDITIONS_STATUS) }),
  Deployment: kind({
    ...prefixed('spec.template', POD_TEMPLATE_SPEC),
    'spec.strategy': retainKeysMap,
    ...prefixed('status', CONDITIONS_STATUS),
  }),
  ReplicaSet: kind({ ...prefixed('spec.template', POD_TEMPLATE_SPEC), ...prefixed('status', CONDITIONS_STATUS) }),
  StatefulSet: kind({
    ...prefixed('spec.template', POD_TEMPLATE_SPEC),
    // volumeClaimTemplates are whole PersistentVolumeClaims without tags on the list itself.
    'spec.volumeClaimTemplates': atomicList,
    ...prefixed('status', CONDITIONS_STATUS),
  }),
  DaemonSet: kind({ ...prefixed('spec.template', POD_TEMPLATE_SPEC), ...prefixed('status', CONDITIONS_STATUS) }),
  Job: kind({ ...prefixed('spec.template', POD_TEMPLATE_SPEC), ...prefixed('status', CONDITIONS_STATUS) }),
  CronJob: kind({
    ...prefixed('spec.jobTemplate.metadata', OBJECT_META),
    ...prefixed('spec.jobTemplate.spec.template', POD_TEMPLATE_SPEC),
    'status.active': atomicList,
  }),
  Service: kind({
    'spec.ports': mergeBy('port'),
    'spec.externalIPs': atomicList,
    'spec.clusterIPs': atomicList,
    'spec.ipFamilies': atomicList,
    'spec.loadBalancerSourceRanges': atomicList,
    'status.conditions': mergeBy('type'),
    'status.loadBalancer.ingress': atomicList,
  }),
  Endpoints: kind({ subsets: atomicList }),
  Namespace: kind({
    // NamespaceSpec.finalizers has no patch strategy, unlike metadata.finalizers.
    'spec.finalizers': atomicList,
    'status.conditions': mergeBy('type'),
  }),
  Node: kind({
    'spec.podCIDRs': setList,
    'spec.taints': atomicList,
    'status.conditions': mergeBy('type'),
    'status.addresses': mergeBy('type'),
  }),
  ServiceAccount: kind({ secrets: mergeBy('name'), imagePullSecrets: atomicList }),
  PersistentVolumeClaim: kind({ 'spec.accessModes': atomicList, 'status.conditions': mergeBy('type') }),
});

// Lookups accept the Kind (`Deployment`), its lower-case form, or the plural resource name
// (`deployments`), because callers variously hold one or the other.
const KIND_INDEX: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const k of Object.keys(PATCH_STRATEGY_TABLE)) {
    const lower = k.toLowerCase();
    m.set(k, k);
    m.set(lower, k);
    m.set(lower.endsWith('s') ? `${lower}es` : lower.endsWith('y') ? `${lower.slice(0, -1)}ies` : `${lower}s`, k);
  }
  return m;
})();

/** The table's Kind for `kind`, or undefined for kinds without strategic-merge metadata here. */
export function canonicalKind(kind: string): string | undefined {
  return KIND_INDEX.get(kind) ?? KIND_INDEX.get(kind.toLowerCase());
}

/** Whether kbx has strategic-merge metadata for `kind` (a Kind or plural resource name). */
export function hasPatchMeta(kind: string): boolean {
  return canonicalKind(kind) !== undefined;
}

/**
 * The patch metadata of the field at `path` (field names from the object root, no list indices)
 * in an object of `kind`. Unknown kinds and fields get `{ strategy: 'merge', isList: false }`:
 * an object there merges recursively and a list there is atomic.
 */
export function patchMetaFor(kind: string, path: readonly string[]): FieldPatchMeta {
  const dotted = path.join('.');
  const k = canonicalKind(kind);
  const hit = (k !== undefined ? PATCH_STRATEGY_TABLE[k]![dotted] : undefined) ?? (path[0] === 'metadata' && path.length === 2 ? OBJECT_META[path[1]!] : undefined);
  return hit ?? PLAIN;
}
