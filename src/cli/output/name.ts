// `-o name`: `<kind>[.<group>]/<name>`, lower-cased kind, as kubectl's name printer writes it.
import type { KObject } from '../../api/types.js';

/** The API group of an apiVersion: `apps/v1` → `apps`, `v1` → `` (core). */
export function groupOfApiVersion(apiVersion: string | undefined): string {
  if (!apiVersion) return '';
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * `pod/nginx`, `deployment.apps/web`; `operation` appends ` created` and the like
 * (kubectl's `-o name` after create/apply/delete prints just the name, the default printer
 * adds the operation). The group defaults to the one in the object's apiVersion. A missing
 * name prints as `<unknown>`; a missing kind is an error, as in kubectl.
 */
export function nameOf(obj: KObject, group?: string, operation?: string): string {
  const name = obj.metadata?.name || '<unknown>';
  const kind = obj.kind;
  if (!kind) throw new Error(`missing kind for resource with name ${name}`);
  const g = group ?? groupOfApiVersion(obj.apiVersion);
  const qualified = g ? `${kind.toLowerCase()}.${g}` : kind.toLowerCase();
  return `${qualified}/${name}${operation ? ` ${operation}` : ''}`;
}

/** One `nameOf` line per object, as `-o name` prints a list. */
export function namesOf(objs: KObject[], groupOf?: (o: KObject) => string, operation?: string): string {
  return objs.map((o) => nameOf(o, groupOf?.(o), operation) + '\n').join('');
}
