// `kubectl rollout status` for a Deployment (kubectl polymorphichelpers DeploymentStatusViewer):
// one status → one message, a done flag, or an error. Pure; the command feeds it every watch event.
import type { KObject } from '../api/types.js';
import { goQuote } from '../compat/go-format.js';
import { REVISION_ANNOTATION } from '../api/deployment-util.js';

export type RolloutStatus = { message: string; done: boolean; error?: undefined } | { error: string; message?: undefined; done?: undefined };

const TIMED_OUT_REASON = 'ProgressDeadlineExceeded';

/** Go's %q for a Kubernetes name. */
const q = goQuote;

/**
 * The status line for one observed state of deployment `d` (with its trailing newline), whether
 * the rollout is done, or the error that ends the command. `revision` > 0 pins the revision.
 */
export function deploymentRolloutStatus(d: KObject, revision = 0): RolloutStatus {
  const name = d.metadata?.name ?? '';
  if (revision > 0) {
    const raw = d.metadata?.annotations?.[REVISION_ANNOTATION];
    let current = 0;
    if (raw !== undefined) {
      if (!/^[+-]?\d+$/.test(raw)) return { error: `cannot get the revision of deployment ${q(name)}: strconv.ParseInt: parsing ${q(raw)}: invalid syntax` };
      current = Number(raw);
    }
    if (current !== revision) return { error: `desired revision (${revision}) is different from the running revision (${current})` };
  }
  const generation = d.metadata?.generation ?? 0;
  const st = (d.status ?? {}) as Record<string, any>;
  if (generation <= (st.observedGeneration ?? 0)) {
    const progressing = ((st.conditions ?? []) as Record<string, any>[]).find((c) => c.type === 'Progressing');
    if (progressing?.reason === TIMED_OUT_REASON) return { error: `deployment ${q(name)} exceeded its progress deadline` };
    const replicas = d.spec?.replicas as number | undefined | null;
    const updated = st.updatedReplicas ?? 0;
    const total = st.replicas ?? 0;
    const available = st.availableReplicas ?? 0;
    if (replicas !== undefined && replicas !== null && updated < replicas) {
      return { message: `Waiting for deployment ${q(name)} rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
    }
    if (total > updated) {
      return { message: `Waiting for deployment ${q(name)} rollout to finish: ${total - updated} old replicas are pending termination...\n`, done: false };
    }
    if (available < updated) {
      return { message: `Waiting for deployment ${q(name)} rollout to finish: ${available} of ${updated} updated replicas are available...\n`, done: false };
    }
    return { message: `deployment ${q(name)} successfully rolled out\n`, done: true };
  }
  return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
}
