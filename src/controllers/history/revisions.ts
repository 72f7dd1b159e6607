// ControllerRevisions as the DaemonSet and StatefulSet controllers keep them
// (pkg/controller/history/controller_history.go, pkg/controller/daemon/update.go constructHistory/
// cleanupHistory, pkg/controller/statefulset/stateful_set_control.go getStatefulSetRevisions/
// truncateHistory). Pure: the controller lists, these decide, the controller writes.
import type { KObject } from '../../api/types.js';
import { fnv32a, safeEncodeString } from '../deployment/hash.js';
import { canonicalJSON } from '../../api/semantic.js';
import { ownerRefTo } from '../ownership.js';

/** The pod label naming the revision a pod was created from. */
export const CONTROLLER_REVISION_HASH_LABEL = 'controller-revision-hash';

export interface ControllerRevision extends KObject {
  data?: Record<string, any>;
  revision: number;
}

/**
 * getPatch: the part of the object a revision records and a rollback restores — the pod
 * template, replaced whole on apply (`$patch: replace`).
 */
export function revisionData(parent: KObject): Record<string, any> {
  const template = structuredClone(parent.spec?.template ?? {}) as Record<string, any>;
  template.$patch = 'replace';
  return { spec: { template } };
}

/** The template a revision's data restores (without the `$patch` directive). */
export function revisionTemplate(cr: ControllerRevision): Record<string, any> {
  const t = structuredClone(cr.data?.spec?.template ?? {}) as Record<string, any>;
  delete t.$patch;
  return t;
}

/**
 * HashControllerRevision: FNV-1a 32 over the data's JSON, then uint32(collisionCount) as 8
 * little-endian bytes when given, the decimal sum safe-encoded (as ComputeHash, over canonical JSON).
 */
export function hashRevision(data: unknown, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(canonicalJSON(data)));
  if (collisionCount !== undefined && collisionCount !== null) {
    const buf = new Uint8Array(8);
    new DataView(buf.buffer).setUint32(0, collisionCount >>> 0, true);
    h = fnv32a(buf, h);
  }
  return safeEncodeString(String(h));
}

/** ControllerRevisionName: `<prefix>-<hash>`, the prefix cut to 223 characters. */
export function revisionName(prefix: string, hash: string): string {
  return `${prefix.length > 223 ? prefix.slice(0, 223) : prefix}-${hash}`;
}

/**
 * NewControllerRevision for `parent`: its template labels plus the hash label (the hash itself
 * for a DaemonSet, the revision's name for a StatefulSet, as each controller does), the
 * parent's annotations, a controller reference.
 */
export function newRevision(parent: KObject, revision: number, collisionCount: number | undefined): ControllerRevision {
  const data = revisionData(parent);
  const hash = hashRevision(data, collisionCount);
  const name = revisionName(parent.metadata.name!, hash);
  const labels = { ...(parent.spec?.template?.metadata?.labels ?? {}) } as Record<string, string>;
  labels[CONTROLLER_REVISION_HASH_LABEL] = parent.kind === 'StatefulSet' ? name : hash;
  const annotations = parent.metadata.annotations ? { ...parent.metadata.annotations } : undefined;
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: parent.metadata.namespace,
      labels,
      ...(annotations ? { annotations } : {}),
      ownerReferences: [ownerRefTo(parent)],
    },
    data,
    revision,
  };
}

/** The value a pod of `cr` carries in the controller-revision-hash label. */
export function revisionHash(cr: ControllerRevision): string {
  return cr.metadata.labels?.[CONTROLLER_REVISION_HASH_LABEL] ?? '';
}

/** EqualRevision: the same recorded template. */
export function equalRevision(a: ControllerRevision, b: ControllerRevision): boolean {
  return canonicalJSON(a.data) === canonicalJSON(b.data);
}

/** MaxRevision: the highest revision number, 0 for none. */
export function maxRevision(revisions: readonly ControllerRevision[]): number {
  return revisions.reduce((m, r) => Math.max(m, r.revision ?? 0), 0);
}

/** SortControllerRevisions: by revision, then creation time, then name. */
export function sortRevisions(revisions: readonly ControllerRevision[]): ControllerRevision[] {
  return [...revisions].sort(
    (a, b) =>
      (a.revision ?? 0) - (b.revision ?? 0) ||
      (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') ||
      (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
  );
}

export type RevisionStep =
  /** The current template is recorded as the latest revision already. */
  | { kind: 'current'; revision: ControllerRevision }
  /** An older revision records this template (a rollback): raise its number to `revision`. */
  | { kind: 'renumber'; revision: ControllerRevision; to: number }
  /** Nothing records it: create this one (409 with different data means a hash collision: bump collisionCount). */
  | { kind: 'create'; revision: ControllerRevision };

/**
 * What the parent's current template needs from the history: the equal revision with the highest
 * number (renumbered to max+1 when it is not the latest), or a new revision max+1.
 * e.g. revisions 1 (image a) and 2 (image b), template back to a → renumber 1 to 3.
 */
export function planCurrentRevision(parent: KObject, revisions: readonly ControllerRevision[], collisionCount: number | undefined): RevisionStep {
  const max = maxRevision(revisions);
  const candidate = newRevision(parent, max + 1, collisionCount);
  const equal = sortRevisions(revisions.filter((r) => equalRevision(r, candidate)));
  const latest = equal[equal.length - 1];
  if (!latest) return { kind: 'create', revision: candidate };
  if ((latest.revision ?? 0) === max) return { kind: 'current', revision: latest };
  return { kind: 'renumber', revision: latest, to: max + 1 };
}

/**
 * cleanupHistory/truncateHistory: the revisions to delete — beyond `limit`, the oldest ones that
 * no live pod uses and that are not `keep` (the current and update revisions).
 * e.g. limit 1, revisions 1..4, 4 current, pods on 2 → delete 1 (3 stays as the one kept).
 */
export function revisionsToDelete(revisions: readonly ControllerRevision[], limit: number, liveHashes: ReadonlySet<string>, keep: ReadonlySet<string>): ControllerRevision[] {
  const old = sortRevisions(revisions).filter((r) => !keep.has(r.metadata.name!) && !liveHashes.has(revisionHash(r)));
  const excess = old.length - limit;
  return excess > 0 ? old.slice(0, excess) : [];
}
