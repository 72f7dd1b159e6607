// The resourcequota controller: every ResourceQuota's status.hard (its spec.hard) and status.used
// (src/admission/resource-quota.ts's usage), recomputed when the quota or an object it counts
// changes in its namespace, written only when it changed.
import { RESOURCES, resourceByKind } from '../api/registry.js';
import { isApiError } from '../api/errors.js';
import { quantityToString } from '../api/quantity.js';
import type { Registry } from '../registry/registry.js';
import { usage } from '../admission/resource-quota.js';

type Obj = Record<string, any>;

/** The status a quota should have, given a lister of its namespace's objects. Pure. */
export function quotaStatus(quota: Obj, list: Parameters<typeof usage>[1]): Obj {
  const hard = (quota.spec?.hard ?? {}) as Record<string, string>;
  const used = usage(hard, list);
  return { hard: { ...hard }, used: Object.fromEntries(Object.keys(hard).map((k) => [k, used[k] ? quantityToString(used[k]!) : '0'])) };
}

export class ResourceQuotaController {
  private stops: (() => void)[] = [];
  private pending = new Set<string>();

  constructor(
    private readonly registry: Registry,
    private readonly log: (m: string) => void = () => {},
  ) {}

  start(): void {
    const quota = resourceByKind('v1', 'ResourceQuota')!;
    // What any quota may count: pods (compute too) and the count/ kinds that are namespaced.
    const watched = RESOURCES.filter((r) => r.namespaced && !(r.verbs.length === 1 && r.verbs[0] === 'create') && r.kind !== 'Event');
    for (const info of watched) {
      this.stops.push(this.registry.watch(info, undefined, {}, (e) => this.enqueue(e.object.metadata.namespace ?? '')));
    }
    void quota;
  }

  close(): void {
    for (const s of this.stops) s();
  }

  private enqueue(ns: string): void {
    if (!ns || this.pending.has(ns)) return;
    this.pending.add(ns);
    queueMicrotask(() => {
      this.pending.delete(ns);
      this.sync(ns);
    });
  }

  sync(ns: string): void {
    const quotaInfo = resourceByKind('v1', 'ResourceQuota')!;
    for (const q of this.registry.list(quotaInfo, ns).items as Obj[]) {
      const status = quotaStatus(q, (info) => this.registry.list(info, ns).items);
      if (JSON.stringify(status) === JSON.stringify(q.status ?? {})) continue;
      try {
        this.registry.mutate(quotaInfo, ns, q.metadata.name, (o) => void ((o as Obj).status = status), { subresource: 'status' });
      } catch (e) {
        if (!isApiError(e)) throw e;
        if (e.code !== 404 && e.code !== 409) this.log(`resourcequota: ${ns}/${q.metadata.name}: ${e.message}`);
      }
    }
  }
}


