// `kubectl rollout history` for a Deployment (kubectl polymorphichelpers DeploymentHistoryViewer):
// the REVISION / CHANGE-CAUSE table, or one revision's pod template. Pure.
import type { KObject } from '../api/types.js';
import { podTemplateText } from '../printers/describe-apps.js';
import { TabWriter } from '../compat/tabwriter.js';
import { CliError } from './errors.js';
import { CHANGE_CAUSE_ANNOTATION, revisionOf } from '../api/deployment-util.js';

export interface HistoryEntry {
  revision: number;
  /** The ReplicaSet's pod template, its change-cause copied into the template's annotations as kubectl does. */
  template: Record<string, any>;
  changeCause: string;
  replicaSet: KObject;
}

/**
 * revision → entry for a deployment's ReplicaSets (old ones, oldest first, then the new one: a
 * later ReplicaSet with the same revision wins). ReplicaSets without the revision annotation count
 * as revision 0; ones whose annotation is not a number are skipped.
 */
export function historyEntries(replicaSets: KObject[]): Map<number, HistoryEntry> {
  const out = new Map<number, HistoryEntry>();
  for (const rs of replicaSets) {
    const revision = revisionOf(rs);
    if (revision === undefined) continue;
    const template = structuredClone((rs.spec?.template ?? {}) as Record<string, any>);
    const changeCause = rs.metadata?.annotations?.[CHANGE_CAUSE_ANNOTATION] ?? '';
    template.metadata = template.metadata ?? {};
    template.metadata.annotations = template.metadata.annotations ?? {};
    if (changeCause) template.metadata.annotations[CHANGE_CAUSE_ANNOTATION] = changeCause;
    out.set(revision, { revision, template, changeCause, replicaSet: rs });
  }
  return out;
}

/**
 * ViewHistory: `No rollout history found.`, the table (tabwriter-aligned, ends with a newline),
 * or with `revision` > 0 that revision's pod template. Throws `unable to find the specified revision`.
 */
export function viewHistory(replicaSets: KObject[], revision = 0): string {
  const entries = historyEntries(replicaSets);
  if (!entries.size) return 'No rollout history found.';
  if (revision > 0) {
    const e = entries.get(revision);
    if (!e) throw new CliError('unable to find the specified revision');
    return podTemplateText(e.template);
  }
  const tw = new TabWriter(0, 8, 2, 0);
  tw.write('REVISION\tCHANGE-CAUSE\n');
  for (const r of [...entries.keys()].sort((a, b) => a - b)) tw.write(`${r}\t${entries.get(r)!.changeCause || '<none>'}\n`);
  tw.flush();
  return tw.take();
}

/** What `rollout history` prints for one object: the name line (NamePrinter with the history as its "operation"), then the history. */
export function historyOutput(objectName: string, history: string, revision = 0): string {
  const withRevision = revision > 0 ? `with revision #${revision}` : '';
  return `${objectName} ${withRevision}\n${history}\n`;
}
