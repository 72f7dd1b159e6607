// What `kbx wait --for=…` waits for, pure: the --for value parsed as kubectl parses it (condition=X[=v],
// delete, create, jsonpath='{…}'[=v]) and whether an object meets it (kubectl's wait.go rules).
import type { KObject } from '../api/types.js';
import { CliError } from './errors.js';
import { findJsonPathResults, jsonPathText } from './output/jsonpath.js';

export type WaitFor =
  | { kind: 'delete' }
  | { kind: 'create' }
  | { kind: 'condition'; type: string; value: string }
  | { kind: 'jsonpath'; expr: string; value?: string };

const PATH_ERROR = "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'";

/** kubectl's relaxed JSONPath: `{.a.b}`, `.a.b`, `a.b` and `{a.b}` all mean `{.a.b}`. */
export function relaxedJsonPath(p: string): string {
  let s = p.trim();
  if (s.startsWith('{') !== s.endsWith('}')) throw new CliError(PATH_ERROR);
  if (s.startsWith('{')) s = s.slice(1, -1);
  if (!s) throw new CliError(PATH_ERROR);
  if (!s.startsWith('.') && !s.startsWith('[')) s = '.' + s;
  return `{${s}}`;
}

export function parseWaitFor(f: string | undefined): WaitFor {
  const v = f ?? '';
  const lower = v.toLowerCase();
  if (lower === 'delete') return { kind: 'delete' };
  if (lower === 'create') return { kind: 'create' };
  if (lower.startsWith('condition=')) {
    const rest = v.slice('condition='.length);
    const eq = rest.indexOf('=');
    const type = eq < 0 ? rest : rest.slice(0, eq);
    if (!type) throw new CliError(`unrecognized condition: "${v}"`);
    return { kind: 'condition', type, value: eq < 0 ? 'True' : rest.slice(eq + 1) };
  }
  if (lower.startsWith('jsonpath=')) {
    const rest = v.slice('jsonpath='.length);
    // The value follows the expression: after its closing brace, or after the first `=` of a bare path.
    const close = rest.startsWith('{') ? rest.lastIndexOf('}') : -1;
    const eq = close >= 0 ? (rest[close + 1] === '=' ? close + 1 : -1) : rest.indexOf('=');
    const expr = relaxedJsonPath(eq < 0 ? rest : rest.slice(0, eq));
    try {
      findJsonPathResults(expr, {});
    } catch {
      throw new CliError(PATH_ERROR);
    }
    return eq < 0 ? { kind: 'jsonpath', expr } : { kind: 'jsonpath', expr, value: rest.slice(eq + 1) };
  }
  throw new CliError(`unrecognized condition: "${v}"`);
}

/**
 * Whether the object meets a condition or JSONPath wait: a status condition of that type (any case)
 * with that status (any case), not older than the object's generation; a JSONPath whose one value is
 * the one given (or that finds something, with no value given).
 */
export function met(obj: KObject, f: WaitFor): boolean {
  if (f.kind === 'condition') {
    const conds = (obj.status?.conditions ?? []) as { type?: string; status?: string; observedGeneration?: number }[];
    const generation = obj.metadata?.generation;
    return conds.some(
      (c) =>
        (c.type ?? '').toLowerCase() === f.type.toLowerCase() &&
        (c.status ?? '').toLowerCase() === f.value.toLowerCase() &&
        !(c.observedGeneration !== undefined && generation !== undefined && c.observedGeneration < generation),
    );
  }
  if (f.kind === 'jsonpath') {
    let results: unknown[];
    try {
      results = findJsonPathResults(f.expr, obj).flat();
    } catch {
      return false;
    }
    if (f.value === undefined) return results.length > 0;
    return results.length === 1 && jsonPathText(results[0]) === f.value;
  }
  return false;
}
