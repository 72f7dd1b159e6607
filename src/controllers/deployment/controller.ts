// The Deployment controller: level-triggered, at most one scale step per sync, as Kubernetes'
// syncDeployment (see README.md in this folder for the order). The decisions are the pure
// functions of plan.ts and status.ts; this file reads the store, writes the results, records events.
import type { KObject, Pod } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { isApiError } from '../../api/errors.js';
import type { Registry } from '../../registry/registry.js';
import type { EventRecorder } from '../../events/recorder.js';
import { WorkQueue } from '../queue.js';
import { controllerRef, objectKey, ownerRefTo, selects } from '../ownership.js';
import type { Deployment, DeploymentStatus, ReplicaSet } from './types.js';
import {
  cleanupCandidates,
  getNewReplicaSet,
  isSelectingAll,
  newReplicaSet,
  newReplicaSetCreated,
  oldPodsRunning,
  planProportionalScale,
  planRecreate,
  planRolling,
  replicaSetCreateError,
  resolveCreateConflict,
  SELECTING_ALL_MESSAGE,
  splitReplicaSets,
  type ScaleAction,
  type Step,
} from './plan.js';
import { checkPausedConditions, setDeploymentCondition, syncDeploymentStatus, syncRolloutStatus } from './status.js';
import { isScalingEvent } from './rollout-math.js';
import { REVISION_ANNOTATION } from '../../api/deployment-util.js';

const DEPLOYMENTS = RESOURCES.find((r) => r.kind === 'Deployment')!;
const RS = RESOURCES.find((r) => r.kind === 'ReplicaSet')!;
const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const SOURCE = 'deployment-controller';

export class DeploymentController {
  private queue: WorkQueue;
  private stops: (() => void)[] = [];
  /** Steps taken (scale writes and RS creations), for the benchmark's "reconcile steps" figure. */
  steps = 0;

  constructor(
    private readonly registry: Registry,
    private readonly recorder: EventRecorder,
    private readonly log: (m: string) => void = () => {},
  ) {
    this.queue = new WorkQueue((k) => this.sync(k), registry.clock, log);
  }

  start(): void {
    this.stops.push(this.registry.watch(DEPLOYMENTS, undefined, {}, (e) => {
      if (e.type !== 'DELETED') this.queue.add(objectKey(e.object));
    }));
    this.stops.push(this.registry.watch(RS, undefined, {}, (e) => {
      const ref = controllerRef(e.object);
      if (ref?.kind === 'Deployment') this.queue.add(`${e.object.metadata.namespace}/${ref.name}`);
      else if (!ref && e.type !== 'DELETED') {
        for (const d of this.registry.list(DEPLOYMENTS, e.object.metadata.namespace).items) if (selects(d, e.object)) this.queue.add(objectKey(d));
      }
    }));
    // Recreate waits for old pods to be gone: their deletion must wake the deployment.
    this.stops.push(this.registry.watch(PODS, undefined, {}, (e) => {
      if (e.type !== 'DELETED') return;
      const ref = controllerRef(e.object);
      if (ref?.kind !== 'ReplicaSet') return;
      const rs = this.registry.tryGet(RS, e.object.metadata.namespace, ref.name);
      const dref = rs && controllerRef(rs);
      if (dref?.kind === 'Deployment') this.queue.add(`${e.object.metadata.namespace}/${dref.name}`);
    }));
  }

  close(): void {
    for (const s of this.stops) s();
    this.queue.stop();
  }

  private sync(k: string): void {
    const [ns, name] = k.split('/') as [string, string];
    let d = this.registry.tryGet(DEPLOYMENTS, ns, name) as Deployment | undefined;
    if (!d) return;
    const now = this.registry.clock.now();

    if (isSelectingAll(d)) {
      this.recorder.record(SOURCE, d, 'Warning', 'SelectingAll', SELECTING_ALL_MESSAGE);
      this.writeStatus(d, { ...(d.status ?? {}), observedGeneration: d.metadata.generation });
      return;
    }
    const rsList = this.claimReplicaSets(d);
    let view = splitReplicaSets(d, rsList);
    if (d.metadata.deletionTimestamp) {
      this.finishStatus(d, rsList, view.newRS, now, syncDeploymentStatus);
      return;
    }
    const paused = checkPausedConditions(d, now);
    if (paused) d = this.writeStatus(d, paused) ?? d;

    // The new ReplicaSet (if any) first: annotations and revision.
    const found = getNewReplicaSet(d, view, now);
    if (found.kind === 'existing') {
      if (found.rsUpdate) {
        const upd = found.rsUpdate;
        this.registry.mutate(RS, ns, found.rs.metadata.name!, (o) => {
          o.metadata.annotations = upd.annotations;
          if (upd.minReadySeconds === undefined) delete o.spec.minReadySeconds;
          else o.spec.minReadySeconds = upd.minReadySeconds;
        });
        this.queue.add(k);
        return;
      }
      if (found.deploymentRevision) d = this.setRevision(d, found.deploymentRevision) ?? d;
      if (found.progressingCondition) d = this.writeStatus(d, setDeploymentCondition({ ...(d.status ?? {}) }, found.progressingCondition)) ?? d;
    }

    if (d.spec.paused || isScalingEvent(d, view.newRS, view.allOldRSs)) {
      this.applyScales(d, planProportionalScale(d, view.newRS, view.oldRSs));
      if (d.spec.paused) this.cleanup(d, view.allOldRSs);
      const fresh = this.claimReplicaSets(d);
      this.finishStatus(d, fresh, splitReplicaSets(d, fresh).newRS, now, syncDeploymentStatus);
      return;
    }

    let step: Step = this.plan(d, view);
    if (step.kind === 'createNewRS') {
      const created = this.createReplicaSet(d, step.replicaSet, view, now);
      if (!created) return;
      const rsList2 = this.claimReplicaSets(d);
      view = splitReplicaSets(d, rsList2);
      this.finishStatus(d, rsList2, view.newRS, now, syncRolloutStatus);
      return;
    }
    if (step.kind === 'scale') {
      this.applyScales(d, step.scales);
      if (step.cleanup) this.cleanup(d, view.allOldRSs);
    } else if (step.kind === 'none' && step.cleanup) {
      this.cleanup(d, view.allOldRSs);
    }
    const after = this.claimReplicaSets(d);
    this.finishStatus(d, after, splitReplicaSets(d, after).newRS, now, syncRolloutStatus);
  }

  private plan(d: Deployment, view: ReturnType<typeof splitReplicaSets>): Step {
    if (d.spec.strategy?.type === 'Recreate') {
      const pods = this.registry.list(PODS, d.metadata.namespace).items as Pod[];
      return planRecreate(d, view.newRS, view.allOldRSs, oldPodsRunning(view.newRS, view.allOldRSs, pods));
    }
    return planRolling(d, view.newRS, view.allOldRSs);
  }

  private createReplicaSet(d: Deployment, rs: ReplicaSet, view: ReturnType<typeof splitReplicaSets>, now: number): boolean {
    const ns = d.metadata.namespace!;
    const revision = rs.metadata.annotations?.[REVISION_ANNOTATION] ?? '1';
    let created: ReplicaSet;
    let existed = false;
    try {
      created = this.registry.create(RS, ns, rs) as ReplicaSet;
      this.steps++;
    } catch (e) {
      if (isApiError(e) && e.code === 409) {
        const existing = this.registry.tryGet(RS, ns, rs.metadata.name!) as ReplicaSet;
        const r = resolveCreateConflict(d, existing);
        if (r.kind === 'collision') {
          this.writeStatus(d, { ...(d.status ?? {}), collisionCount: r.collisionCount });
          this.queue.add(objectKey(d));
          return false;
        }
        created = existing;
        existed = true;
      } else {
        const msg = (e as Error).message;
        const err = replicaSetCreateError(d, rs.metadata.name!, msg, now);
        this.recorder.record(SOURCE, d, 'Warning', 'ReplicaSetCreateError', err.event);
        if (err.progressingCondition) this.writeStatus(d, setDeploymentCondition({ ...(d.status ?? {}) }, err.progressingCondition));
        return false;
      }
    }
    const outcome = newReplicaSetCreated(d, created, revision, existed, now);
    if (outcome.event) this.recorder.record(SOURCE, d, 'Normal', 'ScalingReplicaSet', outcome.event);
    let cur: Deployment | undefined = d;
    if (outcome.deploymentRevision) cur = this.setRevision(d, outcome.deploymentRevision) ?? d;
    if (outcome.progressingCondition) this.writeStatus(cur, setDeploymentCondition({ ...(cur.status ?? {}) }, outcome.progressingCondition));
    void view;
    return true;
  }

  private applyScales(d: Deployment, scales: ScaleAction[]): void {
    for (const a of scales) {
      const updated = this.registry.mutate(RS, d.metadata.namespace, a.rs, (o) => {
        const same = (o.spec.replicas ?? 1) === a.to && Object.entries(a.annotations).every(([k, v]) => o.metadata.annotations?.[k] === v);
        if (same) return false;
        o.spec.replicas = a.to;
        o.metadata.annotations = { ...(o.metadata.annotations ?? {}), ...a.annotations };
      });
      if (updated && a.event) {
        this.steps++;
        this.recorder.record(SOURCE, d, 'Normal', 'ScalingReplicaSet', a.event);
      }
    }
  }

  private cleanup(d: Deployment, allOldRSs: ReplicaSet[]): void {
    for (const name of cleanupCandidates(d, allOldRSs)) {
      try {
        this.registry.delete(RS, d.metadata.namespace, name, { propagationPolicy: 'Background' });
      } catch (e) {
        if (!isApiError(e)) throw e;
      }
    }
  }

  private finishStatus(
    d: Deployment,
    rsList: ReplicaSet[],
    newRS: ReplicaSet | undefined,
    now: number,
    compute: typeof syncRolloutStatus,
  ): void {
    const cur = (this.registry.tryGet(DEPLOYMENTS, d.metadata.namespace, d.metadata.name!) as Deployment | undefined) ?? d;
    const r = compute(cur, rsList, newRS, now);
    if (r.changed) this.writeStatus(cur, r.status);
    if (r.requeueAt !== undefined) this.queue.addAfter(objectKey(d), Math.max(1, r.requeueAt - now));
  }

  private writeStatus(d: Deployment, status: DeploymentStatus): Deployment | undefined {
    try {
      return this.registry.mutate(DEPLOYMENTS, d.metadata.namespace, d.metadata.name!, (o) => {
        if (o.metadata.uid !== d.metadata.uid) return false;
        o.status = status;
      }, { subresource: 'status' }) as Deployment | undefined;
    } catch (e) {
      if (!isApiError(e)) throw e;
      return undefined;
    }
  }

  private setRevision(d: Deployment, revision: string): Deployment | undefined {
    return this.registry.mutate(DEPLOYMENTS, d.metadata.namespace, d.metadata.name!, (o) => {
      if (o.metadata.annotations?.[REVISION_ANNOTATION] === revision) return false;
      o.metadata.annotations = { ...(o.metadata.annotations ?? {}), [REVISION_ANNOTATION]: revision };
    }) as Deployment | undefined;
  }

  /** The ReplicaSets this deployment controls, adopting matching orphans and releasing the rest. */
  private claimReplicaSets(d: Deployment): ReplicaSet[] {
    const out: ReplicaSet[] = [];
    for (const rs of this.registry.list(RS, d.metadata.namespace).items as ReplicaSet[]) {
      const ref = controllerRef(rs);
      const matches = selects(d, rs);
      if (ref) {
        if (ref.uid !== d.metadata.uid) continue;
        if (matches || rs.metadata.deletionTimestamp) out.push(rs);
        else this.registry.mutate(RS, rs.metadata.namespace, rs.metadata.name!, (o) => {
          o.metadata.ownerReferences = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== d.metadata.uid);
        });
        continue;
      }
      if (!matches || rs.metadata.deletionTimestamp || d.metadata.deletionTimestamp) continue;
      const adopted = this.registry.mutate(RS, rs.metadata.namespace, rs.metadata.name!, (o) => {
        o.metadata.ownerReferences = [...(o.metadata.ownerReferences ?? []), ownerRefTo(d)];
      }) as ReplicaSet | undefined;
      if (adopted) out.push(adopted);
    }
    return out;
  }
}


