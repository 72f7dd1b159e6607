// The garbage collector: objects whose owners are gone are deleted (background propagation);
// owners deleted in the foreground wait until their dependents are gone; owners deleted with
// `orphan` release their dependents (ownerReferences removed) and go.
import { performance } from 'node:perf_hooks';
import type { KObject } from '../api/types.js';
import { RESOURCES, type ResourceInfo } from '../api/registry.js';
import { isApiError } from '../api/errors.js';
import type { Registry } from '../registry/registry.js';

const FOREGROUND = 'foregroundDeletion';
const ORPHAN = 'orphan';

export class GarbageCollector {
  private stops: (() => void)[] = [];
  private timer?: NodeJS.Timeout;
  private scheduled = false;
  /** How long the last sweep took: the next waits a few times that, so a sweep never takes the loop over. */
  private lastSweepMs = 0;

  constructor(
    private readonly registry: Registry,
    private readonly log: (m: string) => void = () => {},
  ) {}

  start(): void {
    for (const info of RESOURCES) {
      if (info.kind === 'Event') continue;
      this.stops.push(
        this.registry.watch(info, undefined, { resourceVersion: String(this.registry.store.resourceVersion) }, (e) => {
          if (e.type === 'DELETED' || e.object.metadata.deletionTimestamp) this.schedule();
        }),
      );
    }
    this.timer = setInterval(() => this.schedule(), 5000);
    this.timer.unref();
    this.schedule();
  }

  close(): void {
    for (const s of this.stops) s();
    if (this.timer) clearInterval(this.timer);
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      const t0 = performance.now();
      try {
        this.sweep();
      } catch (e) {
        this.log(`gc: ${(e as Error)?.stack ?? e}`);
      }
      this.lastSweepMs = performance.now() - t0;
    }, Math.max(10, 4 * this.lastSweepMs)).unref();
  }

  /** One pass over everything; returns how many writes it made. */
  sweep(): number {
    const all: { info: ResourceInfo; obj: KObject }[] = [];
    for (const info of RESOURCES) {
      if (info.kind === 'Event') continue;
      for (const obj of this.registry.listShared(info, undefined)) all.push({ info, obj });
    }
    const byUid = new Map(all.map((x) => [x.obj.metadata.uid!, x]));
    const dependents = new Map<string, { info: ResourceInfo; obj: KObject }[]>();
    for (const x of all) {
      for (const ref of x.obj.metadata.ownerReferences ?? []) {
        const list = dependents.get(ref.uid) ?? [];
        list.push(x);
        dependents.set(ref.uid, list);
      }
    }
    let writes = 0;
    for (const x of all) {
      const refs = x.obj.metadata.ownerReferences ?? [];
      if (!refs.length || x.obj.metadata.deletionTimestamp) continue;
      const owners = refs.map((r) => byUid.get(r.uid));
      // Every owner is gone: the dependent goes too.
      if (owners.every((o) => !o)) {
        writes += this.del(x.info, x.obj, 'Background');
        continue;
      }
      // An owner being deleted in the foreground takes its dependents first.
      // (A dependent with dependents of its own is deleted in the foreground too, so the owner
      // waits for the whole tree; a leaf goes in the background.)
      if (owners.some((o) => o?.obj.metadata.deletionTimestamp && o.obj.metadata.finalizers?.includes(FOREGROUND))) {
        writes += this.del(x.info, x.obj, dependents.get(x.obj.metadata.uid!)?.length ? 'Foreground' : 'Background');
      }
    }
    for (const x of all) {
      const fin = x.obj.metadata.finalizers ?? [];
      if (!x.obj.metadata.deletionTimestamp) continue;
      const uid = x.obj.metadata.uid!;
      if (fin.includes(ORPHAN)) {
        for (const d of dependents.get(uid) ?? []) {
          this.registry.mutate(d.info, d.obj.metadata.namespace, d.obj.metadata.name!, (o) => {
            const left = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
            if (left.length === (o.metadata.ownerReferences ?? []).length) return false;
            o.metadata.ownerReferences = left.length ? left : undefined;
            if (!left.length) delete o.metadata.ownerReferences;
          });
          writes++;
        }
        writes += this.dropFinalizer(x.info, x.obj, ORPHAN);
      } else if (fin.includes(FOREGROUND)) {
        const remaining = (dependents.get(uid) ?? []).filter((d) => byUid.has(d.obj.metadata.uid!));
        if (!remaining.length) writes += this.dropFinalizer(x.info, x.obj, FOREGROUND);
      }
    }
    return writes;
  }

  private del(info: ResourceInfo, obj: KObject, propagation: 'Background' | 'Foreground'): number {
    try {
      this.registry.delete(info, obj.metadata.namespace, obj.metadata.name!, { propagationPolicy: propagation, preconditions: { uid: obj.metadata.uid } });
      return 1;
    } catch (e) {
      if (!isApiError(e)) throw e;
      return 0;
    }
  }

  private dropFinalizer(info: ResourceInfo, obj: KObject, finalizer: string): number {
    try {
      this.registry.mutate(info, obj.metadata.namespace, obj.metadata.name!, (o) => {
        const left = (o.metadata.finalizers ?? []).filter((f) => f !== finalizer);
        if (left.length === (o.metadata.finalizers ?? []).length) return false;
        o.metadata.finalizers = left;
        if (!left.length) delete o.metadata.finalizers;
      });
      return 1;
    } catch (e) {
      if (!isApiError(e)) throw e;
      return 0;
    }
  }
}
