// Completed indexes of an Indexed Job as Kubernetes keeps them (pkg/controller/job/indexed_job_utils.go):
// ordered, non-overlapping intervals printed as `1,3-5,7`, and the first indexes still to run.

export type Intervals = [number, number][];

/** parseIndexesFromString: invalid parts and indexes ≥ completions are skipped. */
export function parseIndexes(s: string | undefined, completions: number): Intervals {
  const out: Intervals = [];
  if (!s) return out;
  for (const part of s.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) continue;
    const a = Number(m[1]);
    let b = m[2] === undefined ? a : Number(m[2]);
    if (b < a || a >= completions) continue;
    b = Math.min(b, completions - 1);
    const last = out[out.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** withOrderedIndexes: the intervals with `ixs` added. */
export function withIndexes(iv: Intervals, ixs: number[]): Intervals {
  const all = new Set<number>();
  for (const [a, b] of iv) for (let i = a; i <= b; i++) all.add(i);
  for (const i of ixs) all.add(i);
  return fromSet(all);
}

export function fromSet(set: Set<number>): Intervals {
  const sorted = [...set].sort((x, y) => x - y);
  const out: Intervals = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

export function formatIndexes(iv: Intervals): string {
  return iv.map(([a, b]) => (a === b ? String(a) : `${a}-${b}`)).join(',');
}

export function totalIndexes(iv: Intervals): number {
  return iv.reduce((n, [a, b]) => n + b - a + 1, 0);
}

export function hasIndex(iv: Intervals, i: number): boolean {
  return iv.some(([a, b]) => i >= a && i <= b);
}

/** firstPendingIndexes: the first `count` indexes below `completions` that neither succeeded nor run. */
export function firstPendingIndexes(succeeded: Intervals, running: Set<number>, count: number, completions: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) {
    if (!running.has(i) && !hasIndex(succeeded, i)) out.push(i);
  }
  return out;
}
