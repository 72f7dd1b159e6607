// `kubectl rollout undo` for a Deployment (kubectl polymorphichelpers DeploymentRollbacker): pick
// the revision's ReplicaSet and build the client-side JSON patch. Pure.
import type { KObject } from '../api/types.js';
import { CliError } from './errors.js';
import { equalIgnoreHash, POD_TEMPLATE_HASH_LABEL, revisionOf, ANNOTATIONS_TO_SKIP } from '../api/deployment-util.js';

export const revisionNotFound = (n: number) => new CliError(`unable to find specified revision ${n} in history`);

/**
 * deploymentRevision: the ReplicaSet to roll back to. `toRevision` 0 means the one before the
 * latest (second-highest revision). `replicaSets` are the deployment's own (old then new).
 */
export function rollbackTarget(deploymentName: string, replicaSets: KObject[], toRevision: number): KObject {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  let latest: KObject | undefined;
  let latestRevision = -1;
  let previous: KObject | undefined;
  let previousRevision = -1;
  for (const rs of replicaSets) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latestRevision < v) {
        previousRevision = latestRevision;
        previous = latest;
        latestRevision = v;
        latest = rs;
      } else if (previousRevision < v) {
        previousRevision = v;
        previous = rs;
      }
    } else if (toRevision === v) return rs;
  }
  if (toRevision > 0) throw revisionNotFound(toRevision);
  if (!previous) throw new CliError(`no rollout history found for deployment ${JSON.stringify(deploymentName)}`);
  return previous;
}

export type RollbackPlan =
  | { kind: 'skip'; message: string }
  | { kind: 'patch'; patch: Array<{ op: 'replace'; path: string; value: unknown }> };

/**
 * What rolling `deployment` back to `rs` means: nothing (`skipped rollback (current template
 * already matches revision N)`) or the JSON patch that replaces the template (without
 * pod-template-hash) and the annotations (the deployment's skip-list values + the ReplicaSet's
 * other annotations). Throws the paused refusal.
 */
export function planRollback(deployment: KObject, rs: KObject, toRevision: number): RollbackPlan {
  if (deployment.spec?.paused) {
    throw new CliError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  }
  if (equalIgnoreHash(rs.spec?.template, deployment.spec?.template)) {
    return { kind: 'skip', message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const template = structuredClone((rs.spec?.template ?? {}) as Record<string, any>);
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH_LABEL];
  return { kind: 'patch', patch: rollbackPatch(template, rollbackAnnotations(deployment, rs)) };
}

/** The deployment's annotations after a rollback to `rs`. */
export function rollbackAnnotations(deployment: KObject, rs: KObject): Record<string, string> {
  const own = deployment.metadata?.annotations ?? {};
  const out: Record<string, string> = {};
  for (const k of ANNOTATIONS_TO_SKIP) if (k in own) out[k] = own[k]!;
  for (const [k, v] of Object.entries(rs.metadata?.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.includes(k)) out[k] = v;
  return Object.fromEntries(Object.keys(out).sort().map((k) => [k, out[k]!]));
}

/** getDeploymentPatch: replace /spec/template and /metadata/annotations. */
export function rollbackPatch(template: unknown, annotations: Record<string, string>): Array<{ op: 'replace'; path: string; value: unknown }> {
  return [
    { op: 'replace', path: '/spec/template', value: template },
    { op: 'replace', path: '/metadata/annotations', value: annotations },
  ];
}
