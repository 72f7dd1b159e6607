// Semantic equality as apimachinery's equality.Semantic.DeepEqual judges API objects, worked out on
// their JSON form. In Go a nil and an empty slice or map are equal, and a field left out by
// `omitempty` is the zero value of its type; JSON carries no types, so two readings are offered:
// - struct fields (the default): absent, null, "", false, [] and {} are all the zero value — what a
//   pod template or a pod spec compares like (EqualIgnoreHash, immutable-field checks);
// - maps and pointer fields (`emptyScalarsMatter`): only absent, null, [] and {} are empty; "" and
//   false are values (a label `a: ""`, an endpoint condition `ready: false`).
// Key order never matters. canonicalJSON is also what kbx hashes a pod template over, so its text
// must stay as it is (a changed text renames every ReplicaSet).

export interface SemanticOptions {
  /** "" and false are values, not the zero value (maps and pointer fields). */
  emptyScalarsMatter?: boolean;
}

function canonicalValue(v: unknown, emptyScalarsMatter: boolean): unknown {
  if (Array.isArray(v)) {
    if (v.length === 0) return undefined;
    // Inside a list, keep positions: a dropped element becomes null.
    return v.map((e) => canonicalValue(e, emptyScalarsMatter) ?? null);
  }
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const c = canonicalValue((v as Record<string, unknown>)[k], emptyScalarsMatter);
      if (c !== undefined) out[k] = c;
    }
    return Object.keys(out).length ? out : undefined;
  }
  if (v === null || v === undefined) return undefined;
  if (!emptyScalarsMatter && (v === '' || v === false)) return undefined;
  return v;
}

/** Deterministic text of a value under semantic equality: sorted keys, empty values dropped; '' when all of it is empty. */
export function canonicalJSON(v: unknown, opts: SemanticOptions = {}): string {
  return JSON.stringify(canonicalValue(v, !!opts.emptyScalarsMatter)) ?? '';
}

/** equality.Semantic.DeepEqual on two JSON values. */
export function semanticEqual(a: unknown, b: unknown, opts: SemanticOptions = {}): boolean {
  return canonicalJSON(a, opts) === canonicalJSON(b, opts);
}
