// The field specs kustomize's builtin transformers use (api/internal/konfig/builtinpluginconsts),
// as data: where labels, selectors, annotations, images, replicas and name references live in the
// Kubernetes kinds. Expressed per pod-template location so each reference path is written once.
import type { FieldSpec } from './fieldspec.js';

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_AT: Array<[kind: string, path: string]> = [
  ['Pod', 'spec'],
  ['PodTemplate', 'template/spec'],
  ['Deployment', 'spec/template/spec'],
  ['ReplicaSet', 'spec/template/spec'],
  ['DaemonSet', 'spec/template/spec'],
  ['StatefulSet', 'spec/template/spec'],
  ['Job', 'spec/template/spec'],
  ['CronJob', 'spec/jobTemplate/spec/template/spec'],
];

const TEMPLATED: Array<[kind: string, group?: string]> = [
  ['ReplicationController'],
  ['Deployment'],
  ['ReplicaSet'],
  ['DaemonSet'],
  ['StatefulSet', 'apps'],
  ['Job', 'batch'],
];

// kustomize v5.7 (api v0.20.1, what kubectl 1.35 embeds) counts volumeClaimTemplates among the template labels.
const metadataLabels: FieldSpec[] = [
  { path: 'metadata/labels', create: true },
  ...TEMPLATED.map(([kind, group]): FieldSpec => ({ path: 'spec/template/metadata/labels', create: true, kind, group, ...(kind === 'ReplicationController' ? { version: 'v1' } : {}) })),
  { path: 'spec/volumeClaimTemplates[]/metadata/labels', create: true, group: 'apps', kind: 'StatefulSet' },
  { path: 'spec/jobTemplate/metadata/labels', create: true, group: 'batch', kind: 'CronJob' },
  { path: 'spec/jobTemplate/spec/template/metadata/labels', create: true, group: 'batch', kind: 'CronJob' },
];

const AFFINITY_SELECTORS = [
  'spec/template/spec/affinity/podAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/preferredDuringSchedulingIgnoredDuringExecution/podAffinityTerm/labelSelector/matchLabels',
  'spec/template/spec/affinity/podAntiAffinity/requiredDuringSchedulingIgnoredDuringExecution/labelSelector/matchLabels',
  'spec/template/spec/topologySpreadConstraints/labelSelector/matchLabels',
];

/** commonLabels (and labels with includeSelectors): metadata, templates and selectors. */
export const COMMON_LABELS: FieldSpec[] = [
  { path: 'spec/selector', create: true, version: 'v1', kind: 'Service' },
  { path: 'spec/selector', create: true, version: 'v1', kind: 'ReplicationController' },
  { path: 'spec/selector/matchLabels', create: true, kind: 'Deployment' },
  ...AFFINITY_SELECTORS.map((path): FieldSpec => ({ path, group: 'apps', kind: 'Deployment' })),
  { path: 'spec/selector/matchLabels', create: true, kind: 'ReplicaSet' },
  { path: 'spec/selector/matchLabels', create: true, kind: 'DaemonSet' },
  { path: 'spec/selector/matchLabels', create: true, group: 'apps', kind: 'StatefulSet' },
  ...AFFINITY_SELECTORS.map((path): FieldSpec => ({ path, group: 'apps', kind: 'StatefulSet' })),
  { path: 'spec/selector/matchLabels', group: 'batch', kind: 'Job' },
  { path: 'spec/jobTemplate/spec/selector/matchLabels', group: 'batch', kind: 'CronJob' },
  { path: 'spec/selector/matchLabels', group: 'policy', kind: 'PodDisruptionBudget' },
  { path: 'spec/podSelector/matchLabels', group: 'networking.k8s.io', kind: 'NetworkPolicy' },
  { path: 'spec/ingress/from/podSelector/matchLabels', group: 'networking.k8s.io', kind: 'NetworkPolicy' },
  { path: 'spec/egress/to/podSelector/matchLabels', group: 'networking.k8s.io', kind: 'NetworkPolicy' },
  ...metadataLabels,
];

/** labels with includeTemplates: metadata and pod templates, no selectors. */
export const TEMPLATE_LABELS: FieldSpec[] = metadataLabels;

/** labels without includeSelectors/includeTemplates: metadata only. */
export const METADATA_LABELS: FieldSpec[] = [{ path: 'metadata/labels', create: true }];

export const COMMON_ANNOTATIONS: FieldSpec[] = [
  { path: 'metadata/annotations', create: true },
  ...TEMPLATED.map(([kind]): FieldSpec => ({ path: 'spec/template/metadata/annotations', create: true, kind, ...(kind === 'ReplicationController' ? { version: 'v1' } : {}) })),
  { path: 'spec/jobTemplate/metadata/annotations', create: true, group: 'batch', kind: 'CronJob' },
  { path: 'spec/jobTemplate/spec/template/metadata/annotations', create: true, group: 'batch', kind: 'CronJob' },
];

export const IMAGES: FieldSpec[] = [
  'spec/containers[]/image',
  'spec/initContainers[]/image',
  'spec/template/spec/containers[]/image',
  'spec/template/spec/initContainers[]/image',
].map((path) => ({ path, create: true }));

export const REPLICAS: FieldSpec[] = ['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet'].map((kind) => ({ path: 'spec/replicas', create: true, kind }));

/** A kind whose objects other objects name, and the fields that name them. */
export interface NameReference {
  kind: string;
  group?: string;
  referrers: FieldSpec[];
}

function inPodSpecs(suffixes: string[]): FieldSpec[] {
  const out: FieldSpec[] = [];
  for (const [kind, at] of POD_SPEC_AT) for (const s of suffixes) out.push({ path: `${at}/${s}`, kind });
  return out;
}

export const NAME_REFERENCES: NameReference[] = [
  ...['Deployment', 'ReplicationController', 'ReplicaSet', 'StatefulSet'].map((kind) => ({ kind, referrers: [{ path: 'spec/scaleTargetRef/name', kind: 'HorizontalPodAutoscaler' }] })),
  {
    kind: 'ConfigMap',
    referrers: [
      ...inPodSpecs(['volumes/configMap/name', 'containers/env/valueFrom/configMapKeyRef/name', 'initContainers/env/valueFrom/configMapKeyRef/name', 'containers/envFrom/configMapRef/name', 'initContainers/envFrom/configMapRef/name', 'volumes/projected/sources/configMap/name']),
      { path: 'rules/resourceNames', kind: 'Role' },
      { path: 'rules/resourceNames', kind: 'ClusterRole' },
    ],
  },
  {
    kind: 'Secret',
    referrers: [
      ...inPodSpecs(['volumes/secret/secretName', 'containers/env/valueFrom/secretKeyRef/name', 'initContainers/env/valueFrom/secretKeyRef/name', 'containers/envFrom/secretRef/name', 'initContainers/envFrom/secretRef/name', 'imagePullSecrets/name', 'volumes/projected/sources/secret/name']),
      { path: 'spec/tls/secretName', kind: 'Ingress' },
      { path: 'imagePullSecrets/name', kind: 'ServiceAccount' },
      { path: 'rules/resourceNames', kind: 'Role' },
      { path: 'rules/resourceNames', kind: 'ClusterRole' },
    ],
  },
  {
    kind: 'Service',
    referrers: [
      { path: 'spec/serviceName', kind: 'StatefulSet', group: 'apps' },
      { path: 'spec/rules/http/paths/backend/service/name', kind: 'Ingress' },
      { path: 'spec/defaultBackend/service/name', kind: 'Ingress' },
      { path: 'spec/rules/http/paths/backend/serviceName', kind: 'Ingress' },
      { path: 'spec/backend/serviceName', kind: 'Ingress' },
    ],
  },
  { kind: 'Role', group: 'rbac.authorization.k8s.io', referrers: [{ path: 'roleRef/name', kind: 'RoleBinding', group: 'rbac.authorization.k8s.io' }] },
  {
    kind: 'ClusterRole',
    group: 'rbac.authorization.k8s.io',
    referrers: [
      { path: 'roleRef/name', kind: 'RoleBinding', group: 'rbac.authorization.k8s.io' },
      { path: 'roleRef/name', kind: 'ClusterRoleBinding', group: 'rbac.authorization.k8s.io' },
    ],
  },
  {
    kind: 'ServiceAccount',
    referrers: [
      ...inPodSpecs(['serviceAccountName']),
      { path: 'subjects', kind: 'RoleBinding', group: 'rbac.authorization.k8s.io' },
      { path: 'subjects', kind: 'ClusterRoleBinding', group: 'rbac.authorization.k8s.io' },
    ],
  },
  { kind: 'PersistentVolumeClaim', referrers: inPodSpecs(['volumes/persistentVolumeClaim/claimName']) },
  { kind: 'PersistentVolume', referrers: [{ path: 'spec/volumeName', kind: 'PersistentVolumeClaim' }] },
  { kind: 'PriorityClass', referrers: inPodSpecs(['priorityClassName']) },
  { kind: 'IngressClass', referrers: [{ path: 'spec/ingressClassName', kind: 'Ingress' }] },
  { kind: 'StorageClass', referrers: [{ path: 'spec/storageClassName', kind: 'PersistentVolumeClaim' }, { path: 'spec/storageClassName', kind: 'PersistentVolume' }, { path: 'spec/volumeClaimTemplates/spec/storageClassName', kind: 'StatefulSet' }] },
];

/** Kinds whose objects have no namespace (kustomize asks its builtin schema; these are Kubernetes' own). */
export const CLUSTER_SCOPED_KINDS = new Set([
  'APIService', 'CertificateSigningRequest', 'ClusterRole', 'ClusterRoleBinding', 'ComponentStatus', 'CSIDriver', 'CSINode',
  'CustomResourceDefinition', 'FlowSchema', 'IngressClass', 'MutatingWebhookConfiguration', 'Namespace', 'Node',
  'PersistentVolume', 'PodSecurityPolicy', 'PriorityClass', 'PriorityLevelConfiguration', 'RuntimeClass', 'StorageClass',
  'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'ValidatingWebhookConfiguration', 'VolumeAttachment',
]);

/** kustomize's legacy output order: these kinds first, in this order; the webhooks last. */
export const ORDER_FIRST = [
  'Namespace', 'ResourceQuota', 'StorageClass', 'CustomResourceDefinition', 'ServiceAccount', 'PodSecurityPolicy', 'Role',
  'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ConfigMap', 'Secret', 'Endpoints', 'Service', 'LimitRange',
  'PriorityClass', 'PersistentVolume', 'PersistentVolumeClaim', 'Deployment', 'StatefulSet', 'CronJob', 'PodDisruptionBudget',
];
export const ORDER_LAST = ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'];
