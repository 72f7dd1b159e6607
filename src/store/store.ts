// The object store: etcd's job in kbx. Keys are `<group>/<plural>/<namespace>/<name>`.
// One resourceVersion counter for everything; every write is durable before it is acknowledged
// (see wal.ts); watchers get every change in order; a bounded history lets a watch resume from
// a recent resourceVersion (older ones get 410 Gone, as from a real API server).
import { Wal } from './wal.js';
import type { KObject } from '../api/types.js';

export type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  type: EventType;
  key: string;
  rv: number;
  object: KObject;
}

export interface Watcher {
  prefix: string;
  fn: (e: StoreEvent) => void;
}

// Enough for any client to resume a watch on a local cluster; older versions get 410 Gone.
const HISTORY = 5000;
const COMPACT_AFTER = 20000;

export class ResourceVersionTooOld extends Error {}

export class Store {
  private objects: Map<string, KObject>;
  private rv: number;
  private history: StoreEvent[] = [];
  private watchers = new Set<Watcher>();

  private constructor(private readonly wal: Wal | null, objects: Map<string, unknown>, rv: number) {
    this.objects = objects as Map<string, KObject>;
    this.rv = rv;
  }

  /** A durable store in `dir`. */
  static open(dir: string): Store {
    const { wal, rv, objects } = Wal.open(dir);
    return new Store(wal, objects, rv);
  }

  /** A store that keeps nothing on disk (unit tests). */
  static memory(): Store {
    return new Store(null, new Map(), 0);
  }

  static key(group: string, plural: string, namespace: string | undefined, name: string): string {
    return `${group}/${plural}/${namespace ?? ''}/${name}`;
  }

  static prefix(group: string, plural: string, namespace?: string): string {
    return namespace === undefined ? `${group}/${plural}/` : `${group}/${plural}/${namespace}/`;
  }

  get resourceVersion(): number {
    return this.rv;
  }

  get(key: string): KObject | undefined {
    const o = this.objects.get(key);
    return o ? clone(o) : undefined;
  }

  /** Objects under a prefix, as copies, in key order. */
  list(prefix: string): KObject[] {
    const out: KObject[] = [];
    for (const [k, o] of this.objects) if (k.startsWith(prefix)) out.push(clone(o));
    out.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
    return out;
  }

  count(prefix: string): number {
    let n = 0;
    for (const k of this.objects.keys()) if (k.startsWith(prefix)) n++;
    return n;
  }

  /** Writes `obj` under `key` (create or replace); sets its resourceVersion. Returns the stored copy. */
  put(key: string, obj: KObject): KObject {
    const existed = this.objects.has(key);
    const rv = this.rv + 1;
    const stored = clone(obj);
    stored.metadata.resourceVersion = String(rv);
    this.wal?.append({ rv, op: 'put', k: key, o: stored });
    this.rv = rv;
    this.objects.set(key, stored);
    this.emit({ type: existed ? 'MODIFIED' : 'ADDED', key, rv, object: stored });
    this.maybeCompact();
    return clone(stored);
  }

  delete(key: string): KObject | undefined {
    const old = this.objects.get(key);
    if (!old) return undefined;
    const rv = this.rv + 1;
    this.wal?.append({ rv, op: 'del', k: key });
    this.rv = rv;
    this.objects.delete(key);
    const last = clone(old);
    last.metadata.resourceVersion = String(rv);
    this.emit({ type: 'DELETED', key, rv, object: last });
    this.maybeCompact();
    return clone(last);
  }

  /**
   * Subscribes to changes under `prefix`. With `fromRv`, first replays every change after it from
   * the history (throws ResourceVersionTooOld when it no longer has them).
   */
  watch(prefix: string, fromRv: number | undefined, fn: (e: StoreEvent) => void): () => void {
    if (fromRv !== undefined && fromRv < this.rv) {
      const oldest = this.history.length ? this.history[0]!.rv : this.rv + 1;
      if (fromRv < oldest - 1) throw new ResourceVersionTooOld(`too old resource version: ${fromRv} (${oldest - 1})`);
      for (const e of this.history) if (e.rv > fromRv && e.key.startsWith(prefix)) fn(copyEvent(e));
    }
    const w: Watcher = { prefix, fn };
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }

  close(): void {
    this.wal?.close();
  }

  private emit(e: StoreEvent): void {
    this.history.push(e);
    if (this.history.length > HISTORY) this.history.splice(0, this.history.length - HISTORY);
    for (const w of this.watchers) {
      if (!e.key.startsWith(w.prefix)) continue;
      try {
        w.fn(copyEvent(e));
      } catch {
        // A broken watcher must never break a write.
      }
    }
  }

  private maybeCompact(): void {
    if (this.wal && this.wal.recordCount >= COMPACT_AFTER) this.wal.compact(this.rv, this.objects);
  }
}

function keyOf(o: KObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
}

function copyEvent(e: StoreEvent): StoreEvent {
  return { ...e, object: clone(e.object) };
}

export function clone<T>(o: T): T {
  return structuredClone(o);
}
