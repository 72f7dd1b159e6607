// The namespace controller: a namespace being deleted (Terminating) has everything in it deleted
// — pods gracefully — and is removed once nothing is left.
import { RESOURCES } from '../api/registry.js';
import { isApiError } from '../api/errors.js';
import type { Registry } from '../registry/registry.js';

const NAMESPACES = RESOURCES.find((r) => r.kind === 'Namespace')!;

export class NamespaceController {
  private stop?: () => void;
  private timer?: NodeJS.Timeout;
  private busy = new Set<string>();

  constructor(private readonly registry: Registry) {}

  start(): void {
    this.stop = this.registry.watch(NAMESPACES, undefined, {}, (e) => {
      if (e.type !== 'DELETED' && e.object.metadata.deletionTimestamp) queueMicrotask(() => this.sync(e.object.metadata.name!));
    });
    // Contents go away at their own pace (grace periods): look again until the namespace is empty.
    this.timer = setInterval(() => {
      for (const ns of this.registry.list(NAMESPACES, undefined).items) {
        if (ns.metadata.deletionTimestamp) this.sync(ns.metadata.name!);
      }
    }, 1000);
    this.timer.unref();
  }

  close(): void {
    this.stop?.();
    if (this.timer) clearInterval(this.timer);
  }

  sync(name: string): void {
    if (this.busy.has(name)) return;
    this.busy.add(name);
    try {
      const ns = this.registry.tryGet(NAMESPACES, undefined, name);
      if (!ns?.metadata.deletionTimestamp) return;
      let remaining = 0;
      for (const info of RESOURCES) {
        if (!info.namespaced) continue;
        for (const o of this.registry.list(info, name).items) {
          remaining++;
          if (o.metadata.deletionTimestamp) continue;
          try {
            this.registry.delete(info, name, o.metadata.name!, { propagationPolicy: 'Background' });
          } catch (e) {
            if (!isApiError(e)) throw e;
          }
        }
      }
      // Events may be written while pods stop; they are removed with the rest at the end.
      const nonEvents = RESOURCES.filter((r) => r.namespaced && r.kind !== 'Event').reduce((n, r) => n + this.registry.list(r, name).items.length, 0);
      if (nonEvents === 0) {
        for (const ev of this.registry.list(RESOURCES.find((r) => r.kind === 'Event')!, name).items) {
          this.registry.remove(RESOURCES.find((r) => r.kind === 'Event')!, name, ev.metadata.name!);
        }
        this.registry.finalizeNamespace(name);
      }
      void remaining;
    } finally {
      this.busy.delete(name);
    }
  }
}
