// The pieces of Kubernetes' deployment utilities (pkg/controller/deployment/util, kubectl's
// pkg/util/deployment and polymorphichelpers) that the deployment controller, the describers and
// the rollout commands all need: the well-known label and annotation keys, which ReplicaSets a
// Deployment controls, whether a ReplicaSet's template is the Deployment's, and revisions.
import type { KObject, OwnerReference } from './types.js';
import { semanticEqual } from './semantic.js';

/** apps/v1 DefaultDeploymentUniqueLabelKey. */
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const DEPRECATED_ROLLBACK_TO = 'deprecated.deployment.rollback.to';
/** kubectl apply's record of the last applied manifest. */
export const LAST_APPLIED_CONFIG_ANNOTATION = 'kubectl.kubernetes.io/last-applied-configuration';
/** kubectl's --record (the command line), copied onto the ReplicaSet of the revision. */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';

/**
 * annotationsToSkip: the deployment annotations the controller never copies onto its ReplicaSets,
 * and that a rollback keeps from the deployment rather than taking from the ReplicaSet.
 */
export const ANNOTATIONS_TO_SKIP: readonly string[] = [
  LAST_APPLIED_CONFIG_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  DEPRECATED_ROLLBACK_TO,
];

interface WithMetadata {
  metadata?: { uid?: string; annotations?: Record<string, string>; ownerReferences?: OwnerReference[] };
}

/** metav1.IsControlledBy: a controller ownerReference with the owner's UID. */
export function isControlledBy(obj: WithMetadata, owner: WithMetadata): boolean {
  const uid = owner.metadata?.uid;
  return !!uid && (obj.metadata?.ownerReferences ?? []).some((r) => r.controller === true && r.uid === uid);
}

function withoutHashLabel(template: unknown): unknown {
  const t = structuredClone((template ?? {}) as { metadata?: { labels?: Record<string, string> } });
  if (t.metadata?.labels && POD_TEMPLATE_HASH_LABEL in t.metadata.labels) delete t.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  return t;
}

/**
 * EqualIgnoreHash: the two templates are semantically equal once the `pod-template-hash` label
 * is removed from both. Like Kubernetes, it compares the templates as stored (both defaulted by
 * the apiserver); nothing is defaulted here.
 */
export function equalIgnoreHash(t1: unknown, t2: unknown): boolean {
  return semanticEqual(withoutHashLabel(t1), withoutHashLabel(t2));
}

/**
 * Revision: the `deployment.kubernetes.io/revision` annotation as an integer; 0 when absent,
 * undefined when it does not parse (strconv.ParseInt base 10; kubectl and the controller skip it).
 */
export function revisionOf(obj: WithMetadata | KObject): number | undefined {
  const v = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  if (!/^[+-]?[0-9]+$/.test(v)) return undefined;
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : undefined;
}
