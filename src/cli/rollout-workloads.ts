// `kubectl rollout status|history|undo` for DaemonSets and StatefulSets (kubectl
// polymorphichelpers DaemonSetStatusViewer, StatefulSetStatusViewer, DaemonSetHistoryViewer,
// StatefulSetHistoryViewer, DaemonSetRollbacker, StatefulSetRollbacker): both keep their history in
// ControllerRevisions. Pure; the command fetches and patches.
import type { KObject } from '../api/types.js';
import { podTemplateText } from '../printers/describe-apps.js';
import { CHANGE_CAUSE_ANNOTATION } from '../api/deployment-util.js';
import { TabWriter } from '../compat/tabwriter.js';
import { semanticEqual } from '../api/semantic.js';
import type { RolloutStatus } from './rollout-status.js';
import { revisionNotFound } from './rollout-undo.js';
import { CliError } from './errors.js';

type Obj = Record<string, any>;
const q = (s: string) => JSON.stringify(s);

export function daemonSetRolloutStatus(ds: KObject): RolloutStatus {
  const name = ds.metadata?.name ?? '';
  if (ds.spec?.updateStrategy?.type !== 'RollingUpdate') return { error: 'rollout status is only available for RollingUpdate strategy type' };
  const st = (ds.status ?? {}) as Obj;
  if ((ds.metadata?.generation ?? 0) > (st.observedGeneration ?? 0)) return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const desired = st.desiredNumberScheduled ?? 0;
  const updated = st.updatedNumberScheduled ?? 0;
  const available = st.numberAvailable ?? 0;
  if (updated < desired) return { message: `Waiting for daemon set ${q(name)} rollout to finish: ${updated} out of ${desired} new pods have been updated...\n`, done: false };
  if (available < desired) return { message: `Waiting for daemon set ${q(name)} rollout to finish: ${available} of ${desired} updated pods are available...\n`, done: false };
  return { message: `daemon set ${q(name)} successfully rolled out\n`, done: true };
}

export function statefulSetRolloutStatus(sts: KObject): RolloutStatus {
  const spec = (sts.spec ?? {}) as Obj;
  if (spec.updateStrategy?.type !== 'RollingUpdate') return { error: 'rollout status is only available for RollingUpdate strategy type' };
  const st = (sts.status ?? {}) as Obj;
  if (!st.observedGeneration || (sts.metadata?.generation ?? 0) > st.observedGeneration) {
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  const replicas = spec.replicas as number | undefined;
  if (replicas !== undefined && (st.readyReplicas ?? 0) < replicas) return { message: `Waiting for ${replicas - (st.readyReplicas ?? 0)} pods to be ready...\n`, done: false };
  const ru = spec.updateStrategy?.rollingUpdate;
  if (ru) {
    if (replicas !== undefined && ru.partition !== undefined && (st.updatedReplicas ?? 0) < replicas - ru.partition) {
      return { message: `Waiting for partitioned roll out to finish: ${st.updatedReplicas ?? 0} out of ${replicas - ru.partition} new pods have been updated...\n`, done: false };
    }
    return { message: `partitioned roll out complete: ${st.updatedReplicas ?? 0} new pods have been updated...\n`, done: true };
  }
  if (st.updateRevision !== st.currentRevision) {
    return { message: `waiting for statefulset rolling update to complete ${st.updatedReplicas ?? 0} pods at revision ${st.updateRevision}...\n`, done: false };
  }
  return { message: `statefulset rolling update complete ${st.currentReplicas ?? 0} pods at revision ${st.currentRevision}...\n`, done: true };
}

/** The revisions `owner` controls (by uid), as controlledHistories filters the selector's list. */
export function controlledRevisions(owner: KObject, revisions: readonly KObject[]): KObject[] {
  return revisions.filter((r) => r.metadata?.ownerReferences?.some((o) => o.controller && o.uid === owner.metadata.uid));
}

/** applyDaemonSetHistory/applyRevision: the template the revision restores. */
export function templateOfRevision(cr: KObject): Obj {
  const t = structuredClone(((cr as Obj).data?.spec?.template ?? {}) as Obj);
  delete t.$patch;
  return t;
}

/** printHistory: `No rollout history found.`, the REVISION/CHANGE-CAUSE table, or one revision's template. */
export function viewRevisionHistory(revisions: readonly KObject[], revision = 0): string {
  if (!revisions.length) return 'No rollout history found.';
  const byRevision = new Map<number, KObject>();
  for (const r of revisions) byRevision.set((r as Obj).revision ?? 0, r);
  if (revision > 0) {
    const r = byRevision.get(revision);
    if (!r) throw new CliError('unable to find the specified revision');
    return podTemplateText(templateOfRevision(r));
  }
  const tw = new TabWriter(0, 8, 2, 0);
  tw.write('REVISION\tCHANGE-CAUSE\n');
  for (const n of [...byRevision.keys()].sort((a, b) => a - b)) {
    tw.write(`${n}\t${byRevision.get(n)!.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] || '<none>'}\n`);
  }
  tw.flush();
  return tw.take();
}

/** findHistory: the revision numbered `toRevision`, or for 0 the one before the latest. */
export function findRevision(revisions: readonly KObject[], toRevision: number): KObject {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  const sorted = [...revisions].sort((a, b) => ((a as Obj).revision ?? 0) - ((b as Obj).revision ?? 0));
  if (toRevision === 0) {
    if (sorted.length <= 1) throw revisionNotFound(0);
    return sorted[sorted.length - 2]!;
  }
  const r = sorted.find((h) => (h as Obj).revision === toRevision);
  if (!r) throw revisionNotFound(toRevision);
  return r;
}

/** daemonSetMatch/statefulSetMatch: the object's template already is the revision's. */
export function templateMatchesRevision(obj: KObject, cr: KObject): boolean {
  return semanticEqual(obj.spec?.template ?? {}, templateOfRevision(cr));
}
