// The object store: etcd's job in kbx. Keys are `<group>/<plural>/<namespace>/<name>`.
// One resourceVersion counter for everything; watchers get every committed change in order; a bounded
// history lets a watch resume from a recent resourceVersion (older ones get 410 Gone, as from a real
// API server).
//
// Writes and group commit. `put`/`delete` are synchronous: they check nothing, apply the change to the
// in-memory state (the "head" every later read and write of this process sees, so read-modify-write
// stays sequential) and queue its log record. Records queued while an fdatasync is in flight are
// written together and made durable by the next one (group commit). A write is acknowledged through
// `durable()`: the API server awaits it before it answers, so an answer never reports a write that is
// not on disk. Watch events are delivered only for committed writes, in resourceVersion order, as
// etcd does. When a batch cannot be made durable (ENOSPC, EIO, a short write) it and every write queued
// after it are rolled back in memory (none was acknowledged or seen by a watcher), `durable()` rejects
// with a StorageError, and the store keeps serving reads and tries again with the next write.
import fs from 'node:fs';
import path from 'node:path';
import { Wal, recoverySummary, type Recovery } from './wal.js';
import { encodeRecord } from './wal-format.js';
import type { FileOps } from './file-ops.js';
import { ObjectIndex } from './object-index.js';
import type { KObject } from '../api/types.js';
import type { StoreCodec } from './encryption.js';

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
// Compaction: when the log outgrows the snapshot by this ratio (and is at least MIN bytes).
const COMPACT_RATIO = 2;
const COMPACT_MIN_BYTES = 4 << 20;
// After a failed compaction (a full disk), wait this long before trying again.
const COMPACT_RETRY_MS = 30_000;

export class ResourceVersionTooOld extends Error {}

/** A write that could not be made durable; nothing of it was kept. */
export class StorageError extends Error {
  constructor(override readonly cause: unknown) {
    super(`the store could not write to disk (${(cause as Error)?.message ?? String(cause)}); the write was not saved`);
  }
}

interface Batch {
  text: string[];
  events: StoreEvent[];
  lastRv: number;
  /** Each key's value before this batch first touched it (undefined: it did not exist). */
  undo: Map<string, KObject | undefined>;
  done: Promise<void>;
  resolve: () => void;
  reject: (e: Error) => void;
}

export interface StoreOptions {
  ops?: FileOps;
  /** The log is compacted once it is this many bytes and COMPACT_RATIO × the snapshot (tests lower it). */
  compactMinBytes?: number;
  log?: (msg: string) => void;
  now?: () => number;
  /** Encryption at rest (encryption.ts): what goes to the log and the snapshot, and back. */
  codec?: StoreCodec;
  /** Names the codec's writing provider and key ("aesgcm:key1"): the store re-encrypts everything when it changes. */
  codecId?: string;
}

/** The store directory's record of how its files are written (the codecId), once every file is. */
const ENCRYPTION_MARKER = 'encryption.json';

export interface StoreHealth {
  /** The last write failure, until a write succeeds again. */
  writeError?: string;
  /** What the last start set aside, as one line. */
  recovery?: string;
}

export class Store {
  private objects: ObjectIndex;
  private rv: number;
  private committedRv: number;
  private history: StoreEvent[] = [];
  private watchers = new Set<Watcher>();
  /** Batches not yet durable, oldest first: at most the one being written and the one filling. */
  private uncommitted: Batch[] = [];
  private filling: Batch | undefined;
  private flushing = false;
  private closed = false;
  private writeError: string | undefined;
  private compactAfter = 0;
  /** Compactions still to run so that no file holds an object as the old codec wrote it (the snapshot and log, then their .prev copies). */
  private reencrypt = 0;
  /** Writes and fdatasyncs since open: their ratio is the group-commit factor. */
  readonly stats = { writes: 0, batches: 0 };
  readonly recovery: Recovery | undefined;

  private constructor(
    private readonly wal: Wal | null,
    objects: Map<string, unknown>,
    rv: number,
    recovery: Recovery | undefined,
    private readonly opts: StoreOptions = {},
    private readonly dir?: string,
    reencrypt = false,
  ) {
    this.objects = new ObjectIndex(objects as Map<string, KObject>);
    this.rv = rv;
    this.committedRv = rv;
    this.recovery = recovery;
    if (reencrypt) this.reencrypt = 2;
    if (wal?.wantsCompaction || this.reencrypt) this.kick();
  }

  /** A durable store in `dir`. */
  static open(dir: string, opts: StoreOptions = {}): Store {
    const { wal, rv, objects, recovery } = Wal.open(dir, opts.ops, opts.now);
    for (const n of recovery.notes) opts.log?.(`store: ${n}`);
    const summary = recoverySummary(recovery);
    if (summary) opts.log?.(`store: ${summary}`);
    let reencrypt = false;
    if (opts.codec) {
      const codec = opts.codec;
      let stale = 0;
      try {
        for (const [k, o] of objects) {
          if (codec.stale(k, o)) stale++;
          objects.set(k, codec.decode(k, o));
        }
      } catch (e) {
        wal.close();
        throw e;
      }
      let marker: string | undefined;
      try {
        marker = (JSON.parse(fs.readFileSync(path.join(dir, ENCRYPTION_MARKER), 'utf8')) as { codec?: string }).codec;
      } catch {
        /* a store from before encryption, or a new one */
      }
      if (stale) opts.log?.(`store: ${stale} object(s) are not stored as ${opts.codecId ?? 'the encryption configuration'} says; rewriting the store's files`);
      reencrypt = stale > 0 || marker !== opts.codecId;
      if (reencrypt && !objects.size && !wal.logBytes) {
        Store.writeMarker(dir, opts.codecId);
        reencrypt = false;
      }
    }
    return new Store(wal, objects, rv, recovery, opts, dir, reencrypt);
  }

  private static writeMarker(dir: string, codecId: string | undefined): void {
    const file = path.join(dir, ENCRYPTION_MARKER);
    fs.writeFileSync(file + '.tmp', JSON.stringify({ codec: codecId ?? '' }) + '\n', { mode: 0o600 });
    fs.renameSync(file + '.tmp', file);
  }

  /** A store that keeps nothing on disk (unit tests): every write is committed at once. */
  static memory(): Store {
    return new Store(null, new Map(), 0, undefined);
  }

  static key(group: string, plural: string, namespace: string | undefined, name: string): string {
    return `${group}/${plural}/${namespace ?? ''}/${name}`;
  }

  static prefix(group: string, plural: string, namespace?: string): string {
    return namespace === undefined ? `${group}/${plural}/` : `${group}/${plural}/${namespace}/`;
  }

  /** The resourceVersion of the last write (durable once `durable()` resolves). */
  get resourceVersion(): number {
    return this.rv;
  }

  /** The resourceVersion of the last durable write: what watchers have been told about. */
  get committedResourceVersion(): number {
    return this.committedRv;
  }

  health(): StoreHealth {
    return { writeError: this.writeError, recovery: this.recovery && recoverySummary(this.recovery) };
  }

  get(key: string): KObject | undefined {
    const o = this.objects.get(key);
    return o ? clone(o) : undefined;
  }

  /** Objects under a prefix, as copies, in key order. */
  list(prefix: string): KObject[] {
    return this.listShared(prefix).map(clone);
  }

  /**
   * Objects under a prefix, in key order, as the store's own objects: for in-process readers (the
   * controllers' listers, as an informer's cache) that never change them. No copy is made.
   */
  listShared(prefix: string): readonly KObject[] {
    return sortEntries([...this.objects.under(prefix)]);
  }

  /** Like list, without the writes not yet durable: the state at committedResourceVersion (a watch's start). */
  listCommitted(prefix: string): KObject[] {
    if (!this.uncommitted.length) return this.list(prefix);
    const before = new Map<string, KObject | undefined>();
    for (const b of this.uncommitted) for (const [k, v] of b.undo) if (k.startsWith(prefix) && !before.has(k)) before.set(k, v);
    const out: [string, KObject][] = [];
    for (const [k, o] of this.objects.under(prefix)) if (!before.has(k)) out.push([k, o]);
    for (const [k, v] of before) if (v) out.push([k, v]);
    return sortEntries(out).map(clone);
  }

  count(prefix: string): number {
    let n = 0;
    for (const _ of this.objects.under(prefix)) n++;
    return n;
  }

  /**
   * Writes `obj` under `key` (create or replace); sets its resourceVersion. Returns the stored copy.
   * With `owned`, the store keeps `obj` itself instead of a copy: the caller hands it over and never
   * touches it again (the registry, whose objects are always its own fresh copies).
   */
  put(key: string, obj: KObject, opts: { owned?: boolean } = {}): KObject {
    const existed = this.objects.has(key);
    const rv = this.rv + 1;
    const stored = opts.owned ? obj : clone(obj);
    stored.metadata.resourceVersion = String(rv);
    this.record(key, { type: existed ? 'MODIFIED' : 'ADDED', key, rv, object: stored }, encodeRecord({ rv, op: 'put', k: key, o: this.diskForm(key, stored) }));
    this.objects.set(key, stored);
    return clone(stored);
  }

  delete(key: string): KObject | undefined {
    const old = this.objects.get(key);
    if (!old) return undefined;
    const rv = this.rv + 1;
    const last = clone(old);
    last.metadata.resourceVersion = String(rv);
    this.record(key, { type: 'DELETED', key, rv, object: last }, encodeRecord({ rv, op: 'del', k: key }));
    this.objects.delete(key);
    return clone(last);
  }

  /**
   * Resolves when every write made so far is durable; rejects with a StorageError when one of them
   * could not be (it and every later one were then rolled back).
   */
  durable(): Promise<void> {
    const last = this.uncommitted[this.uncommitted.length - 1];
    return last ? last.done : Promise.resolve();
  }

  /**
   * Subscribes to committed changes under `prefix`. With `fromRv`, first replays every change after
   * it from the history (throws ResourceVersionTooOld when it no longer has them); without, starts
   * after committedResourceVersion (pair it with listCommitted).
   */
  watch(prefix: string, fromRv: number | undefined, fn: (e: StoreEvent) => void): () => void {
    if (fromRv !== undefined && fromRv < this.committedRv) {
      const oldest = this.history.length ? this.history[0]!.rv : this.committedRv + 1;
      if (fromRv < oldest - 1) throw new ResourceVersionTooOld(`too old resource version: ${fromRv} (${oldest - 1})`);
      for (const e of this.history) if (e.rv > fromRv && e.key.startsWith(prefix)) fn(copyEvent(e));
    }
    const after = fromRv === undefined ? this.committedRv : Math.max(fromRv, this.committedRv);
    const w: Watcher = {
      prefix,
      fn: (e) => {
        if (e.rv > after) fn(e);
      },
    };
    this.watchers.add(w);
    return () => this.watchers.delete(w);
  }

  /** Waits for pending writes, writes a final snapshot (a clean stop restarts from it alone) and closes. */
  async close(): Promise<void> {
    if (!this.wal || this.closed) return;
    await this.durable().catch(() => undefined);
    while (this.flushing) await new Promise((r) => setTimeout(r, 1));
    this.closed = true;
    this.opts.log?.(`store: ${this.stats.writes} durable writes in ${this.stats.batches} fdatasyncs since the start`);
    if (this.wal.logBytes > 0) {
      try {
        await this.wal.compact(this.snapshotJson());
      } catch (e) {
        this.opts.log?.(`store: could not write the final snapshot (${(e as Error).message}); the log has everything`);
      }
    }
    this.wal.close();
  }

  private record(key: string, e: StoreEvent, text: string): void {
    if (this.closed) throw new StorageError(new Error('the store is closed'));
    this.rv = e.rv;
    if (!this.wal) {
      this.committedRv = e.rv;
      this.emit(e);
      return;
    }
    let b = this.filling;
    if (!b) {
      let resolve!: () => void;
      let reject!: (e: Error) => void;
      const done = new Promise<void>((res, rej) => ((resolve = res), (reject = rej)));
      done.catch(() => undefined); // a write nobody awaits must not become an unhandled rejection
      b = { text: [], events: [], lastRv: 0, undo: new Map(), done, resolve, reject };
      this.filling = b;
      this.uncommitted.push(b);
      this.kick();
    }
    if (!b.undo.has(key)) b.undo.set(key, this.objects.get(key));
    b.text.push(text);
    b.events.push(e);
    b.lastRv = e.rv;
  }

  /** Starts the writer unless it runs; it starts after the current synchronous work, so that work's writes share a batch. */
  private kick(): void {
    if (this.flushing) return;
    this.flushing = true;
    setImmediate(() => void this.flushLoop());
  }

  private async flushLoop(): Promise<void> {
    try {
      for (;;) {
        const b = this.filling;
        if (b) {
          this.filling = undefined;
          try {
            await this.wal!.append(Buffer.from(b.text.join('')));
          } catch (e) {
            this.rollback(b, e);
            continue;
          }
          this.commit(b);
        } else if (this.reencrypt > 0 && !this.closed && this.now() >= this.compactAfter) {
          if (await this.compactNow()) {
            this.reencrypt--;
            if (!this.reencrypt) {
              Store.writeMarker(this.dir!, this.opts.codecId);
              this.opts.log?.(`store: every file of the store is written as ${this.opts.codecId ?? 'configured'}`);
            }
          } else return;
        } else if (this.compactionDue()) {
          await this.compactNow();
        } else {
          return;
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  private commit(b: Batch): void {
    this.uncommitted.shift();
    this.stats.writes += b.events.length;
    this.stats.batches++;
    this.committedRv = b.lastRv;
    if (this.writeError) this.opts.log?.('store: writes succeed again');
    this.writeError = undefined;
    for (const e of b.events) this.emit(e);
    b.resolve();
  }

  /** `failed` and every batch after it never happened: restore what they changed, newest first. */
  private rollback(failed: Batch, cause: unknown): void {
    const i = this.uncommitted.indexOf(failed);
    const gone = this.uncommitted.splice(i);
    for (const b of [...gone].reverse()) {
      for (const [k, v] of b.undo) {
        if (v) this.objects.set(k, v);
        else this.objects.delete(k);
      }
    }
    this.filling = undefined;
    this.rv = this.committedRv;
    const err = new StorageError(cause);
    const lost = gone.reduce((n, b) => n + b.events.length, 0);
    if (!this.writeError) this.opts.log?.(`store: ${lost} write(s) failed and were not saved: ${(cause as Error)?.message ?? cause}`);
    this.writeError = `${(cause as Error)?.message ?? String(cause)}`;
    for (const b of gone) b.reject(err);
  }

  private compactionDue(): boolean {
    const wal = this.wal!;
    if (this.closed || this.now() < this.compactAfter) return false;
    if (wal.wantsCompaction && this.compactAfter === 0) return true;
    return wal.logBytes > Math.max(this.opts.compactMinBytes ?? COMPACT_MIN_BYTES, COMPACT_RATIO * wal.snapshotBytes);
  }

  private async compactNow(): Promise<boolean> {
    const t0 = performance.now();
    try {
      await this.wal!.compact(this.snapshotJson());
      this.compactAfter = 1; // wantsCompaction is satisfied
      this.opts.log?.(`store: compacted at resourceVersion ${this.committedRv} (${this.wal!.snapshotBytes} bytes, ${Math.round(performance.now() - t0)} ms)`);
      return true;
    } catch (e) {
      this.compactAfter = this.now() + COMPACT_RETRY_MS;
      this.opts.log?.(`store: compaction failed (${(e as Error).message}); the log keeps everything, trying again in ${COMPACT_RETRY_MS / 1000}s`);
      return false;
    }
  }

  /** What an object is written as: itself, or its encrypted envelope. */
  private diskForm(key: string, o: KObject): unknown {
    return this.opts.codec ? this.opts.codec.encode(key, o) : o;
  }

  /** The committed state (what the log on disk holds) as snapshot JSON. */
  private snapshotJson(): string {
    const before = new Map<string, KObject | undefined>();
    for (const b of this.uncommitted) for (const [k, v] of b.undo) if (!before.has(k)) before.set(k, v);
    const entries: [string, unknown][] = [];
    for (const [k, o] of this.objects) if (!before.has(k)) entries.push([k, this.diskForm(k, o)]);
    for (const [k, v] of before) if (v) entries.push([k, this.diskForm(k, v)]);
    return JSON.stringify({ rv: this.committedRv, objects: entries });
  }

  private now(): number {
    return (this.opts.now ?? Date.now)();
  }

  private emit(e: StoreEvent): void {
    this.history.push(e);
    if (this.history.length > HISTORY + 1000) this.history.splice(0, this.history.length - HISTORY);
    for (const w of this.watchers) {
      if (!e.key.startsWith(w.prefix)) continue;
      try {
        w.fn(copyEvent(e));
      } catch {
        // A broken watcher must never break a write.
      }
    }
  }
}

/** In key order, byte-wise as etcd orders keys (namespace, then name, within a resource). */
function sortEntries(entries: [string, KObject][]): KObject[] {
  return entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map((e) => e[1]);
}

function copyEvent(e: StoreEvent): StoreEvent {
  return { ...e, object: clone(e.object) };
}

export function clone<T>(o: T): T {
  return structuredClone(o);
}
