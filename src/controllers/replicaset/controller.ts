// The ReplicaSet controller: keeps `replicas` active pods matching the selector, owned by the RS.
// One sync = claim pods (adopt matching orphans, release pods that stopped matching) → create or
// delete the difference (slow-start batches; deletion order from ranking.ts) → write status.
// The decisions are the pure functions in ranking.ts and status.ts; this file does the I/O.
import type { KObject, OwnerReference, Pod } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { isApiError } from '../../api/errors.js';
import type { Registry } from '../../registry/registry.js';
import type { EventRecorder } from '../../events/recorder.js';
import { WorkQueue } from '../queue.js';
import { controllerRef, objectKey, ownerRefTo, selects } from '../ownership.js';

export { controllerRef, ownerRefTo };
import { podsToDelete } from './ranking.js';
import { calculateReplicaSetStatus, filterActivePods, replicaSetEvents, replicasDiff, slowStartBatches } from './status.js';
import { FairShare } from '../../util/fair-share.js';
import type { ReplicaSet } from '../deployment/types.js';

const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const RS = RESOURCES.find((r) => r.kind === 'ReplicaSet')!;
const SOURCE = 'replicaset-controller';


export class ReplicaSetController {
  private queue: WorkQueue;
  private stops: (() => void)[] = [];

  constructor(
    private readonly registry: Registry,
    private readonly recorder: EventRecorder,
    private readonly log: (m: string) => void = () => {},
  ) {
    this.queue = new WorkQueue((k) => this.sync(k), registry.clock, log);
  }

  start(): void {
    this.stops.push(
      this.registry.watch(RS, undefined, {}, (e) => {
        if (e.type !== 'DELETED') this.queue.add(objectKey(e.object));
      }),
    );
    this.stops.push(
      this.registry.watch(PODS, undefined, {}, (e) => {
        const ref = controllerRef(e.object);
        if (ref?.kind === 'ReplicaSet') this.queue.add(`${e.object.metadata.namespace}/${ref.name}`);
        else if (!ref && e.type !== 'DELETED') {
          // An orphan may be adopted by any ReplicaSet whose selector matches it.
          for (const rs of this.registry.listShared(RS, e.object.metadata.namespace)) {
            if (selects(rs, e.object)) this.queue.add(objectKey(rs));
          }
        }
      }),
    );
  }

  close(): void {
    for (const s of this.stops) s();
    this.queue.stop();
  }

  private async sync(k: string): Promise<void> {
    const [ns, name] = k.split('/') as [string, string];
    const rs = this.registry.tryGet(RS, ns, name) as ReplicaSet | undefined;
    if (!rs) return;
    const now = this.registry.clock.now();
    const pods = this.claimPods(rs);
    let manageError: string | undefined;
    if (!rs.metadata.deletionTimestamp) manageError = await this.manageReplicas(rs, pods);
    const fresh = this.claimPods(rs);
    const current = this.registry.tryGet(RS, ns, name) as ReplicaSet | undefined;
    if (!current || current.metadata.uid !== rs.metadata.uid) return;
    const result = calculateReplicaSetStatus(current, fresh, now, manageError);
    if (result.changed) {
      this.registry.mutate(RS, ns, name, (o) => {
        if (o.metadata.uid !== rs.metadata.uid) return false;
        o.status = result.status;
      }, { subresource: 'status' });
    }
    if (result.requeueAt !== undefined) this.queue.addAfter(k, Math.max(1, result.requeueAt - now + 1));
  }

  /** Pods this RS controls after adoption and release, as ControllerRefManager decides. */
  private claimPods(rs: ReplicaSet): Pod[] {
    const ns = rs.metadata.namespace!;
    const owned: Pod[] = [];
    for (const p of this.registry.listShared(PODS, ns) as Pod[]) {
      const ref = controllerRef(p);
      const matches = selects(rs, p);
      if (ref) {
        if (ref.uid !== rs.metadata.uid) continue;
        if (matches || p.metadata.deletionTimestamp) {
          owned.push(p);
          continue;
        }
        // Its labels no longer match: release it.
        this.patchOwner(p, (refs) => refs.filter((r) => r.uid !== rs.metadata.uid));
        continue;
      }
      if (!matches || p.metadata.deletionTimestamp || rs.metadata.deletionTimestamp) continue;
      const adopted = this.patchOwner(p, (refs) => [...refs, ownerRefTo(rs)]);
      if (adopted) owned.push(adopted);
    }
    return owned;
  }

  private patchOwner(p: Pod, change: (refs: OwnerReference[]) => OwnerReference[]): Pod | undefined {
    try {
      return this.registry.mutate(PODS, p.metadata.namespace, p.metadata.name!, (o) => {
        if (o.metadata.uid !== p.metadata.uid) return false;
        const refs = change(o.metadata.ownerReferences ?? []);
        if (refs.length) o.metadata.ownerReferences = refs;
        else delete o.metadata.ownerReferences;
      }) as Pod | undefined;
    } catch (e) {
      if (!isApiError(e)) throw e;
      return undefined;
    }
  }

  /**
   * Creates or deletes the difference, at most BURST_REPLICAS per sync (the pods' watch brings the
   * RS back for the rest), creations in slow-start batches; between batches the event loop serves
   * what waits (requests first). Returns an error message for the ReplicaFailure condition.
   */
  private async manageReplicas(rs: ReplicaSet, pods: Pod[]): Promise<string | undefined> {
    const active = filterActivePods(pods);
    const diff = replicasDiff(rs, active);
    const ns = rs.metadata.namespace!;
    const share = new FairShare();
    if (diff.create) {
      for (const batch of slowStartBatches(diff.create)) {
        for (let i = 0; i < batch; i++) {
          try {
            const pod = this.registry.create(PODS, ns, podFromTemplate(rs));
            const ev = replicaSetEvents.successfulCreate(pod.metadata.name!);
            this.recorder.record(SOURCE, rs, ev.type, ev.reason, ev.message);
          } catch (e) {
            const msg = (e as Error).message;
            const ev = replicaSetEvents.failedCreate(msg);
            this.recorder.record(SOURCE, rs, ev.type, ev.reason, ev.message);
            return msg;
          }
        }
        await share.yield();
        // Scaled, changed or deleted meanwhile: the sync this change queued decides again.
        const now = this.registry.tryGet(RS, ns, rs.metadata.name!);
        if (!now || now.metadata.uid !== rs.metadata.uid || now.metadata.generation !== rs.metadata.generation) return undefined;
      }
    } else if (diff.delete) {
      for (const p of podsToDelete(active, diff.delete, this.registry.clock.now())) {
        try {
          this.registry.delete(PODS, ns, p.metadata.name!, { preconditions: { uid: p.metadata.uid } });
          const ev = replicaSetEvents.successfulDelete(p.metadata.name!);
          this.recorder.record(SOURCE, rs, ev.type, ev.reason, ev.message);
        } catch (e) {
          if (isApiError(e) && e.code === 404) continue;
          const msg = (e as Error).message;
          const ev = replicaSetEvents.failedDelete(msg);
          this.recorder.record(SOURCE, rs, ev.type, ev.reason, ev.message);
          return msg;
        }
        await share.yield();
      }
    }
    return undefined;
  }
}




/** A pod for the RS: generateName `<rs>-`, the template's labels and annotations, owned by the RS. */
export function podFromTemplate(rs: ReplicaSet): Pod {
  const t = rs.spec?.template ?? {};
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${rs.metadata.name}-`,
      namespace: rs.metadata.namespace,
      labels: { ...(t.metadata?.labels ?? {}) },
      ...(t.metadata?.annotations ? { annotations: { ...t.metadata.annotations } } : {}),
      ownerReferences: [ownerRefTo(rs)],
    },
    spec: structuredClone(t.spec ?? { containers: [] }),
  } as Pod;
}
