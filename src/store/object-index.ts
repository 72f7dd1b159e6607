// The store's objects by key, bucketed by resource (`<group>/<plural>/`), so listing one resource
// reads that resource's objects only, not every object of the cluster (10,000 pods must not make
// `get configmaps` slow). A Map's interface for the rest.
import type { KObject } from '../api/types.js';

/** `<group>/<plural>/` of a store key or prefix (keys are `<group>/<plural>/<namespace>/<name>`). */
function resourceOf(keyOrPrefix: string): string {
  const a = keyOrPrefix.indexOf('/');
  const b = keyOrPrefix.indexOf('/', a + 1);
  return b < 0 ? keyOrPrefix : keyOrPrefix.slice(0, b + 1);
}

export class ObjectIndex {
  private readonly all = new Map<string, KObject>();
  private readonly buckets = new Map<string, Map<string, KObject>>();

  constructor(entries?: Map<string, KObject>) {
    for (const [k, o] of entries ?? []) this.set(k, o);
  }

  get size(): number {
    return this.all.size;
  }

  get(key: string): KObject | undefined {
    return this.all.get(key);
  }

  has(key: string): boolean {
    return this.all.has(key);
  }

  set(key: string, o: KObject): void {
    this.all.set(key, o);
    const r = resourceOf(key);
    let b = this.buckets.get(r);
    if (!b) this.buckets.set(r, (b = new Map()));
    b.set(key, o);
  }

  delete(key: string): boolean {
    this.buckets.get(resourceOf(key))?.delete(key);
    return this.all.delete(key);
  }

  /** Entries whose key starts with `prefix`, reading only the prefix's resource when it names one. */
  *under(prefix: string): IterableIterator<[string, KObject]> {
    const r = resourceOf(prefix);
    const source = r.endsWith('/') && prefix.startsWith(r) ? (this.buckets.get(r) ?? new Map<string, KObject>()) : this.all;
    for (const e of source) if (e[0].startsWith(prefix)) yield e;
  }

  keys(): IterableIterator<string> {
    return this.all.keys();
  }

  [Symbol.iterator](): IterableIterator<[string, KObject]> {
    return this.all[Symbol.iterator]();
  }
}
