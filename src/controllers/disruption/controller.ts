// The disruption controller (kube-controller-manager's "disruption"): keeps every
// PodDisruptionBudget's status — healthy pods, desired healthy, disruptions allowed — in line with
// the pods it selects, written only when it changed. The eviction subresource reads that status.
import type { KObject, Pod } from '../../api/types.js';
import { RESOURCES, resourceByKind } from '../../api/registry.js';
import { isApiError } from '../../api/errors.js';
import type { Registry } from '../../registry/registry.js';
import { rfc3339 } from '../../util/clock.js';
import { WorkQueue } from '../queue.js';
import { objectKey } from '../ownership.js';
import { budgetSelects, computeStatus } from './compute.js';

const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const PDBS = RESOURCES.find((r) => r.kind === 'PodDisruptionBudget')!;

type Owner = { kind: string; name: string; apiVersion?: string; controller?: boolean };

function controllerOf(o: KObject): Owner | undefined {
  return (o.metadata.ownerReferences as Owner[] | undefined)?.find((r) => r.controller);
}

export class DisruptionController {
  private readonly queue: WorkQueue;
  private stops: Array<() => void> = [];

  constructor(
    private readonly registry: Registry,
    log: (m: string) => void = () => {},
  ) {
    this.queue = new WorkQueue((k) => this.sync(k), registry.clock, log);
  }

  start(): void {
    this.stops.push(this.registry.watch(PDBS, undefined, {}, (e) => this.queue.add(objectKey(e.object))));
    this.stops.push(
      this.registry.watch(PODS, undefined, {}, (e) => {
        for (const pdb of this.registry.list(PDBS, e.object.metadata.namespace).items) if (budgetSelects(pdb, e.object)) this.queue.add(objectKey(pdb));
      }),
    );
  }

  close(): void {
    for (const s of this.stops) s();
    this.queue.stop();
  }

  /** The replicas the controller of a pod wants (a ReplicaSet owned by a Deployment answers for the Deployment). */
  private scaleOf = (pod: Pod): { key: string; replicas: number } | undefined => {
    let owner = controllerOf(pod);
    const ns = pod.metadata.namespace;
    for (let depth = 0; owner && depth < 2; depth++) {
      const info = resourceByKind(owner.apiVersion, owner.kind);
      if (!info || !info.subresources.includes('scale')) return undefined;
      const obj = this.registry.tryGet(info, ns, owner.name);
      if (!obj) return undefined;
      const up = controllerOf(obj);
      if (owner.kind === 'ReplicaSet' && up?.kind === 'Deployment') {
        owner = up;
        continue;
      }
      return { key: `${owner.kind}/${owner.name}`, replicas: Number((obj.spec as { replicas?: number } | undefined)?.replicas ?? 1) };
    }
    return undefined;
  };

  private sync(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const pdb = this.registry.tryGet(PDBS, ns, name);
    if (!pdb || pdb.metadata.deletionTimestamp) return;
    const pods = this.registry.list(PODS, ns).items.filter((p) => budgetSelects(pdb, p)) as Pod[];
    const status = computeStatus({ pdb, pods, scaleOf: this.scaleOf, now: rfc3339(this.registry.clock.now()) });
    try {
      this.registry.mutate(PDBS, ns, name, (o) => {
        const old = JSON.stringify(o.status ?? {});
        const next = { ...status, conditions: status.conditions };
        if (JSON.stringify(next) === old) return false;
        o.status = next;
      }, { subresource: 'status' });
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }
}
