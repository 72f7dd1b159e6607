// The StatefulSet controller: level-triggered over StatefulSet and Pod watches. One sync = claim
// pods and revisions → the update revision recorded as a ControllerRevision → planStatefulSet
// (plan.ts, pure) → create/delete pods → delete old revisions → write status if it changed.
import type { KObject, Pod } from '../../api/types.js';
import { RESOURCES } from '../../api/registry.js';
import { isApiError } from '../../api/errors.js';
import type { Registry } from '../../registry/registry.js';
import type { EventRecorder } from '../../events/recorder.js';
import { semanticEqual } from '../../api/semantic.js';
import { WorkQueue } from '../queue.js';
import { controllerRef, objectKey } from '../ownership.js';
import { claimObjects } from '../claim.js';
import { ensureCurrentRevision } from '../history/current-revision.js';
import { revisionsToDelete, type ControllerRevision } from '../history/revisions.js';
import { planStatefulSet, podRevision, POD_INDEX_LABEL, POD_NAME_LABEL, ordinalOf, startOrdinal } from './plan.js';
import { claimsForOrdinal, desiredClaimOwners, ownersMatch } from './claims.js';

const SETS = RESOURCES.find((r) => r.kind === 'StatefulSet')!;
const PODS = RESOURCES.find((r) => r.kind === 'Pod')!;
const REVISIONS = RESOURCES.find((r) => r.kind === 'ControllerRevision')!;
const CLAIMS = RESOURCES.find((r) => r.kind === 'PersistentVolumeClaim')!;
/** How soon a pod whose claim is still being deleted is tried again. */
const CLAIM_RETRY_MS = 2000;
const SOURCE = 'statefulset-controller';

export class StatefulSetController {
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
    this.stops.push(this.registry.watch(SETS, undefined, {}, (e) => {
      if (e.type !== 'DELETED') this.queue.add(objectKey(e.object));
    }));
    this.stops.push(this.registry.watch(PODS, undefined, {}, (e) => {
      const ref = controllerRef(e.object);
      if (ref?.kind === 'StatefulSet') this.queue.add(`${e.object.metadata.namespace}/${ref.name}`);
      else if (!ref && e.type !== 'DELETED') for (const s of this.registry.list(SETS, e.object.metadata.namespace).items) this.queue.add(objectKey(s));
    }));
  }

  close(): void {
    for (const s of this.stops) s();
    this.queue.stop();
  }

  private sync(k: string): void {
    const [ns, name] = k.split('/') as [string, string];
    const set = this.registry.tryGet(SETS, ns, name);
    if (!set) return;
    const now = this.registry.clock.now();
    const revisions = claimObjects(this.registry, REVISIONS, set, this.registry.list(REVISIONS, ns).items as ControllerRevision[]);
    const update = this.updateRevision(set, revisions);
    if (!update) return;
    const current = revisions.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
    const pods = claimObjects(this.registry, PODS, set, this.registry.list(PODS, ns).items as Pod[]);
    const plan = planStatefulSet({ set, pods, current, update, now });
    if (set.spec?.volumeClaimTemplates?.length) {
      for (const p of pods) {
        if (p.metadata.deletionTimestamp) continue;
        if (p.status?.phase === 'Pending' && this.createClaims(set, p)) this.queue.addAfter(k, CLAIM_RETRY_MS);
        this.fixClaimOwners(set, p);
      }
    }
    for (const a of plan.actions) {
      const podName = a.pod.metadata.name!;
      if (a.kind === 'create') {
        const claimError = this.createClaims(set, a.pod);
        if (claimError) {
          this.recorder.record(SOURCE, set, 'Warning', 'FailedCreate', `create Pod ${podName} in StatefulSet ${name} failed error: ${claimError}`);
          this.queue.addAfter(k, CLAIM_RETRY_MS);
          continue;
        }
        try {
          this.registry.create(PODS, ns, a.pod);
          this.recorder.record(SOURCE, set, 'Normal', 'SuccessfulCreate', `create Pod ${podName} in StatefulSet ${name} successful`);
        } catch (e) {
          if (!isApiError(e)) throw e;
          this.recorder.record(SOURCE, set, 'Warning', 'FailedCreate', `create Pod ${podName} in StatefulSet ${name} failed error: ${e.message}`);
        }
      } else {
        try {
          this.registry.delete(PODS, ns, podName, { preconditions: { uid: a.pod.metadata.uid } });
          this.recorder.record(SOURCE, set, 'Normal', 'SuccessfulDelete', `delete Pod ${podName} in StatefulSet ${name} successful`);
        } catch (e) {
          if (!isApiError(e)) throw e;
        }
      }
    }
    for (const p of plan.fixIdentity) {
      this.registry.mutate(PODS, ns, p.metadata.name!, (o) => {
        if (o.metadata.uid !== p.metadata.uid) return false;
        o.metadata.labels = { ...(o.metadata.labels ?? {}), [POD_NAME_LABEL]: o.metadata.name!, [POD_INDEX_LABEL]: String(ordinalOf(set, o)) };
      });
    }
    const live = new Set(pods.map(podRevision));
    const keep = new Set([current.metadata.name!, update.metadata.name!]);
    for (const r of revisionsToDelete(revisions, set.spec?.revisionHistoryLimit ?? 10, live, keep)) {
      try {
        this.registry.delete(REVISIONS, ns, r.metadata.name!, { preconditions: { uid: r.metadata.uid } });
      } catch (e) {
        if (!isApiError(e)) throw e;
      }
    }
    this.writeStatus(set, plan.status);
    const minReady = set.spec?.minReadySeconds ?? 0;
    if (minReady > 0 && plan.status.readyReplicas !== plan.status.availableReplicas) this.queue.addAfter(k, minReady * 1000);
  }

  /**
   * createPersistentVolumeClaims: each missing claim of the pod's ordinal is created (owned as the
   * retention policy says); an existing claim is reused. Returns the error that stops the pod's creation.
   */
  private createClaims(set: KObject, pod: Pod): string | undefined {
    const ns = set.metadata.namespace!;
    const errs: string[] = [];
    for (const claim of claimsForOrdinal(set, ordinalOf(set, pod))) {
      const claimName = claim.metadata.name!;
      const existing = this.registry.tryGet(CLAIMS, ns, claimName);
      if (existing) {
        if (existing.metadata.deletionTimestamp) errs.push(`pvc ${claimName} is being deleted`);
        continue;
      }
      const owners = desiredClaimOwners(set, claim, undefined, false);
      if (owners.length) claim.metadata.ownerReferences = owners;
      try {
        this.registry.create(CLAIMS, ns, claim);
        this.recorder.record(SOURCE, set, 'Normal', 'SuccessfulCreate', `create Claim ${claimName} Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} success`);
      } catch (e) {
        if (!isApiError(e)) throw e;
        if (e.code === 409) continue;
        errs.push(`failed to create PVC ${claimName}: ${e.message}`);
        this.recorder.record(SOURCE, set, 'Warning', 'FailedCreate', `create Claim ${claimName} for Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${e.message}`);
      }
    }
    return errs.length ? errs.join('; ') : undefined;
  }

  /** UpdatePodClaimForRetentionPolicy: the pod's claims owned by the set and/or the pod as the policy says. */
  private fixClaimOwners(set: KObject, pod: Pod): void {
    const ns = set.metadata.namespace!;
    const ord = ordinalOf(set, pod);
    const start = startOrdinal(set);
    const condemned = ord < start || ord >= start + (set.spec?.replicas ?? 1);
    for (const want of claimsForOrdinal(set, ord)) {
      const claim = this.registry.tryGet(CLAIMS, ns, want.metadata.name!);
      if (!claim || claim.metadata.deletionTimestamp) continue;
      const owners = desiredClaimOwners(set, claim, pod, condemned);
      if (ownersMatch(claim.metadata.ownerReferences, owners)) continue;
      try {
        this.registry.mutate(CLAIMS, ns, claim.metadata.name!, (o) => {
          if (o.metadata.uid !== claim.metadata.uid) return false;
          if (owners.length) o.metadata.ownerReferences = owners;
          else delete o.metadata.ownerReferences;
        });
      } catch (e) {
        if (!isApiError(e)) throw e;
      }
    }
  }

  /** The revision recording the current template; undefined after a hash collision (requeued with a higher collisionCount). */
  private updateRevision(set: KObject, revisions: ControllerRevision[]): ControllerRevision | undefined {
    return ensureCurrentRevision(this.registry, set, revisions, (collisionCount) => {
      this.writeStatus(set, { ...(set.status ?? {}), collisionCount });
      this.queue.add(objectKey(set));
    });
  }

  private writeStatus(set: KObject, status: object): void {
    try {
      this.registry.mutate(SETS, set.metadata.namespace, set.metadata.name!, (o) => {
        if (o.metadata.uid !== set.metadata.uid || semanticEqual(o.status ?? {}, status)) return false;
        o.status = status;
      }, { subresource: 'status' });
    } catch (e) {
      if (!isApiError(e)) throw e;
    }
  }
}
