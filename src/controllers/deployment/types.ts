// The apps/v1 Deployment and ReplicaSet shapes the rollout logic reads, as the JSON objects the
// store holds (KObject with typed spec/status). Only fields the logic uses are typed; everything
// else passes through. Field order in the interfaces follows the Go structs (k8s.io/api/apps/v1),
// which is also the order Kubernetes serialises them in.
import type { KObject, ObjectMeta, PodSpec } from '../../api/types.js';
import type { LabelSelectorSpec } from '../../api/selectors.js';

/** intstr.IntOrString as JSON: a number (Int) or a string such as "25%" (String). */
export type IntOrString = number | string;

export interface PodTemplateSpec {
  metadata?: ObjectMeta;
  spec?: PodSpec;
  [k: string]: unknown;
}

export interface RollingUpdateDeployment {
  maxUnavailable?: IntOrString | null;
  maxSurge?: IntOrString | null;
}

export interface DeploymentStrategy {
  type?: string;
  rollingUpdate?: RollingUpdateDeployment | null;
}

export interface DeploymentSpec {
  replicas?: number;
  selector?: LabelSelectorSpec | null;
  template?: PodTemplateSpec;
  strategy?: DeploymentStrategy;
  minReadySeconds?: number;
  revisionHistoryLimit?: number | null;
  paused?: boolean;
  progressDeadlineSeconds?: number | null;
  [k: string]: unknown;
}

export type ConditionStatus = 'True' | 'False' | 'Unknown';

export interface DeploymentCondition {
  type: string;
  status: ConditionStatus;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** apps/v1 DeploymentStatus; every counter is `omitempty`, terminatingReplicas/collisionCount are pointers. */
export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  terminatingReplicas?: number;
  conditions?: DeploymentCondition[];
  collisionCount?: number;
}

export interface Deployment extends KObject {
  spec: DeploymentSpec;
  status?: DeploymentStatus;
}

export interface ReplicaSetSpec {
  replicas?: number;
  minReadySeconds?: number;
  selector?: LabelSelectorSpec | null;
  template?: PodTemplateSpec;
  [k: string]: unknown;
}

export interface ReplicaSetCondition {
  type: string;
  status: ConditionStatus;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

/** apps/v1 ReplicaSetStatus: `replicas` is always serialised, the other counters are `omitempty`. */
export interface ReplicaSetStatus {
  replicas?: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  terminatingReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicaSetCondition[];
}

export interface ReplicaSet extends KObject {
  spec: ReplicaSetSpec;
  status?: ReplicaSetStatus;
}

// ---------------------------------------------------------------------------------------------
// Well-known names (k8s.io/api/apps/v1, pkg/controller/deployment/util)

// The label and annotation keys are in src/api/deployment-util.ts (shared with kubectl's side).

export const ROLLING_UPDATE = 'RollingUpdate';
export const RECREATE = 'Recreate';

export const DEPLOYMENT_AVAILABLE = 'Available';
export const DEPLOYMENT_PROGRESSING = 'Progressing';
export const DEPLOYMENT_REPLICA_FAILURE = 'ReplicaFailure';
export const REPLICA_SET_REPLICA_FAILURE = 'ReplicaFailure';

// Condition reasons (deployment_util.go).
export const REPLICA_SET_UPDATED_REASON = 'ReplicaSetUpdated';
export const FAILED_RS_CREATE_REASON = 'ReplicaSetCreateError';
export const NEW_REPLICA_SET_REASON = 'NewReplicaSetCreated';
export const FOUND_NEW_RS_REASON = 'FoundNewReplicaSet';
export const NEW_RS_AVAILABLE_REASON = 'NewReplicaSetAvailable';
export const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';
export const PAUSED_DEPLOY_REASON = 'DeploymentPaused';
export const RESUMED_DEPLOY_REASON = 'DeploymentResumed';
export const MINIMUM_REPLICAS_AVAILABLE = 'MinimumReplicasAvailable';
export const MINIMUM_REPLICAS_UNAVAILABLE = 'MinimumReplicasUnavailable';

/** Event reason of every scale the deployment controller makes. */
export const SCALING_REPLICA_SET_REASON = 'ScalingReplicaSet';

/** The controller's cap on `deployment.kubernetes.io/revision-history` (maxRevHistoryLengthInChars). */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

export const MAX_INT32 = 2147483647;

// ---------------------------------------------------------------------------------------------
// Accessors with the defaults a stored (defaulted) object always has.

/** *(d.Spec.Replicas): 1 when unset, as the apps/v1 defaults make it. */
export function deploymentReplicas(d: Deployment): number {
  return d.spec?.replicas ?? 1;
}

/** *(rs.Spec.Replicas): 1 when unset, as the apps/v1 defaults make it. */
export function rsSpecReplicas(rs: ReplicaSet): number {
  return rs.spec?.replicas ?? 1;
}

export function rsStatus(rs: ReplicaSet): Required<Pick<ReplicaSetStatus, 'replicas' | 'readyReplicas' | 'availableReplicas'>> {
  return {
    replicas: rs.status?.replicas ?? 0,
    readyReplicas: rs.status?.readyReplicas ?? 0,
    availableReplicas: rs.status?.availableReplicas ?? 0,
  };
}

export function isRollingUpdate(d: Deployment): boolean {
  return d.spec?.strategy?.type === ROLLING_UPDATE;
}

/** Milliseconds of an RFC 3339 time; NaN for an absent or unparsable one (Go's zero time). */
export function timeMs(t: string | undefined | null): number {
  if (!t) return NaN;
  return Date.parse(t);
}
