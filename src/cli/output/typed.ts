// `-o` output of a typed object as kubectl prints one it decoded into its Go type (create deployment,
// scale, set, rollout): JSON in the Go struct's field order, omitempty zeros dropped.
import type { KObject } from '../../api/types.js';
import { formatObjects, type OutputFormat } from './print.js';
import { toKubectlJson } from './json.js';

// Field order of the Go types (k8s.io/api v0.35), for printing a typed object's JSON as kubectl does.
const ORDER: Record<string, string[]> = {
  Object: ['kind', 'apiVersion', 'metadata', 'spec', 'status'],
  ObjectMeta: ['name', 'generateName', 'namespace', 'selfLink', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'],
  OwnerReference: ['apiVersion', 'kind', 'name', 'uid', 'controller', 'blockOwnerDeletion'],
  DeploymentSpec: ['replicas', 'selector', 'template', 'strategy', 'minReadySeconds', 'revisionHistoryLimit', 'paused', 'progressDeadlineSeconds'],
  DeploymentStrategy: ['type', 'rollingUpdate'],
  RollingUpdate: ['maxUnavailable', 'maxSurge'],
  ReplicaSetSpec: ['replicas', 'minReadySeconds', 'selector', 'template'],
  LabelSelector: ['matchLabels', 'matchExpressions'],
  PodTemplateSpec: ['metadata', 'spec'],
  PodSpec: ['volumes', 'initContainers', 'containers', 'ephemeralContainers', 'restartPolicy', 'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'dnsPolicy', 'nodeSelector', 'serviceAccountName', 'serviceAccount', 'automountServiceAccountToken', 'nodeName', 'hostNetwork', 'hostPID', 'hostIPC', 'shareProcessNamespace', 'securityContext', 'imagePullSecrets', 'hostname', 'subdomain', 'affinity', 'schedulerName', 'tolerations', 'hostAliases', 'priorityClassName', 'priority', 'dnsConfig', 'readinessGates', 'runtimeClassName', 'enableServiceLinks', 'preemptionPolicy', 'overhead', 'topologySpreadConstraints', 'setHostnameAsFQDN', 'os', 'hostUsers', 'schedulingGates', 'resourceClaims', 'resources', 'hostnameOverride', 'workloadRef'],
  Container: ['name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env', 'resources', 'resizePolicy', 'restartPolicy', 'restartPolicyRules', 'volumeMounts', 'volumeDevices', 'livenessProbe', 'readinessProbe', 'startupProbe', 'lifecycle', 'terminationMessagePath', 'terminationMessagePolicy', 'imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty'],
  ContainerPort: ['name', 'hostPort', 'containerPort', 'protocol', 'hostIP'],
  EnvVar: ['name', 'value', 'valueFrom'],
  VolumeMount: ['name', 'readOnly', 'recursiveReadOnly', 'mountPath', 'subPath', 'mountPropagation', 'subPathExpr'],
  DeploymentStatus: ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas', 'terminatingReplicas', 'conditions', 'collisionCount'],
  DeploymentCondition: ['type', 'status', 'lastUpdateTime', 'lastTransitionTime', 'reason', 'message'],
  ReplicaSetStatus: ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'terminatingReplicas', 'observedGeneration', 'conditions'],
  PodStatus: ['observedGeneration', 'phase', 'conditions', 'message', 'reason', 'nominatedNodeName', 'hostIP', 'hostIPs', 'podIP', 'podIPs', 'startTime', 'initContainerStatuses', 'containerStatuses', 'qosClass', 'ephemeralContainerStatuses', 'resize', 'resourceClaimStatuses', 'extendedResourceClaimStatus', 'allocatedResources', 'resources'],
  ContainerStatus: ['name', 'state', 'lastState', 'ready', 'restartCount', 'image', 'imageID', 'containerID', 'started', 'allocatedResources', 'resources', 'volumeMounts', 'user', 'allocatedResourcesStatus', 'stopSignal'],
  PodCondition: ['type', 'observedGeneration', 'status', 'lastProbeTime', 'lastTransitionTime', 'reason', 'message'],
};

const TOP: Record<string, Record<string, string>> = {
  Deployment: { metadata: 'ObjectMeta', spec: 'DeploymentSpec', status: 'DeploymentStatus' },
  ReplicaSet: { metadata: 'ObjectMeta', spec: 'ReplicaSetSpec', status: 'ReplicaSetStatus' },
  Pod: { metadata: 'ObjectMeta', spec: 'PodSpec', status: 'PodStatus' },
};

const CHILD: Record<string, Record<string, string>> = {
  ObjectMeta: { ownerReferences: 'OwnerReference' },
  DeploymentSpec: { selector: 'LabelSelector', template: 'PodTemplateSpec', strategy: 'DeploymentStrategy' },
  ReplicaSetSpec: { selector: 'LabelSelector', template: 'PodTemplateSpec' },
  DeploymentStrategy: { rollingUpdate: 'RollingUpdate' },
  PodTemplateSpec: { metadata: 'ObjectMeta', spec: 'PodSpec' },
  PodSpec: { initContainers: 'Container', containers: 'Container', ephemeralContainers: 'Container' },
  Container: { ports: 'ContainerPort', env: 'EnvVar', volumeMounts: 'VolumeMount' },
  DeploymentStatus: { conditions: 'DeploymentCondition' },
  ReplicaSetStatus: { conditions: 'DeploymentCondition' },
  PodStatus: { conditions: 'PodCondition', initContainerStatuses: 'ContainerStatus', containerStatuses: 'ContainerStatus', ephemeralContainerStatuses: 'ContainerStatus' },
};

function orderAs(value: unknown, type: string, children: Record<string, string> | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => orderAs(v, type, children));
  if (!value || typeof value !== 'object') return value;
  const order = ORDER[type]!;
  const obj = value as Record<string, unknown>;
  const keys = [...order.filter((k) => k in obj), ...Object.keys(obj).filter((k) => !order.includes(k)).sort()];
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const child = children?.[k];
    out[k] = child ? orderAs(obj[k], child, CHILD[child]) : obj[k];
  }
  return out;
}

/**
 * Reorders a Deployment, ReplicaSet or Pod read from the server into the field order of its Go
 * type, as kubectl's JSON printer shows typed objects (unknown keys last, sorted). Other kinds
 * are returned as they are.
 */
export function typedOrder(obj: unknown): unknown {
  const kind = (obj as KObject | null)?.kind ?? '';
  const top = TOP[kind];
  return top ? orderAs(obj, 'Object', top) : obj;
}

/** Fields Go's encoder leaves out at their zero value (omitempty, non-pointer), per kind and section. */
const OMIT_ZERO: Record<string, { spec: string[]; status: string[] }> = {
  Deployment: { spec: ['minReadySeconds', 'paused'], status: ['observedGeneration', 'replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas'] },
  ReplicaSet: { spec: ['minReadySeconds'], status: ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'] },
};

/**
 * What a JSON object looks like after kubectl decodes it into its Go type and encodes it again:
 * omitempty zeros dropped, `status.replicas` of a ReplicaSet (not omitempty) always present.
 */
export function typedNormalize(obj: KObject): KObject {
  const rules = OMIT_ZERO[obj.kind ?? ''];
  if (!rules) return obj;
  const out = structuredClone(obj);
  if (out.metadata?.generation === 0) delete out.metadata.generation;
  for (const [section, keys] of [['spec', rules.spec], ['status', rules.status]] as const) {
    const part = out[section] as Record<string, unknown> | undefined;
    if (!part) continue;
    for (const k of keys) if (part[k] === 0 || part[k] === false) delete part[k];
  }
  if (obj.kind === 'ReplicaSet') out.status = { replicas: 0, ...(out.status ?? {}) };
  return out;
}

/** `-o` output of one typed object (kubectl's builder WithScheme): JSON in Go field order, everything else as usual. */
export function formatTyped(obj: KObject, fmt: OutputFormat): string {
  const typed = typedNormalize(obj);
  if (fmt.kind === 'json') return toKubectlJson(typedOrder(typed));
  return formatObjects([typed], fmt, true);
}
