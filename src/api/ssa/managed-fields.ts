// Server-side apply and field ownership (metadata.managedFields), as the API server's field manager does it:
// - apply: the configuration's fields become the applier's (operation Apply); a field another manager owns with a
//   different value is a conflict (409) unless forced, when it changes hands; fields the applier applied before and
//   no longer applies are removed from the object unless someone else owns them;
// - update (create, PUT, PATCH, scale): the fields whose values the write set or changed become the writer's
//   (operation Update), and leave their other owners; removed fields leave everyone.
// Pure: the schema, time and manager are the caller's.
import { fieldPaths, fromFieldsV1, leafValue, mergeApplied, pathString, removePath, toFieldsV1, type Path, type Typed } from './fieldset.js';

export interface ManagedFieldsEntry {
  manager?: string;
  operation?: 'Apply' | 'Update';
  apiVersion?: string;
  time?: string;
  fieldsType?: 'FieldsV1';
  fieldsV1?: Record<string, unknown>;
  subresource?: string;
}

export interface Writer {
  manager: string;
  apiVersion: string;
  time: string;
  /** '' for the main resource, 'status' or 'scale'. */
  subresource: string;
}

export interface Conflict {
  manager: string;
  apiVersion?: string;
  subresource?: string;
  path: Path;
}

export class ApplyConflictError extends Error {
  constructor(readonly conflicts: Conflict[]) {
    super(conflictMessage(conflicts));
  }
}

type Obj = Record<string, any>;

/** Fields no manager owns: identity and server-set metadata (the API server resets them before tracking). */
const IGNORED_TOP = new Set(['apiVersion', 'kind']);
const IGNORED_META = new Set(['name', 'namespace', 'uid', 'resourceVersion', 'generation', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'managedFields', 'selfLink']);

/** The tracked paths of an object for a write through `subresource` (status is tracked only through /status). */
export function trackedPaths(obj: unknown, t: Typed, subresource: string): Map<string, Path> {
  const all = fieldPaths(obj, t.schema, t.doc);
  for (const [k, p] of all) {
    const top = p[0]?.slice(2) ?? '';
    const statusPath = top === 'status';
    const drop =
      IGNORED_TOP.has(top) ||
      (top === 'metadata' && (p.length === 1 || IGNORED_META.has(p[1]!.slice(2)))) ||
      (subresource === 'status' ? !statusPath : statusPath);
    if (drop) all.delete(k);
  }
  return all;
}

const sameOwner = (e: ManagedFieldsEntry, manager: string, operation: string, subresource: string) =>
  e.manager === manager && e.operation === operation && (e.subresource ?? '') === subresource;

function entryPaths(e: ManagedFieldsEntry): Map<string, Path> {
  return fromFieldsV1(e.fieldsV1 ?? {});
}

function withPaths(e: ManagedFieldsEntry, paths: Map<string, Path>): ManagedFieldsEntry {
  return { ...e, fieldsType: 'FieldsV1', fieldsV1: toFieldsV1(paths.values()) };
}

/**
 * Server-side apply of `applied` onto `live` (undefined when the object does not exist yet). Returns the new object
 * with its managedFields; throws ApplyConflictError (unless `force`).
 */
export function serverSideApply(live: Obj | undefined, applied: Obj, t: Typed, w: Writer, force: boolean): Obj {
  const entries: ManagedFieldsEntry[] = structuredClone((live?.metadata?.managedFields as ManagedFieldsEntry[] | undefined) ?? []);
  const config = structuredClone(applied);
  delete config.metadata?.managedFields;
  delete config.metadata?.resourceVersion;
  if (w.subresource !== 'status') delete config.status;
  const appliedSet = trackedPaths(config, t, w.subresource);
  const base = live ? structuredClone(live) : {};
  const conflicts: Conflict[] = [];
  const conflictKeys = new Set<string>();
  for (const e of entries) {
    if (e.manager === w.manager && (e.subresource ?? '') === w.subresource) continue;
    for (const [k, p] of entryPaths(e)) {
      if (!appliedSet.has(k)) continue;
      if (leafValue(base, p) !== leafValue(config, p)) {
        conflicts.push({ manager: e.manager ?? '', apiVersion: e.apiVersion, subresource: e.subresource, path: p });
        conflictKeys.add(k);
      }
    }
  }
  if (conflicts.length && !force) throw new ApplyConflictError(conflicts);
  const previous = entries.find((e) => sameOwner(e, w.manager, 'Apply', w.subresource));
  // Others keep what they own, less what a forced apply took from them.
  const others = entries
    .filter((e) => e !== previous)
    .map((e) => {
      const paths = entryPaths(e);
      if (e.manager === w.manager && (e.subresource ?? '') === w.subresource) for (const k of appliedSet.keys()) paths.delete(k);
      for (const k of conflictKeys) paths.delete(k);
      return { e, paths };
    })
    .filter(({ paths }) => paths.size > 0);
  const ownedByOthers = new Set(others.flatMap(({ paths }) => [...paths.keys()]));
  let merged = mergeApplied(base, config, t.schema, t.doc) as Obj;
  if (previous) {
    const stale = [...entryPaths(previous)].filter(([k]) => !appliedSet.has(k) && !ownedByOthers.has(k)).map(([, p]) => p);
    // deepest first, so a list item goes after its fields
    stale.sort((a, b) => b.length - a.length);
    for (const p of stale) removePath(merged, p);
  }
  merged.metadata = merged.metadata ?? {};
  merged.metadata.managedFields = [
    ...others.map(({ e, paths }) => withPaths(e, paths)),
    withPaths({ manager: w.manager, operation: 'Apply', apiVersion: w.apiVersion, time: w.time, ...(w.subresource ? { subresource: w.subresource } : {}) }, appliedSet),
  ];
  return merged;
}

/**
 * The managedFields after a non-apply write by `w` that turned `old` (undefined on create) into `next`:
 * the paths whose values it set or changed become its Update entry's, removed paths leave every entry.
 */
export function recordUpdate(old: Obj | undefined, next: Obj, t: Typed, w: Writer): ManagedFieldsEntry[] {
  const entries: ManagedFieldsEntry[] = structuredClone((old?.metadata?.managedFields as ManagedFieldsEntry[] | undefined) ?? []);
  const before = old ? trackedPaths(old, t, w.subresource) : new Map<string, Path>();
  const after = trackedPaths(next, t, w.subresource);
  const changed = new Map<string, Path>();
  for (const [k, p] of after) if (!before.has(k) || leafValue(old, p) !== leafValue(next, p)) changed.set(k, p);
  const removed = [...before.keys()].filter((k) => !after.has(k));
  if (!changed.size && !removed.length) return entries;
  let mine: Map<string, Path> | undefined;
  const out: ManagedFieldsEntry[] = [];
  for (const e of entries) {
    const paths = entryPaths(e);
    for (const k of removed) paths.delete(k);
    if (sameOwner(e, w.manager, 'Update', w.subresource)) {
      mine = paths;
      continue;
    }
    for (const k of changed.keys()) paths.delete(k);
    if (paths.size) out.push(withPaths(e, paths));
  }
  const own = mine ?? new Map<string, Path>();
  for (const [k, p] of changed) own.set(k, p);
  if (own.size) out.push(withPaths({ manager: w.manager, operation: 'Update', apiVersion: w.apiVersion, time: w.time, ...(w.subresource ? { subresource: w.subresource } : {}) }, own));
  return out;
}

function who(c: Conflict): string {
  return `"${c.manager}"${c.subresource ? ` with subresource "${c.subresource}"` : ''}${c.apiVersion ? ` using ${c.apiVersion}` : ''}`;
}

/** The API server's message: `Apply failed with 1 conflict: conflict with "kubectl" using apps/v1: .spec.replicas`. */
export function conflictMessage(conflicts: Conflict[]): string {
  const n = conflicts.length;
  let body: string;
  if (n === 1) body = `conflict with ${who(conflicts[0]!)}: ${pathString(conflicts[0]!.path)}`;
  else {
    const byManager = new Map<string, string[]>();
    for (const c of conflicts) byManager.set(who(c), [...(byManager.get(who(c)) ?? []), pathString(c.path)]);
    body = [...byManager].map(([m, paths]) => [`conflicts with ${m}:`, ...paths.map((p) => `- ${p}`)].join('\n')).join('\n');
  }
  return `Apply failed with ${n} conflict${n === 1 ? '' : 's'}: ${body}`;
}
